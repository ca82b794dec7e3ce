// The seed document's Pages Router page: the dialer loads with ssr: false.
import dynamic from "next/dynamic";

const Dialer = dynamic(() => import("@/components/dialer"), { ssr: false });

export default function Home() {
  return <Dialer />;
}
