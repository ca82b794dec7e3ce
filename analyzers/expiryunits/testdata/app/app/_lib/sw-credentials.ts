"use client";

import type { CredentialProvider } from "@signalwire/js";
import dayjs from "dayjs";

// Fine: the seed document's provider, in milliseconds.
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

export class SecondsProvider implements CredentialProvider {
  async authenticate() {
    const { token } = await (await fetch("/api/sw-token", { method: "POST" })).json();
    return { token, expiry_at: Math.floor(Date.now() / 1000) + 2 * 60 * 60 }; // want `expiry_at is in seconds \(Math\.floor\(Date\.now\(\) / 1000\) \+ 2 \* 60 \* 60\), but the SDK expects a millisecond timestamp`
  }
  refresh = async () => {
    const token = await fetchToken();
    return { token, expiry_at: Date.now() / 1000 }; // want `expiry_at is in seconds \(Date\.now\(\) / 1000\)`
  };
}

export const objectProvider: CredentialProvider = {
  async authenticate() {
    const data = await fetchToken();
    return {
      token: data,
      expiry_at: new Date().getTime() / 1000 + 3600, // want `expiry_at is in seconds`
    };
  },
  refresh: async () => ({ token: await fetchToken(), expiry_at: dayjs().add(2, "hour").unix() }), // want `expiry_at is in seconds \(dayjs\(\)\.add\(2, "hour"\)\.unix\(\)\)`
};

export async function staticCredentials() {
  const expiry_at = Math.round(Date.now() / 1e3) + 7200;
  return { token: await fetchToken(), expiry_at }; // want `expiry_at is in seconds \(Math\.round\(Date\.now\(\) / 1e3\) \+ 7200\)`
}

export const lifetimeProvider = {
  authenticate: async () => ({ token: await fetchToken(), "expiry_at": 7200 }), // want `expiry_at is 7200, a number of seconds`
};

// Fine: milliseconds computed from a seconds value the server sent.
export async function fromServer() {
  const { token, expires_in } = await (await fetch("/api/sw-token")).json();
  return { token, expiry_at: Date.now() + expires_in * 1000 };
}

// Fine: unknown units are not guessed at.
export async function passThrough() {
  const data = await (await fetch("/api/sw-token")).json();
  return { token: data.token, expiry_at: data.expiry_at };
}

async function fetchToken(): Promise<string> {
  const res = await fetch("/api/sw-token", { method: "POST" });
  return (await res.json()).token;
}
