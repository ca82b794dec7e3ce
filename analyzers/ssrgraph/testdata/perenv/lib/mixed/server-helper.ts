// Only the Server Component asks the (kept) mixed barrel for serverHelper.
import { readSecret } from "../secret";

export const serverHelper = () => readSecret();
