import { Viewer } from "../../components/viewer";
import type { ViewProps } from "./index";

export { getStaticProps, getStaticPaths } from "./index";

export default function Embed({ kind }: ViewProps) {
  return <Viewer kind={kind} />;
}
