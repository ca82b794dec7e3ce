// The seed document's Pages Router pattern: fine, the SDK loads in the browser only.
import dynamic from "next/dynamic";

const Dialer = dynamic(() => import("@/components/dialer"), { ssr: false });

export default function Home() {
  return <Dialer />;
}
