import { NextResponse } from "next/server";
import { Voice } from "@signalwire/realtime-api"; // fine: a server SDK
const { SignalWire } = require("@signalwire/client"); // want `browser-only @signalwire/client is required by a route handler`

export async function POST() {
  return NextResponse.json({ ok: Boolean(Voice && SignalWire) });
}
