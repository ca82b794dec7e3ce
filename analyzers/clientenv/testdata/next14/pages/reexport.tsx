// Re-exporting getServerSideProps alone: Next drops the re-export, and
// lib/ssp.ts with it, from the client build.
export { getServerSideProps } from "../lib/ssp";

export default function Reexport({ token }: { token: string }) {
  return <p>{token}</p>;
}
