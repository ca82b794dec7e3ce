export function serverOnly() {
  return "MARK_SERVER_ONLY";
}

export function clientToo() {
  return "MARK_UNUSED_EXPORT";
}
