import { Widget } from "./_components/widget-mount";
import { Bad } from "./_components/bad";
import { Effect } from "./_components/effect";

export default function Page() {
  return (
    <>
      <Widget token="t" />
      <Bad />
      <Effect />
    </>
  );
}
