import NextAuth from "next-auth";

// auth is a binding, not a top-level function: mintgraph cannot follow it.
export const { auth } = NextAuth({ providers: [] });
