import { useEffect } from "react";

export default function EffectPage() {
  useEffect(() => {
    // Fine: import() inside an effect only runs in the browser.
    import("@signalwire/js").then(({ Video }) => console.log(Video));
  }, []);
  const onClick = async () => {
    const { Video } = await import("@signalwire/js"); // fine: an event handler
    console.log(Video);
  };
  return <button onClick={onClick}>call</button>;
}
