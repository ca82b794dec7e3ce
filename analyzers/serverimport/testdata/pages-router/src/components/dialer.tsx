// Fine: only reached through next/dynamic with ssr: false.
import * as SignalWire from "@signalwire/js";

export default function Dialer() {
  return <div>{typeof SignalWire.Video}</div>;
}
