"use client";
import { useEffect } from "react";
import dynamic from "next/dynamic";
import { shared } from "./shared";
import { act } from "../../lib/actions";
// Used only in a type: the TypeScript compiler (and SWC) drops this import,
// so lib/errors.ts is not in the browser bundle through it.
import { ApiError } from "../../lib/errors";
// Never used: dropped as well.
import { unusedHelper } from "../../lib/unused";
const Lazy = dynamic(() => import("./lazy"), { ssr: false });
const Eager = dynamic(() => import("./eager"));
if (typeof window !== "undefined") {
  require("./guarded");
}
export function Client(props: { x: unknown; code?: ApiError["code"] }) {
  useEffect(() => { import("./in-effect"); }, []);
  return <button onClick={() => act()}>{String(shared)}<Lazy /><Eager />{String(props.x)}</button>;
}
