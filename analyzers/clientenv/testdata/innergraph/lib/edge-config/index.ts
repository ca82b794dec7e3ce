export * from "./is-blacklisted-key";
export * from "./is-reserved-key";
export * from "./flags";
