import { viewer } from "@/lib";

export default async function handler() {
  return viewer();
}
