export function register() {
  return process.env.DB_NAME;
}
