// flagsFor is rendered by the client component: it and the helper it calls
// run in the browser. unusedToken is called by nothing.
function channel() {
  return process.env.FLAGS_CHANNEL; // want `process\.env\.FLAGS_CHANNEL is undefined in the browser`
}

function unusedToken() {
  return process.env.FLAGS_TOKEN;
}

export function flagsFor(key: string) {
  return { beta: channel() === "beta" && key.length > 0 };
}

export function adminFlags() {
  return { token: unusedToken() };
}
