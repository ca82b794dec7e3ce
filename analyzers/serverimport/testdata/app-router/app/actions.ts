"use server";
import { useCall } from "@signalwire/react"; // want `@signalwire/react is imported by a "use server" module`

export async function start() {
  return typeof useCall;
}
