export { CallButton } from "./call-button";
export * from "./badge";
