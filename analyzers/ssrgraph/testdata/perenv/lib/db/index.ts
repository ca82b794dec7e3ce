export * from "./register";
