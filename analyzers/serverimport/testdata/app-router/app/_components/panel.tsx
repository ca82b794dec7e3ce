"use client";
// Fine: a client component, and its own imports are bundled for the browser.
import { Helper } from "./panel-helper";

export function Panel() {
  return <Helper />;
}
