import { Widget } from "./_components/widget";
import { serverOnly } from "@/lib/mixed";

export default function Page() {
  return <Widget label={serverOnly()} />;
}
