import { CallButton, Badge } from "@/components/ui";

export default function BasicPage() {
  const auth = `Basic ${Buffer.from(`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`).toString("base64")}`;
  return (
    <>
      <CallButton auth={auth} /> {/* want "a value built from the credentials SIGNALWIRE_PROJECT_ID and SIGNALWIRE_TOKEN is passed to the Client Component <CallButton>" */}
      <Badge label={process.env.DATABASE_URL ?? "none"} /> {/* want "DATABASE_URL is passed to the Client Component <Badge>" */}
      <script
        dangerouslySetInnerHTML={{ __html: `window.__CFG = ${JSON.stringify({ secret: process.env.SESSION_SECRET })}` }} // want "a value built from the credential SESSION_SECRET is written into the HTML as the dangerouslySetInnerHTML.__html attribute of <script>"
      />
    </>
  );
}
