// Package expiryunits defines an Analyzer that reports CredentialProvider
// results whose expiry_at is in seconds.
//
// # Analyzer expiryunits
//
// expiryunits: report a credential expiry_at in seconds instead of milliseconds
//
// A CredentialProvider's authenticate() and refresh() return
// `{ token, expiry_at }`, and the SDK reads expiry_at as a millisecond
// timestamp, Date.now() style. A value in seconds — Date.now() / 1000,
// Math.floor(Date.now() / 1000) + 3600, new Date().getTime() / 1000,
// dayjs().unix(), getUnixTime(...), or a plain number below 1e11 — read as
// milliseconds is a date in early 1970, so the token looks expired from the
// start.
//
// The object is recognised as a credential result when it has a token
// property too, or when an authenticate or refresh method or property
// returns it; a local constant (`const exp = …; return { token, expiry_at:
// exp }`) is followed. The fix rewrites the forms that have an exact
// millisecond equivalent: now / 1000 → now, now / 1000 + n → now + n * 1000
// (also with Math.floor, round, ceil or trunc around the division), and
// x.unix() → x.valueOf() (dayjs, moment).
package expiryunits
