import { auth } from "@/auth";
import { mint } from "@/lib/sw";

export async function POST() {
  await auth();
  return mint();
}
