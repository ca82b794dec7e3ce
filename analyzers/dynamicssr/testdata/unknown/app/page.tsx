import dynamic from "next/dynamic";

export default function Page() {
  // Inside the component body: still a Server Component.
  const Map = dynamic(() => import("./map"), { ssr: false }); // want `this app's Next version is unknown`
  return <Map />;
}
