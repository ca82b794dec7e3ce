import "server-only";

export const databaseUrl = process.env.DATABASE_URL;

export function tableName(name: string) {
  return `public.${name}`;
}
