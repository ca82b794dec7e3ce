export * from "./log";
export * from "./cn";
export { x as y } from "./xy";
export { SignalWire } from "@signalwire/js";
export type { T } from "./types";
