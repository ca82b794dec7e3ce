import { db } from "../lib/db";

export async function getServerSideProps() {
  return { props: { rows: await db() } };
}

export default function Data({ rows }: { rows: unknown }) {
  return <pre>{String(rows)}</pre>;
}
