export default function sitemap() { return []; }
