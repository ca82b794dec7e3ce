"use client";
export function Camera() {
  return <video />;
}
