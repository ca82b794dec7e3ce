export function setting(name: string) {
  return process.env[name]; // want `^process\.env is read with a computed name in this module .*: Next never inlines such a read, so it is undefined in the browser, while the server render reads real values$`
}

export const { ...everything } = process.env; // want `^the rest of process\.env is collected in this module .*: Next never inlines it, so it is empty in the browser$`
