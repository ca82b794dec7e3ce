import { createEnv } from "@t3-oss/env-nextjs";

export const env = createEnv({
  server: {},
  client: {},
  runtimeEnv: {
    OPENAI_API_KEY: process.env.OPENAI_API_KEY,
    NEXT_PUBLIC_SW_HOST: process.env.NEXT_PUBLIC_SW_HOST,
  },
}) as Record<string, string>;
