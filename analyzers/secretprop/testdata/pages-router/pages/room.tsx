import dynamic from "next/dynamic";
import { mintToken } from "@/lib/sw";

const Dialer = dynamic(() => import("@/components/dialer"), { ssr: false });

// A token minted on the server, a public host and plain configuration:
// nothing secret reaches the props.
export async function getServerSideProps() {
  const token = await mintToken("room-42");
  return {
    props: {
      token,
      host: process.env.NEXT_PUBLIC_SW_HOST ?? null,
      region: process.env.APP_REGION ?? "us",
      configured: Boolean(process.env.SIGNALWIRE_TOKEN),
    },
  };
}

export default function Room({ token }: { token: string }) {
  return <Dialer token={token} />;
}
