import "@signalwire/web-components"; // want `@signalwire/web-components is imported by a middleware`

export function middleware() {}
