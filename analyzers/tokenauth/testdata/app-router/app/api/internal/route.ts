import { mintToken } from "@/lib/sw";

// A service-to-service route: a bearer secret in the Authorization header.
export async function POST(req: Request) {
  if (req.headers.get("authorization") !== `Bearer ${process.env.INTERNAL_API_TOKEN}`) {
    return new Response(null, { status: 401 });
  }
  return Response.json({ token: await mintToken("service") });
}
