import { Call } from "./_components/call";
import { audit } from "@/lib/audit";

export default async function Page() {
  await audit();
  return <Call />;
}
