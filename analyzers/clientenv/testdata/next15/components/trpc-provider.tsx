"use client";

import { apiHost, getBaseUrl } from "@/lib/trpc";

export function TrpcProvider({ children }: { children: React.ReactNode }) {
  return (
    <div data-url={`${getBaseUrl()}/api/trpc`} data-host={apiHost()}>
      {children}
    </div>
  );
}
