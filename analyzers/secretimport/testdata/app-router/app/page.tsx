import { Dialer } from "./_components/dialer";
import { Panel } from "./_components/panel";
import { PlanBadge } from "./_components/plan-badge";
import { mintToken } from "@/lib/signalwire";
import { sessionId } from "@/lib/session";

// A Server Component may import server code: the boundary is the
// "use client" module it renders.
export default async function Home() {
  const token = (await sessionId()) ? await mintToken("user") : undefined;
  return (
    <main>
      <Dialer id="sales" token={token} />
      <Panel />
      <PlanBadge plan="pro" />
    </main>
  );
}
