// A plain module imported by a Server Component.
export const title = document.title; // want `document is read at module scope, which the server evaluates when it renders this module via Server Component app/page.tsx`
