import { cookies } from "next/headers";
import { Dialer } from "./_components/dialer";
import { Presence } from "./_components/presence";
import { Widget } from "./_components/widget";

// A Server Component. The three components it renders are "use client"
// modules: the server still evaluates them to prerender their HTML.
export default async function Home() {
  const token = (await cookies()).get("sw_sat")?.value ?? "";
  return (
    <main>
      <h1>Support</h1>
      <Presence name="Sales team" />
      <Dialer token={token} />
      <Widget token={token} />
    </main>
  );
}
