// A first-party barrel of side-effect-free helpers (no "sideEffects" flag).
export * from "./process-key";
export * from "./key-checks";
export * from "./transform";
