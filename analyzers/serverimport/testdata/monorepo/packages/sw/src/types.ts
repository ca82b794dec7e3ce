// Fine: only types.
export type { CredentialProvider } from "@signalwire/js";
