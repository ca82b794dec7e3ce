import { unstable_cache } from "next/cache";
import { mintToken } from "./signalwire";

async function mintGuest() {
  return mintToken("guest");
}

export const getGuestToken = unstable_cache(mintGuest, ["guest-token"], { revalidate: 600 });
