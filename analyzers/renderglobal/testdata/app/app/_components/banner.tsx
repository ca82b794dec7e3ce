"use client";

export default function () {
  return <p>{document.referrer}</p>; // want `document is read in the render body of the default-exported component`
}
