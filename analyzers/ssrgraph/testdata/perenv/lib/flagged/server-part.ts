// Only the Server Component asks for serverPart.
import { readToken } from "../token";

export const serverPart = () => readToken();
