// Keys meant for the browser, and names that describe a token rather than
// hold one: none is a credential.
export const firebase = { apiKey: process.env.NEXT_PUBLIC_FIREBASE_API_KEY };
export const vapid = process.env.NEXT_PUBLIC_VAPID_PUBLIC_KEY;
export const token = { contract: process.env.NEXT_PUBLIC_TOKEN_CONTRACT, authUrl: process.env.NEXT_PUBLIC_AUTH_TOKEN_URL };
// A plain API key with the public prefix is the leak this rule is for.
export const api = process.env.NEXT_PUBLIC_API_KEY; // want `^NEXT_PUBLIC_API_KEY looks like a credential \(API_KEY\)`
