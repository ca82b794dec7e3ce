"use client";

// The browser bundle asks the links barrel for processKey only.
import { processKey } from "../../lib/links";
import { fmt } from "../../lib/mixed";
import { VERSION, clientPart } from "../../lib/flagged";

export default function Dashboard() {
  return <p>{processKey(" a ")}{fmt(1)}{VERSION}{clientPart()}</p>;
}
