import { Analytics } from "../components/analytics";
import * as keys from "../components/keys";

export default function Home() {
  return (
    <>
      <Analytics />
      <pre>{JSON.stringify(keys)}</pre>
    </>
  );
}
