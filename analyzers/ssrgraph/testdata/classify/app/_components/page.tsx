// In a private folder: not a route.
export default function NotARoute() { return null; }
