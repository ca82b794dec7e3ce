import dynamic from "next/dynamic";

// next/dynamic without ssr: false still renders on the server.
const Call = dynamic(() => import("@/components/call"));
const Widget = dynamic(() => import("@signalwire/call-widget")); // want `@signalwire/call-widget is loaded with next/dynamic without \{ ssr: false \} by a Server Component`

export default function Page() {
  return (
    <>
      <Call />
      <Widget />
    </>
  );
}
