import { Dialer } from "./_components/dialer";
import { Widget } from "./_components/widget-mount";

export default function Home() {
  return (
    <main>
      <Dialer token="t" />
      <Widget token="t" />
    </main>
  );
}
