export { GET } from "@/lib/token-handler";
