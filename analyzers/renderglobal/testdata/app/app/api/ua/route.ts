export function GET() {
  // Fine for this rule: a route handler renders no component.
  return Response.json({ lang: typeof navigator === "undefined" ? "en" : navigator.language });
}
