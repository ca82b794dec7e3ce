export { POST as GET } from "../a/route";
