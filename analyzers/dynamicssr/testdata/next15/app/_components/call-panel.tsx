// No directive: a plain module that a Server Component imports is server code too.
import loadable from "next/dynamic";

const Camera = loadable(async () => (await import("../../components/camera")).Camera, { ssr: false }); // want `for "../../components/camera", but this module is server code here, imported by Server Component app/page.tsx: Next 15 fails the build`

export function CallPanel() {
  return <Camera />;
}
