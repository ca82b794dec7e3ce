export { shown } from "./impl";
export { hidden as aliased } from "./impl";
