// Imported as a namespace: every export counts as used.
export function track(key: string) {
  return fetch(process.env.ANALYTICS_URL + "/" + key); // want `process\.env\.ANALYTICS_URL is undefined in the browser`
}

export function unusedButExported() {
  return process.env.ANALYTICS_SECRET; // want `process\.env\.ANALYTICS_SECRET is undefined in the browser`
}
