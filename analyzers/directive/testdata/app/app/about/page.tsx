import type { Metadata } from "next";
import { useState } from "react";
"use client"; // want `"use client" is not at the top.*this file exports metadata, which a Client Component cannot`

export const metadata: Metadata = { title: "About" };

export default function About() {
  const [open, setOpen] = useState(false);
  return <button onClick={() => setOpen(!open)}>{open ? "Less" : "More"}</button>;
}
