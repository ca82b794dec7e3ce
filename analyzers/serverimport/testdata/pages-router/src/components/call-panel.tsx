import { Video } from "@signalwire/js"; // want `@signalwire/js is imported by src/components/call-panel.tsx, which runs during server rendering via Pages Router page src/pages/call.tsx`

export function CallPanel() {
  return <div>{typeof Video}</div>;
}
