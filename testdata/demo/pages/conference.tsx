import dynamic from "next/dynamic";

// Fine: the seed's Pages Router pattern. With ssr: false the dialer and the
// SDK it imports are only loaded in the browser.
const ConferenceDialer = dynamic(() => import("@/components/conference-dialer"), { ssr: false });

export default function ConferencePage() {
  return (
    <main>
      <h1>Weekly conference</h1>
      <ConferenceDialer />
    </main>
  );
}
