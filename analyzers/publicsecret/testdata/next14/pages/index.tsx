import { Analytics } from "../components/analytics";

export default function Home() {
  return <Analytics />;
}
