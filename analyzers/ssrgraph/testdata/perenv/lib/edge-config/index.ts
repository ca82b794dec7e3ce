export * from "./is-blacklisted-key";
