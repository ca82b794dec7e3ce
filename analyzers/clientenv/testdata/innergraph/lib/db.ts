import { connect } from "@planetscale/database";

// Module scope: evaluated wherever the module is, the browser included.
export const conn = connect({ url: process.env.DATABASE_URL }); // want `process\.env\.DATABASE_URL is undefined in the browser`
