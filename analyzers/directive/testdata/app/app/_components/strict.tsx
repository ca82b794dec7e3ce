// Fine: comments and other string directives may come before "use client".
"use strict";
/* eslint-disable react/no-unknown-property */
"use client";

export function Strict() {
  return <p>strict</p>;
}
