// Fine: the Server Component renders client components only.
import { Dialer } from "../_components/dialer";
import { Panel } from "@/app/_components/panel";

export default function Page() {
  return (
    <>
      <Dialer token="t" />
      <Panel />
    </>
  );
}
