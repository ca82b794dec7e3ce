"use client";

import dynamic from "next/dynamic";
import { Toolbar } from "../../components/toolbar";

// Fine: a "use client" page is a Client Component.
const Dialer = dynamic(() => import("../../components/dialer"), { ssr: false });

export default function CallPage() {
  return (
    <>
      <Toolbar />
      <Dialer />
    </>
  );
}
