import { Presence } from "./_components/presence";
import { Widgets } from "./_components/widgets";
import { title } from "../lib/title";
import dynamic from "next/dynamic";

const BrowserOnly = dynamic(() => import("./_components/browser-only"));

export default function Page() {
  return (
    <main title={title}>
      <Presence />
      <Widgets />
      <BrowserOnly />
    </main>
  );
}
