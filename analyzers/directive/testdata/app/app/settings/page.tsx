// Fine: a "use client" page is a Client Component page.
"use client";

import { useState } from "react";

export default function Settings() {
  const [muted, setMuted] = useState(false);
  return <button onClick={() => setMuted(!muted)}>{muted ? "Unmute" : "Mute"}</button>;
}
