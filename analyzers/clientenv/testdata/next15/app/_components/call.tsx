"use client";

import { useEffect, useState } from "react";
import { FetchedCredentialProvider } from "@/app/_lib/sw-credentials";
import { spaceHost } from "@/lib/space";
import { setting, everything } from "@/lib/settings";

// Inlined into the client bundle: NEXT_PUBLIC_ variables, NODE_ENV and the
// next.config env key APP_LABEL.
const host = process.env.NEXT_PUBLIC_SW_HOST;
const debug = process.env.NODE_ENV !== "production";
const label = process.env.APP_LABEL;

const project = process.env.SIGNALWIRE_PROJECT_ID; // want `^process\.env\.SIGNALWIRE_PROJECT_ID is undefined in the browser, but the server render of this "use client" module \(in the browser bundle via Server Component app/page\.tsx\) reads the real value and can write it into the HTML: a leak and a hydration mismatch; SIGNALWIRE_PROJECT_ID is a credential: keep it in a server route that mints a token$`

export function Call({ room }: { room: string }) {
  const [token, setToken] = useState("");
  useEffect(() => {
    const video = process.env.FEATURE_VIDEO; // want `^process\.env\.FEATURE_VIDEO is undefined in the browser, and this "use client" module \(.*\) runs this code only there: Next inlines only NEXT_PUBLIC_ variables, NODE_ENV and next\.config env keys$`
    new FetchedCredentialProvider().authenticate().then((c) => setToken(c.token + String(video)));
  }, []);
  const { NEXT_PUBLIC_SW_HOST } = process.env; // want `^NEXT_PUBLIC_SW_HOST is destructured from process\.env, which Next never inlines, so it is undefined in the browser in this "use client" module .*: read process\.env\.NEXT_PUBLIC_SW_HOST$`
  const region = process.env["NEXT_PUBLIC_SW_REGION"]; // want `^process\.env\["NEXT_PUBLIC_SW_REGION"\] is never inlined by Next, so it is undefined in the browser in this "use client" module .*: write process\.env\.NEXT_PUBLIC_SW_REGION$`
  const onJoin = () => {
    // Writes are not reads; import.meta.env is not Next's.
    process.env.LAST_ROOM = room;
    return import.meta.env.VITE_ROOM;
  };
  if (typeof window !== "undefined") {
    console.log(process.env.DEBUG_CALLS); // want `^process\.env\.DEBUG_CALLS is undefined in the browser, and this "use client" module .* runs this code only there`
  }
  return (
    <button onClick={onJoin} data-host={host} data-debug={String(debug)} data-label={label} data-region={region}>
      {room} {spaceHost()} {token} {NEXT_PUBLIC_SW_HOST} {project ? "" : ""} {setting("x")} {String(everything)}
    </button>
  );
}
