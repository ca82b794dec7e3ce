import { cookies } from "next/headers";
import { Dialer } from "@/app/_components/dialer";
import { roomAddress } from "@/lib/signalwire";

// A Server Component. It only wants roomAddress, but lib/signalwire.ts also
// imports @signalwire/js, which this import pulls into the server bundle.
export default async function RoomPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const token = (await cookies()).get("sw_sat")?.value ?? "";
  return (
    <main>
      <h1>Room {roomAddress(id)}</h1>
      <Dialer token={token} />
    </main>
  );
}
