import { mintToken } from "@/lib/sw";

// Only getServerSideProps uses the import: Next removes it from the
// page's client build.
export async function getServerSideProps() {
  return { props: { token: await mintToken("guest") } };
}

export default function Call({ token }: { token: string }) {
  return <p data-ready={token !== ""}>Call</p>;
}
