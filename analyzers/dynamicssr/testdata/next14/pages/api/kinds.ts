import { viewerKinds } from "../../components/viewer";

export default function handler(_req: unknown, res: { json(v: unknown): void }) {
  res.json(viewerKinds());
}
