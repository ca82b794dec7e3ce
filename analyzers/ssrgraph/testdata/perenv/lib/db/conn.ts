function connect(url?: string) {
  return { url, run: (sql: string) => sql };
}

// A top-level call: evaluated wherever the module is bundled.
export const conn = connect(process.env.DATABASE_URL);
