export const MAX_KEY = 190;

export function processKey(key: string) {
  return key.trim().slice(0, MAX_KEY);
}
