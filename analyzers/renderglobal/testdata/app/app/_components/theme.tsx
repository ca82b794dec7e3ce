"use client";

import { useMemo, useReducer, useState } from "react";

export function ThemeToggle() {
  const [theme, setTheme] = useState(() => localStorage.getItem("theme") ?? "light"); // want `localStorage is read in a state initializer \(useState/useReducer\) of ThemeToggle \(run on the first render\), .*: localStorage is not defined before Node 25 \(a ReferenceError\)`
  const [count] = useReducer((n: number) => n + 1, 0, () => Number(sessionStorage.getItem("count"))); // want `sessionStorage is read in a state initializer`
  const dark = useMemo(() => matchMedia("(prefers-color-scheme: dark)").matches, []); // want `matchMedia is called in a useMemo factory of ThemeToggle`
  return (
    <button onClick={() => setTheme(theme === "dark" ? "light" : "dark")}>
      {theme} {count} {String(dark)}
    </button>
  );
}

// Fine: guarded initializers, the pattern the hydration caveats allow.
export function SafeToggle() {
  const [theme] = useState(() => (typeof window === "undefined" ? "light" : localStorage.getItem("theme") ?? "light"));
  return <span>{theme}</span>;
}

// A try/catch stops the crash, but the server renders the fallback and the
// browser the stored value: still a hydration mismatch.
export function useStoredName() {
  const [name] = useState(() => {
    try {
      return localStorage.getItem("name") ?? ""; // want `localStorage is read in a state initializer \(useState/useReducer\) of useStoredName`
    } catch {
      return "";
    }
  });
  return name;
}
