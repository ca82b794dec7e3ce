import { CallPanel } from "@/components/call-panel";

// A Pages Router page: the server renders it, and every module it imports
// statically, before the browser hydrates it.
export default function LegacyCallPage() {
  return (
    <main>
      <h1>Support line</h1>
      <CallPanel destination="/public/support" />
    </main>
  );
}
