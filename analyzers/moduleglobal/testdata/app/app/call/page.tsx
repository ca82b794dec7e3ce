import { Lazy } from "./lazy";

export default function Page() {
  return <Lazy />;
}
