import { unstable_cache } from "next/cache";
import { mintToken } from "./signalwire";

export const cachedToken = unstable_cache(mintToken, ["sw-token"], { revalidate: 3600 });
