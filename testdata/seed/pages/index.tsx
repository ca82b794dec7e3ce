import dynamic from "next/dynamic";

const Dialer = dynamic(() => import("@/components/dialer"), { ssr: false });

export default function Home() {
  return <Dialer />;
}
