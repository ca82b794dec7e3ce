import { handleMint } from "@/lib/handlers";

// The check is in the helper, before its mint.
export async function POST(req: Request) {
  return handleMint(req);
}
