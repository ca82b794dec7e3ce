import type { GetStaticPaths, GetStaticProps } from "next";
import { listRooms } from "../../lib/rooms";
import { projectLabel } from "../../lib/label";

export const getStaticPaths: GetStaticPaths = async () => {
  const rooms = await listRooms();
  return { paths: rooms.map((id) => ({ params: { id } })), fallback: false };
};

export const getStaticProps: GetStaticProps = async ({ params }) => {
  const rooms = await listRooms();
  // Data functions run at build time on the server.
  return { props: { id: String(params?.id), count: rooms.length, region: process.env.SIGNALWIRE_REGION ?? "" } };
};

export default function Room({ id }: { id: string }) {
  return <h1>{projectLabel()} {id}</h1>;
}
