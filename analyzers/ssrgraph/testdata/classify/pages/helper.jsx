// .jsx is not in pageExtensions: not a page.
export default function Helper() { return null; }
