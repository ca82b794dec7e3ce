"use client";

import { useEffect, useRef, useState } from "react";
import { motion } from "framer-motion";
import { VideoTile } from "./video-tile";

export function Preview() {
  const [stream, setStream] = useState<MediaStream | null>(null);
  useEffect(() => {
    navigator.mediaDevices.getUserMedia({ video: true }).then(setStream);
  }, []);
  return (
    <div>
      {/* @ts-expect-error srcObject is not a React prop */}
      <video srcObject={stream} autoPlay muted playsInline /> {/* want "srcObject is passed as a JSX prop of <video>: it is a DOM property with no HTML attribute" */}
      <audio
        autoPlay
        srcObject={stream} // want "srcObject is passed as a JSX prop of <audio>"
      ></audio>
    </div>
  );
}

// Fine: bound in an effect, in a ref callback, or left to a component.
export function Tile({ stream }: { stream?: MediaStream }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && stream) ref.current.srcObject = stream;
  }, [stream]);
  return (
    <>
      <video ref={ref} autoPlay />
      <video
        ref={(el) => {
          if (el && stream && el.srcObject !== stream) el.srcObject = stream;
        }}
      />
      <VideoTile srcObject={stream} />
      <motion.video srcObject={stream} />
      <sw-call-media srcObject={stream} />
    </>
  );
}
