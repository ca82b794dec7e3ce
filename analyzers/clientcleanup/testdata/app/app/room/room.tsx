"use client";

import * as React from "react";
import { Video } from "@signalwire/js";

export function Room({ token }: { token: string }) {
  React.useEffect(() => {
    const room = new Video.RoomSession({ token, rootElement: document.getElementById("root")! }); // want `new Video\.RoomSession\(\.\.\.\) creates a client in this useEffect, which returns no cleanup: .*; return \(\) => room\.disconnect\(\)`
    room.join();
  }, [token]);
  return <div id="root" />;
}

// Fine: left in the cleanup.
export function GoodRoom({ token }: { token: string }) {
  React.useLayoutEffect(() => {
    const room = new Video.RoomSession({ token });
    room.join();
    function stop() {
      room.leave();
    }
    return () => {
      stop();
    };
  }, [token]);
  return null;
}

export function AsyncRoom({ token }: { token: string }) {
  React.useEffect(async () => { // eslint-disable-line
    const room = await Video.joinRoom({ token }); // want `Video\.joinRoom\(\.\.\.\) creates a client in an async useEffect callback, which returns a promise, never a cleanup`
    room.on("room.left", () => {});
  }, [token]);
  return null;
}

// Fine: join of a list and of paths are not room joins.
export function Title({ parts }: { parts: string[] }) {
  React.useEffect(() => {
    document.title = parts.join(" · ");
  }, [parts]);
  return null;
}
