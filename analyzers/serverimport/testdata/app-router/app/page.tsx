import Link from "next/link";
import { SignalWire } from "@signalwire/js"; // want `browser-only @signalwire/js is imported by a Server Component, which runs on the server`
import type { CredentialProvider } from "@signalwire/js"; // fine: type-only imports are erased
import { type StaticCredentialProvider } from "@signalwire/js"; // fine: every specifier is a type
import { Video } from "@signalwire/jsx-helpers"; // fine: a different package
import { EmbedTokenCredentialProvider } from "@signalwire/js"; // fine: used only in a type below, so the compiler drops the import

export async function connect(provider: CredentialProvider | EmbedTokenCredentialProvider) {
  return new SignalWire(provider);
}

export default function Home() {
  return <Link href="/rooms/1">rooms</Link>;
}
