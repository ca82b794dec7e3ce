import { Call } from "./_components/call";
import { Lazy } from "./_components/lazy";
import { AbsoluteUrl } from "@/components/absolute-url";
import { TrpcProvider } from "@/components/trpc-provider";
import { env } from "@/lib/env.mjs";

// A Server Component runs on the server only: reading a credential here is fine.
const project = process.env.SIGNALWIRE_PROJECT_ID;

export default function Page() {
  return (
    <>
      <Call room={project ? "room" : "none"} />
      <Lazy />
      <AbsoluteUrl path={env.DATABASE_URL ? "/" : "/setup"} />
      <TrpcProvider>{null}</TrpcProvider>
    </>
  );
}
