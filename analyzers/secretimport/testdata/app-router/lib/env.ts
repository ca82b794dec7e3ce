import { createEnv } from "@t3-oss/env-nextjs";

// t3-env is imported on both sides by design: it throws if browser code
// reads a server variable.
export const env = createEnv({
  server: {},
  client: {},
  runtimeEnv: {
    SIGNALWIRE_TOKEN: process.env.SIGNALWIRE_TOKEN,
    NEXT_PUBLIC_SW_HOST: process.env.NEXT_PUBLIC_SW_HOST,
  },
});
