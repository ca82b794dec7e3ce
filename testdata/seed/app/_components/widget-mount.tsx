"use client";

import dynamic from "next/dynamic";
import { useEffect } from "react";

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
