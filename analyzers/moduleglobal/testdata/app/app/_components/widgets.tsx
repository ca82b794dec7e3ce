"use client";

import { SignalWire } from "@signalwire/js";

(() => {
  localStorage.setItem("seen", "1"); // want `localStorage is read at module scope`
})();

(function () {
  if (typeof window === "undefined") return;
  sessionStorage.clear(); // fine: early return above
})();

class Tracker {
  static origin = location.origin; // want `location is read at module scope`
  url = location.href; // fine: instance fields run on construction
}

class Dial extends HTMLElement {} // want `HTMLElement is extended at module scope`

const ua = window?.navigator.userAgent; // want `window is read at module scope`

if (typeof window !== undefined) console.log(window.name); // want `compared with the value undefined` `window is read at module scope`

const client = new SignalWire(); // want `new SignalWire\(\.\.\.\) from @signalwire/js runs at module scope`

function later(document: { title: string }) {
  return document.title; // fine: a parameter, and a function anyway
}

const location2 = (() => {
  const location = { href: "/" };
  return location.href; // fine: a local shadows the global
})();

export function Widgets() {
  return <div>{String(Tracker)}{String(Dial)}{ua}{String(client)}{later({ title: "" })}{location2}</div>;
}
