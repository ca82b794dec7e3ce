export * from "@signalwire/js"; // want `@signalwire/js is re-exported by lib/index.ts`
export type { CredentialProvider } from "@signalwire/js"; // fine: type-only re-export
