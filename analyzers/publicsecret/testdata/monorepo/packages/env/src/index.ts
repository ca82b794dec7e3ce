export const env = {
  swHost: process.env.NEXT_PUBLIC_SW_HOST ?? "",
  token: process.env.NEXT_PUBLIC_SIGNALWIRE_TOKEN ?? "", // want `^NEXT_PUBLIC_SIGNALWIRE_TOKEN looks like a credential \(SIGNALWIRE_TOKEN\), but the NEXT_PUBLIC_ prefix makes Next inline its value into this module \(in the browser bundle via Server Component app/page\.tsx\)`
};
