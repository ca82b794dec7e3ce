import dynamic from "next/dynamic";

// Fine: in the Pages Router, ssr: false is honoured, and the server code
// that also reaches this module (a page's getStaticProps, an API route)
// renders no component.
const Sheet = dynamic(() => import("./sheet"), { ssr: false });

export function Viewer({ kind }: { kind: string }) {
  return kind === "sheet" ? <Sheet /> : <p>{kind}</p>;
}

export function viewerKinds() {
  return ["sheet", "pdf"];
}
