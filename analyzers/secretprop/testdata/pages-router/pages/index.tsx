import dynamic from "next/dynamic";

// The seed's Pages Router page.
const Dialer = dynamic(() => import("@/components/dialer"), { ssr: false });

export default function Home() {
  return <Dialer token="" />;
}
