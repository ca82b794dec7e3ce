// Pure itself, but imports a module with a top-level call: webpack keeps it
// (and the barrel) wherever the barrel is used.
import { conn } from "../db/conn";

export const query = (sql: string) => conn.run(sql);
