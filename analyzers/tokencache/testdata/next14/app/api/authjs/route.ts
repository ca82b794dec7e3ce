import { auth } from "@/auth";
import { mintToken } from "@/lib/signalwire";

// auth() is not a plain function ssrlint can follow; Auth.js reads the
// session cookie, which makes the GET dynamic before the mint. Not reported.
export async function GET() {
  const session = await auth();
  if (!session?.user?.email) return new Response("unauthorized", { status: 401 });
  return Response.json({ token: await mintToken(session.user.email) });
}
