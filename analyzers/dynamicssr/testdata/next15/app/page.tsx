import dynamic from "next/dynamic";
import { CallPanel } from "./_components/call-panel";
import { Widget } from "./_components/widget-mount";

const Dialer = dynamic(() => import("@/components/dialer").then((m) => m.Dialer), { ssr: false }); // want `for "@/components/dialer", but this module is a Server Component: Next 15 fails the build`

// Fine: without ssr: false, next/dynamic is allowed in a Server Component (it still renders on the server).
const Help = dynamic(() => import("@/components/help"));

// Fine: ssr: true is the default.
const Faq = dynamic(() => import("@/components/help"), { ssr: true });

export default async function Home() {
  return (
    <main>
      <Dialer />
      <CallPanel />
      <Widget token="t" />
      <Help />
      <Faq />
    </main>
  );
}
