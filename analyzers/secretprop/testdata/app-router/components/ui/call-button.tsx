"use client";

export function CallButton({ auth }: { auth: string }) {
  return <button onClick={() => fetch("/api/call", { headers: { Authorization: auth } })}>Call</button>;
}
