import { Preview, Tile } from "./_components/preview";

export default function Page() {
  return (
    <main>
      <Preview />
      <Tile />
    </main>
  );
}
