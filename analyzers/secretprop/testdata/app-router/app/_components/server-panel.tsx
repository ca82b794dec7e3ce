// A Server Component: its props stay on the server.
export function ServerPanel({ token }: { token?: string }) {
  return <p>{token ? "configured" : "missing"}</p>;
}
