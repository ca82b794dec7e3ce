// Reads the environment inside a function only.
export const isBlacklistedKey = async (key: string) => {
  return process.env.EDGE_CONFIG === key;
};
