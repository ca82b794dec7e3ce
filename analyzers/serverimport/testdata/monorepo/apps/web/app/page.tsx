import { make } from "@acme/sw";
import type { CredentialProvider } from "@acme/sw/types";

export default function Page() {
  const p: CredentialProvider | null = null;
  return <div>{String(make)}{String(p)}</div>;
}
