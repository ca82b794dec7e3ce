import { Room } from "./_components/room";

export default function Page() {
  return <Room />;
}
