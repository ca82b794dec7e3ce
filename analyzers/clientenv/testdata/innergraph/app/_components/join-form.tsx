"use client";

// The shape found in dubinc/dub: a client component takes one helper from a
// barrel whose other modules hold server code. Only what the browser bundle
// can run is reported.
import { useState } from "react";
import { processKey } from "@/lib/links";
import { flagsFor } from "@/lib/edge-config";
import * as analytics from "@/lib/analytics";

export function JoinForm() {
  const [key, setKey] = useState("");
  const flags = flagsFor(key);
  return (
    <form onSubmit={() => analytics.track(processKey(key))}>
      <input value={key} onChange={(e) => setKey(e.target.value)} />
      {flags.beta && <p>beta</p>}
    </form>
  );
}
