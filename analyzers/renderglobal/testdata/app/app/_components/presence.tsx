"use client";

import { forwardRef, memo, useEffect, useState } from "react";
import { useLanguage, useMediaQuery } from "../../hooks/use-media-query";

const isMobile = window.innerWidth < 768; // moduleglobal's finding, not this rule's

export function Presence({ name }: { name: string }) {
  const compact = useMediaQuery("(max-width: 600px)");
  const lang = useLanguage();
  const width = window.innerWidth; // want `window is read in the render body of Presence, which the server also runs to prerender this "use client" module via Server Component app/page.tsx: window is not defined in Node, so the render throws a ReferenceError; read it in useEffect and keep the result in state`
  const ua = navigator.userAgent; // want `navigator is read in the render body of Presence, .*: before Node 21 navigator is not defined \(a ReferenceError\), and from Node 21 on it describes the build machine, not the user's browser, so the HTML does not match what the browser renders \(a hydration mismatch\)`
  const [w, setW] = useState(0);
  useEffect(() => {
    setW(window.innerWidth); // fine: effects run in the browser only
  }, []);
  const onResize = () => setW(window.innerWidth); // fine: an event handler
  return (
    <p
      className={compact || isMobile ? "compact" : ""}
      ref={(el) => { if (el) el.dataset.ua = navigator.userAgent; }}
      onClick={() => alert(document.title)}
    >
      {name} {width} {ua} {w} {lang}
      <button onClick={onResize}>resize</button>
    </p>
  );
}

// Components as people write them: arrows, expression bodies, memo, forwardRef.
export const Width = () => <span>{document.body.clientWidth}</span>; // want `document is read in the render body of Width`

export const Title = memo(function Title() {
  return <h2>{document.title}</h2>; // want `document is read in the render body of Title`
});

export const Search = forwardRef<HTMLInputElement>((props, ref) => (
  <input ref={ref} defaultValue={new URLSearchParams(location.search).get("q") ?? ""} /> // want `location is read in the render body of Search`
));

export const Links = ({ hrefs }: { hrefs: string[] }) => (
  <ul>
    {hrefs.map((h) => (
      <li key={h}>{h === location.pathname ? "current" : h}</li> // want `location is read in the render body of Links`
    ))}
  </ul>
);

// Fine: typeof guards, and a helper that only handlers call.
export function Guarded() {
  const w = typeof window !== "undefined" ? window.innerWidth : 0;
  if (typeof document === "undefined") return null;
  return <p>{w}{document.title}</p>;
}

function scrollTop() {
  window.scrollTo(0, 0); // fine: a plain function, called from a handler
}

export function Top() {
  return <button onClick={scrollTop}>top</button>;
}
