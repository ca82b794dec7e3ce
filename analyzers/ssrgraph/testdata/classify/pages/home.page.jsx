import { c } from "../lib/c";
export default function Home() { return c; }
