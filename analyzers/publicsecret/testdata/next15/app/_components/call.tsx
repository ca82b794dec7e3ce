"use client";

import { useEffect } from "react";
import { FetchedCredentialProvider } from "@/app/_lib/sw-credentials";

export function Call() {
  useEffect(() => {
    void new FetchedCredentialProvider().authenticate();
  }, []);
  // Public by design, or not a credential.
  const host = process.env.NEXT_PUBLIC_SW_HOST;
  const maps = process.env.NEXT_PUBLIC_GOOGLE_MAPS_API_KEY;
  const label = process.env.APP_LABEL;
  const token = process.env.NEXT_PUBLIC_SIGNALWIRE_TOKEN; // want `^NEXT_PUBLIC_SIGNALWIRE_TOKEN looks like a credential \(SIGNALWIRE_TOKEN\), but the NEXT_PUBLIC_ prefix makes Next inline its value into this module \(in the browser bundle via Server Component app/page\.tsx\), where every visitor can see it: drop the prefix and read it only in server code$`
  const again = process.env.NEXT_PUBLIC_SIGNALWIRE_TOKEN; // reported once per module
  const inlined = process.env.SIGNALWIRE_TOKEN; // want `^next\.config env inlines SIGNALWIRE_TOKEN, which looks like a credential \(SIGNALWIRE_TOKEN\), into this module \(in the browser bundle via Server Component app/page\.tsx\): its value ships to every visitor; read it only in server code$`
  return <p data-host={host} data-maps={maps} data-label={label}>{token === again ? inlined : ""}</p>;
}
