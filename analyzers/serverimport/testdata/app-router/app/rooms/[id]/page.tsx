import { connect } from "@/lib/sw";

export default async function Room({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <div data-room={id}>{String(connect)}</div>;
}
