import dynamic from "next/dynamic";

const Map = dynamic(() => import("./map"), { ssr: false }); // want `for "./map", but this module is a Server Component: Next 14 ignores the option there and renders the component on the server anyway`

export default function Page() {
  return <Map />;
}
