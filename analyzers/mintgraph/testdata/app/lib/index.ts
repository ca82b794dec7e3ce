export * from "./sw";
export { mint as mintRoom } from "./sw";
