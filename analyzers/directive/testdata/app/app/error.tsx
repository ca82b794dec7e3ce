"use client"; // Fine: error boundaries must be Client Components.

export default function Error({ reset }: { error: Error; reset: () => void }) {
  return <button onClick={reset}>Try again</button>;
}
