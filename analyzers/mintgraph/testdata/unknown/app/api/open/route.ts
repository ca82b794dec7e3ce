import { mint } from "@/lib/sw";

export async function GET() {
  return mint();
}
