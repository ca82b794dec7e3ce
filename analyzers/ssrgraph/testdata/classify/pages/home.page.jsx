import { c } from "../lib/c";
// JavaScript keeps an unused import: lib/kept.js is evaluated with the page.
import { kept } from "../lib/kept";
export default function Home() { return c; }
