import dynamic from "next/dynamic";
import { Dialer } from "./_components/dialer";
import Chat from "./_components/chat";
import { ServerPanel } from "./_components/server-panel";
import { Widget } from "./_components/widget-mount";
import { SharedCard } from "@/components/shared-card";
import { mintToken } from "@/lib/sw";
import { env } from "@/env";

const LazyDialer = dynamic(() => import("./_components/dialer"));

const { SIGNALWIRE_PROJECT_ID } = process.env;

export default async function Home() {
  const token = process.env.SIGNALWIRE_TOKEN!;
  const settings = { project: SIGNALWIRE_PROJECT_ID, token };
  // The seed's pattern: a token minted on the server, not the credential.
  const sat = await mintToken("guest");
  return (
    <main>
      <Dialer token={token} /> {/* want "the credential SIGNALWIRE_TOKEN is passed to the Client Component <Dialer> as its token prop" */}
      <LazyDialer {...settings} /> {/* want "the credentials SIGNALWIRE_PROJECT_ID and SIGNALWIRE_TOKEN are passed to the Client Component <LazyDialer> through a spread, as its project and token props" */}
      <Chat config={{ key: env.OPENAI_API_KEY }} /> {/* want "the credential OPENAI_API_KEY is passed to the Client Component <Chat> as its config.key prop" */}
      <Chat>{process.env.STRIPE_SECRET_KEY}</Chat> {/* want "STRIPE_SECRET_KEY is passed to the Client Component <Chat> as its children" */}
      <sw-call-widget token={process.env.SIGNALWIRE_TOKEN} destination="/public/sales" /> {/* want "is written into the HTML as the token attribute of <sw-call-widget>" */}
      <Widget token={sat} />
      <Dialer token={sat} />
      {/* Public by design, or not a credential: configuration a client needs. */}
      <Chat apiKey={process.env.NEXT_PUBLIC_SW_HOST} config={{ region: process.env.APP_REGION }} />
      {/* A Server Component's props stay on the server. */}
      <ServerPanel token={process.env.SIGNALWIRE_TOKEN} />
      {/* Booleans and lengths are not the credential. */}
      <Chat config={{ enabled: !!process.env.SIGNALWIRE_TOKEN, size: process.env.SIGNALWIRE_TOKEN?.length }} />
      <SharedCard />
    </main>
  );
}
