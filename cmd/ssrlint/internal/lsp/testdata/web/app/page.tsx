import Room from "./_components/room";

// A Server Component page rendering a client component: fine while room.tsx
// says "use client".
export default function Page() {
  return (
    <main>
      <Room />
    </main>
  );
}
