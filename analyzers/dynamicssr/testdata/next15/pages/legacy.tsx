import dynamic from "next/dynamic";

// Fine: the seed's Pages Router pattern; a Pages Router page is rendered like a Client Component.
const Dialer = dynamic(() => import("@/components/dialer"), { ssr: false });

export default function Legacy() {
  return <Dialer />;
}
