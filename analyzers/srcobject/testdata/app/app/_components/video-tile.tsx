"use client";

import { useEffect, useRef } from "react";

export function VideoTile({ srcObject }: { srcObject?: MediaStream }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = srcObject ?? null; // fine: set on the element
  }, [srcObject]);
  return <video ref={ref} autoPlay />;
}
