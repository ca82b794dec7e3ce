import { Presence } from "./_components/presence";
import { Widgets } from "./_components/widgets";
import { title } from "../lib/title";
import { SUPPORTS_PATH2D, hasStorage } from "../lib/canvas";
import dynamic from "next/dynamic";

const BrowserOnly = dynamic(() => import("./_components/browser-only"));

export default function Page() {
  return (
    <main title={title} data-path2d={SUPPORTS_PATH2D} data-storage={hasStorage}>
      <Presence />
      <Widgets />
      <BrowserOnly />
    </main>
  );
}
