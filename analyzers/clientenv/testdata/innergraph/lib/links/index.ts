export * from "./process-key";
export * from "./key-checks";
