"use client";

import { useEffect, useRef, useState } from "react";
import { SignalWire, StaticCredentialProvider, WebRTC } from "@signalwire/js";

// Fine: the seed document's Dialer.
export function Dialer({ token }: { token: string }) {
  const [client, setClient] = useState<SignalWire | null>(null);

  useEffect(() => {
    const c = new SignalWire(new StaticCredentialProvider({ token }));
    setClient(c);
    return () => c.disconnect();
  }, [token]);

  return <button disabled={!client}>Call</button>;
}

export function LeakyDialer({ token }: { token: string }) {
  const [client, setClient] = useState<SignalWire | null>(null);

  useEffect(() => {
    const c = new SignalWire(new StaticCredentialProvider({ token })); // want `new SignalWire\(\.\.\.\) creates a client in this useEffect, which returns no cleanup: every remount .* leaves another client connected, with its WebSocket and media; return \(\) => c\.disconnect\(\)`
    setClient(c);
  }, [token]);

  return <button disabled={!client}>Call</button>;
}

export function OneLine({ token }: { token: string }) {
  const [client, setClient] = useState<SignalWire | null>(null);
  useEffect(() => { const c = new SignalWire(new StaticCredentialProvider({ token })); setClient(c) }, [token]); // want `new SignalWire\(\.\.\.\) creates a client in this useEffect, which returns no cleanup`
  return <button disabled={!client}>Call</button>;
}

// Fine: the client lives in state and a second effect disconnects it.
export function Sibling({ token }: { token: string }) {
  const [client, setClient] = useState<SignalWire | null>(null);
  useEffect(() => {
    setClient(new SignalWire(new StaticCredentialProvider({ token })));
  }, [token]);
  useEffect(() => () => {
    void client?.disconnect();
  }, [client]);
  return <button disabled={!client}>Call</button>;
}

// Fine: kept in a ref, torn down through a local function.
export function RefDialer({ token }: { token: string }) {
  const ref = useRef<SignalWire | null>(null);
  useEffect(() => {
    ref.current = new SignalWire(new StaticCredentialProvider({ token }));
    const teardown = () => {
      ref.current?.disconnect();
      ref.current = null;
    };
    return teardown;
  }, [token]);
  return null;
}

export function Timer({ token }: { token: string }) {
  useEffect(() => {
    const c = new SignalWire(new StaticCredentialProvider({ token })); // want `new SignalWire\(\.\.\.\) creates a client in this useEffect, whose cleanup does not end it`
    const id = setInterval(() => c.online, 1000);
    return () => clearInterval(id);
  }, [token]);
  return null;
}

// Fine: device helpers hold no connection.
export function Devices() {
  useEffect(() => {
    void WebRTC.getCameraDevices();
  }, []);
  return null;
}

// Fine: whatever subscribe returns may be the cleanup.
export function Subscribed({ token }: { token: string }) {
  useEffect(() => {
    const c = new SignalWire(new StaticCredentialProvider({ token }));
    return subscribeClient(c);
  }, [token]);
  return null;
}

declare function subscribeClient(c: SignalWire): () => void;

export function Dial({ client }: { client: SignalWire }) {
  useEffect(() => {
    client.dial("/public/support", { audio: true }); // want `client\.dial\(\.\.\.\) starts a call in this useEffect, which returns no cleanup: .*; return a cleanup that calls hangup\(\) or disconnect\(\)`
  }, [client]);
  return null;
}

// Fine: the call is hung up in the cleanup, also through optional chaining.
export function DialAndHangUp({ client }: { client: SignalWire }) {
  useEffect(() => {
    let call: { hangup(): Promise<void> } | undefined;
    client.dial("/public/support", { audio: true }).then((c: any) => {
      call = c;
    });
    return () => {
      void call?.hangup();
    };
  }, [client]);
  return null;
}

declare function useCallContext(): { register(c: SignalWire): void; disconnectClient(): void };

// Fine: the cleanup calls a function from a context hook named for what it does.
export function ContextDialer({ token }: { token: string }) {
  const { register, disconnectClient } = useCallContext();
  useEffect(() => {
    register(new SignalWire(new StaticCredentialProvider({ token })));
    return () => disconnectClient();
  }, [token, register, disconnectClient]);
  return null;
}
