"use client";
import dynamic from "next/dynamic";

// Fine: ssr: false from a client component keeps the module in the browser.
export const Lazy = dynamic(() => import("./camera"), { ssr: false });
