import { useState } from "react";
"use client"; // want `^"use client" is not at the top.*move it above the imports$`
"use server"; // want `^"use server" is not at the top.*moving it up would put it next to "use client", which Next rejects: split the file in two$`

export function BothLate() {
  const [n] = useState(0);
  return <span>{n}</span>;
}
