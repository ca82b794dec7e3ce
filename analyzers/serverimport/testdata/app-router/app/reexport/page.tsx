import * as sdk from "../../lib";

export default function Page() {
  return <pre>{Object.keys(sdk).length}</pre>;
}
