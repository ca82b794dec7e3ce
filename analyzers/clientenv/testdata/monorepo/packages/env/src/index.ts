// A shared env module: fine on the server, but a client component imports it.
export const env = {
  swHost: process.env.NEXT_PUBLIC_SW_HOST ?? "",
  projectId: process.env.SIGNALWIRE_PROJECT_ID ?? "", // want `^process\.env\.SIGNALWIRE_PROJECT_ID is undefined in the browser, but the server render of this module \(in the browser bundle via Server Component app/page\.tsx\) reads the real value .*; SIGNALWIRE_PROJECT_ID is a credential`
  token: process.env.SIGNALWIRE_TOKEN ?? "", // want `^process\.env\.SIGNALWIRE_TOKEN is undefined in the browser, but the server render`
};
