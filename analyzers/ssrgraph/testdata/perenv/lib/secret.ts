export function readSecret() {
  return process.env.SECRET_KEY;
}
