"use client";

import { useEffect } from "react";
import { env } from "@/lib/env.mjs";

export function AbsoluteUrl({ path }: { path: string }) {
  useEffect(() => {
    void fetch(`/api/log?key=${env.STRIPE_API_KEY}`); // want `^env\.STRIPE_API_KEY is a server variable of lib/env\.mjs's env \(createEnv\) read in this "use client" module \(in the browser bundle via Server Component app/page\.tsx\): in the browser the library throws instead of returning it; read it in server code`
  }, []);
  return (
    <a href={`${env.NEXT_PUBLIC_APP_URL}${path}`} data-db={env.DATABASE_URL}> {/* want `env\.DATABASE_URL is a server variable .*: in the browser the library throws instead of returning it, while the server render reads the real value and can write it into the HTML` */}
      {path}
    </a>
  );
}
