export * from "./plans";
export * from "./charges";
export * from "./ledger";
