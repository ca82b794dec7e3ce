// The t3-env pattern (create-t3-app, shadcn's taxonomy): one module declares
// every variable and is imported by server and client code alike.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

export const env = createEnv({
  server: {
    DATABASE_URL: z.string().min(1),
    STRIPE_API_KEY: z.string().min(1),
  },
  client: {
    NEXT_PUBLIC_APP_URL: z.string().min(1),
    NEXT_PUBLIC_REGION: z.string().min(1),
  },
  runtimeEnv: {
    // fine: createEnv exposes server variables on the server only and throws when browser code reads one
    DATABASE_URL: process.env.DATABASE_URL,
    STRIPE_API_KEY: process.env.STRIPE_API_KEY, // fine: as above
    NEXT_PUBLIC_APP_URL: process.env.NEXT_PUBLIC_APP_URL, // fine: inlined
    NEXT_PUBLIC_REGION: process.env["NEXT_PUBLIC_REGION"], // want `^process\.env\["NEXT_PUBLIC_REGION"\] is never inlined by Next`
  },
});
