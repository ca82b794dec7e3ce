// Imported by pages/rooms/[id].tsx for getStaticPaths and getStaticProps
// only: Next removes it from the page's client build.
export async function listRooms(): Promise<string[]> {
  const res = await fetch(`${process.env.ROOMS_API_URL}/rooms`, {
    headers: { Authorization: `Bearer ${process.env.ROOMS_API_TOKEN}` },
  });
  return res.json();
}
