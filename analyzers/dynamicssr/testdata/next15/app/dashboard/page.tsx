import { Toolbar } from "@/components/toolbar";

// Fine: Toolbar is a "use client" module, so its next/dynamic call runs in a Client Component.
export default function Dashboard() {
  return <Toolbar />;
}
