// Declared free of side effects; the barrel defines a name itself, so it is
// kept wherever VERSION is used and forwards what each environment asks.
export const VERSION = "1";
export * from "./client-part";
export * from "./server-part";
