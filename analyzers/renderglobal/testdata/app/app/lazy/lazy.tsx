"use client";
import dynamic from "next/dynamic";

// Fine: ssr: false keeps the map module in the browser.
export const LazyMap = dynamic(() => import("./map"), { ssr: false });
