import type { NextConfig } from "next";

const config: NextConfig = {
  cacheComponents: true,
  env: {
    "SIGNALWIRE_PROJECT_ID": process.env.SIGNALWIRE_PROJECT_ID ?? "", // want `^next\.config env inlines SIGNALWIRE_PROJECT_ID, which looks like a credential \(SIGNALWIRE_PROJECT_ID\), into every bundle`
    NEXT_PUBLIC_SW_HOST: "relay.signalwire.com",
  },
};

export default config;
