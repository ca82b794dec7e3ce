import { Call } from "./_lib/call";

export default function Page() {
  return <Call />;
}
