// Loaded with next/dynamic from a Server Component: without ssr: false it
// still renders on the server.
export default function BrowserOnly() {
  return <div>{w}</div>;
}
const w = window.innerWidth; // want `window is read at module scope`
