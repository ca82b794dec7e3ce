import "./polyfill";
import "./styles";
export * from "./a";
export * from "./b";
