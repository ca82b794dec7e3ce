"use client";
export function Dialer() {
  return <button>Call</button>;
}
export default Dialer;
