"use client";

import { FetchedCredentialProvider } from "./sw-credentials";

export function Call() {
  return <button onClick={() => new FetchedCredentialProvider().authenticate()}>Call</button>;
}
