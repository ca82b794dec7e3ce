import { useState } from "react";
import { formatWidth } from "../lib/format";

export default function Old() {
  const [w] = useState(innerWidthOrZero());
  return <p>{formatWidth(w)} {localStorage.length}</p>; // want `localStorage is read in the render body of Old, which the server also runs to render this Pages Router page`
}

function innerWidthOrZero() {
  return typeof window === "undefined" ? 0 : window.innerWidth; // fine: guarded helper
}
