"use client";
import { useEffect } from "react";
import dynamic from "next/dynamic";
import { shared } from "./shared";
import { act } from "../../lib/actions";
const Lazy = dynamic(() => import("./lazy"), { ssr: false });
const Eager = dynamic(() => import("./eager"));
if (typeof window !== "undefined") {
  require("./guarded");
}
export function Client(props: { x: unknown }) {
  useEffect(() => { import("./in-effect"); }, []);
  return <button onClick={() => act()}>{String(shared)}<Lazy /><Eager />{String(props.x)}</button>;
}
