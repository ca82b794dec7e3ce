"use client";

import "@signalwire/web-components"; // want `@signalwire/web-components runs browser code when imported, and "use client" module app/_components/bad.tsx is evaluated during server rendering via Server Component app/page.tsx`
import type { CallWidget } from "@signalwire/web-components"; // fine: type-only

export function Bad() {
  const w: CallWidget | null = null;
  return <sw-call-widget data-w={String(w)} />;
}
