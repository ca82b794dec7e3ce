import { Dialer, LeakyDialer, OneLine, Sibling } from "./_components/dialer";
import { Room } from "./room/room";

export default function Page() {
  return (
    <main>
      <Dialer token="t" />
      <LeakyDialer token="t" />
      <OneLine token="t" />
      <Sibling token="t" />
      <Room token="t" />
    </main>
  );
}
