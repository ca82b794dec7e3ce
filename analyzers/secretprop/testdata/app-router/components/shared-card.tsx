import { Dialer } from "@/app/_components/dialer";

// Rendered by the Server Component page and by the client page: also in the
// browser bundle, where clientenv reports the read.
export function SharedCard() {
  return <Dialer token={process.env.SIGNALWIRE_TOKEN ?? ""} />;
}
