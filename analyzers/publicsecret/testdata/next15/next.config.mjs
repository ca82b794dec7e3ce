/** @type {import('next').NextConfig} */
const nextConfig = {
  env: {
    SIGNALWIRE_TOKEN: process.env.SIGNALWIRE_TOKEN, // want `^next\.config env inlines SIGNALWIRE_TOKEN, which looks like a credential \(SIGNALWIRE_TOKEN\), into every bundle, the browser's included: remove it from env and read process\.env\.SIGNALWIRE_TOKEN only in server code$`
    // Not credentials, or public by design.
    APP_LABEL: "calls",
    STRIPE_PUBLISHABLE_KEY: process.env.STRIPE_PUBLISHABLE_KEY,
  },
};

export default nextConfig;
