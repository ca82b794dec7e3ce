import { mintRoom, status } from "@/lib";
import * as sw from "@/lib/sw";

async function both() {
  await sw.basic();
  return status();
}

export async function POST() {
  await both();
  return mintRoom();
}
