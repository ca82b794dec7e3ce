const env = process.env;

export function spaceHost() {
  return env.SIGNALWIRE_SPACE; // want `^SIGNALWIRE_SPACE \(read through an alias of process\.env\) is undefined in the browser, but the server render of this module \(in the browser bundle via Server Component app/page\.tsx\) reads the real value .*; SIGNALWIRE_SPACE is a credential`
}
