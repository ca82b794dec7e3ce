const RESERVED = ["admin", "api"];

export const isReservedKey = async (key: string) =>
  RESERVED.includes(key) || key === process.env.RESERVED_KEY;
