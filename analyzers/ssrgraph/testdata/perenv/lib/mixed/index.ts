// Pure itself, but with-db.ts imports a module with a top-level call, so
// the barrel has side effects (webpack's analysis is transitive) and is
// kept: its re-exports are then pruned by the names asked of it in each
// environment.
export * from "./fmt";
export * from "./with-db";
export * from "./unused";
export * from "./server-helper";
