"use client";
"use server"; // want `"use client" and "use server" are both at the top of this file`

export function Mixed() {
  return null;
}
