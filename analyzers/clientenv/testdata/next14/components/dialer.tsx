import { useEffect } from "react";

export default function Dialer() {
  useEffect(() => {
    // NEXT_PUBLIC_SW_HOST is public by design and inlined.
    console.log(process.env.NEXT_PUBLIC_SW_HOST);
  }, []);
  const token = process.env.SIGNALWIRE_TOKEN; // want `^process\.env\.SIGNALWIRE_TOKEN is undefined in the browser, and this module \(in the browser bundle via Pages Router page pages/index\.tsx\) runs this code only there: .*; SIGNALWIRE_TOKEN is a credential: keep it in a server route that mints a token$`
  return <div data-ready={Boolean(token)} />;
}
