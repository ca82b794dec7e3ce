import { useEffect, useState } from "react";

export function useMediaQuery(query: string) {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches); // want `window is read in a state initializer \(useState/useReducer\) of useMediaQuery \(run on the first render\), which the server also runs to prerender this module via Server Component app/page.tsx`
  useEffect(() => {
    const mq = window.matchMedia(query); // fine: effect
    const onChange = () => setMatches(mq.matches);
    mq.addEventListener("change", onChange);
    return () => mq.removeEventListener("change", onChange);
  }, [query]);
  return matches;
}

export const useLanguage = () => navigator.language; // want `navigator is read in the hook useLanguage \(run as its component renders\)`

// Exported but used by no component the server renders: never runs there.
export const useTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone + navigator.language;
