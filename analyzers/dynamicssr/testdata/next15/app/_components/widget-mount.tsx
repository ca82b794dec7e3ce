"use client";

import dynamic from "next/dynamic";

// Fine: the seed's pattern; ssr: false in a Client Component keeps the import in the browser.
const RegisterWebComponents = dynamic(
  () => import("@signalwire/web-components").then(() => () => null),
  { ssr: false }
);

export function Widget({ token }: { token: string }) {
  return (
    <>
      <RegisterWebComponents />
      <sw-call-widget token={token} destination="/public/sales" />
    </>
  );
}
