import { SESSION_COOKIE } from "./session";

export function cookieLabel() {
  return `cookie: ${SESSION_COOKIE}`;
}
