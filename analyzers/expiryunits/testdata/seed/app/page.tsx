import { Dialer } from "./_components/dialer";
import { Widget } from "./_components/widget-mount";

export default function Page() {
  return (
    <main>
      <Dialer token="t" />
      <Widget token="t" />
    </main>
  );
}
