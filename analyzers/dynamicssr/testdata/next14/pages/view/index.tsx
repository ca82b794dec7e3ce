import { Viewer, viewerKinds } from "../../components/viewer";

export type ViewProps = { kind: string };

export async function getStaticProps() {
  return { props: { kind: viewerKinds()[0] } };
}

export async function getStaticPaths() {
  return { paths: [], fallback: "blocking" };
}

export default function View({ kind }: ViewProps) {
  return <Viewer kind={kind} />;
}
