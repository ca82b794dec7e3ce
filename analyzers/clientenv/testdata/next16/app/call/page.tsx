"use client";

import { useState } from "react";

export default function CallPage() {
  const [space] = useState(process.env.SIGNALWIRE_SPACE); // want `^process\.env\.SIGNALWIRE_SPACE is undefined in the browser, but the server render of this "use client" module reads the real value and can write it into the HTML: a leak and a hydration mismatch; SIGNALWIRE_SPACE is a credential`
  const env = process.env;
  // An event handler runs in the browser only, where the alias is empty.
  return <button onClick={() => console.log(env.NEXT_PUBLIC_SW_HOST)}>{space}</button>; // want `^NEXT_PUBLIC_SW_HOST is read through an alias of process\.env, which Next never inlines, so it is undefined in the browser in this "use client" module: read process\.env\.NEXT_PUBLIC_SW_HOST$`
}
