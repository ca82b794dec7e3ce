import { CallPanel } from "@/components/call-panel";

export default function CallPage() {
  return <CallPanel />;
}
