"use client";
export default function Devices() {
  return <select />;
}
