// Fine: no Next.js entry renders this file (a Storybook story).
export const Embed = () => <script src="/vendor/signalwire-web-components-embed.iife.js" />;
