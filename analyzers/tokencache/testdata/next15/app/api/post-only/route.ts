// Only POST is re-exported: the GET of lib/both-methods.ts is no handler of
// this route. Not reported.
export { POST } from "@/lib/both-methods";
