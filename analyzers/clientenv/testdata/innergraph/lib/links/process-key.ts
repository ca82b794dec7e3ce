export function processKey(key: string) {
  return key.trim().toLowerCase();
}
