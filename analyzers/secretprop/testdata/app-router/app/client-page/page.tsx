"use client";

import { Dialer } from "../_components/dialer";
import { SharedCard } from "@/components/shared-card";

// A Client Component page: its own reads are in the browser bundle, where
// clientenv reports them; a prop between client components crosses nothing.
export default function ClientPage() {
  return (
    <>
      <Dialer token={process.env.SIGNALWIRE_TOKEN ?? ""} />
      <SharedCard />
    </>
  );
}
