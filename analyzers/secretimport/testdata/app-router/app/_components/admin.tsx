"use client";

import { useState } from "react";

export function Admin() {
  const [table, setTable] = useState<string | null>(null);
  // Loaded on click only, but still bundled for the browser.
  const load = async () => setTable((await import("@/lib/db")).tableName("users")); // want "this import puts lib/db.ts in the browser bundle, but it is server code: it reads the credential DATABASE_URL and it is marked import \"server-only\", so Next fails the build"
  return <button onClick={load}>{table ?? "load"}</button>;
}
