"use client";

import type { CredentialProvider } from "@signalwire/js";

export class FetchedCredentialProvider implements CredentialProvider {
  async authenticate() {
    const res = await fetch("/api/sw-token", { method: "POST" });
    if (!res.ok) throw new Error("token fetch failed");
    const { token } = await res.json();
    // Default SAT lifetime is 2h. If you override `expire_at` when
    // minting, compute from that value instead.
    return { token, expiry_at: Date.now() + 2 * 60 * 60 * 1000 };
  }
  async refresh() {
    return this.authenticate();
  }
}
