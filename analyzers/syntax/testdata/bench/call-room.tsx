"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ReactNode } from "react";
import dynamic from "next/dynamic";
import { useRouter, useSearchParams } from "next/navigation";
import { SignalWire, StaticCredentialProvider } from "@signalwire/js";
import * as Sentry from "@sentry/nextjs";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { cn } from "@/lib/utils";
import { fetchToken } from "./token";

const isBrowser = typeof window !== "undefined";

const DevicePicker = dynamic(() => import("./device-picker"), { ssr: false });

type CallState = "idle" | "connecting" | "connected" | "ended" | "failed";

interface Participant {
  id: string;
  name: string;
  muted: boolean;
  video: boolean;
  speaking: boolean;
}

interface CallRoomProps {
  destination: string;
  displayName: string;
  onLeave?: () => void;
  children?: ReactNode;
}

const STORAGE_KEY = "call-room:preferences";

function readPreferences(): { camera?: string; microphone?: string } {
  if (typeof window === "undefined") return {};
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw ? JSON.parse(raw) : {};
  } catch {
    return {};
  }
}

function writePreferences(prefs: { camera?: string; microphone?: string }) {
  if (!isBrowser) return;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
}

export function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const pad = (n: number) => n.toString().padStart(2, "0");
  return hours > 0
    ? `${hours}:${pad(minutes % 60)}:${pad(seconds % 60)}`
    : `${pad(minutes)}:${pad(seconds % 60)}`;
}

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(false);
  useEffect(() => {
    const mql = window.matchMedia(query);
    const onChange = () => setMatches(mql.matches);
    onChange();
    mql.addEventListener("change", onChange);
    return () => mql.removeEventListener("change", onChange);
  }, [query]);
  return matches;
}

function useDocumentTitle(title: string) {
  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}

function ParticipantTile({ participant, active }: { participant: Participant; active: boolean }) {
  const initials = useMemo(
    () =>
      participant.name
        .split(" ")
        .map((part) => part[0])
        .join("")
        .slice(0, 2)
        .toUpperCase(),
    [participant.name],
  );
  return (
    <div
      className={cn(
        "relative flex aspect-video items-center justify-center rounded-lg bg-muted",
        active && "ring-2 ring-primary",
        participant.speaking && "ring-2 ring-green-500",
      )}
    >
      {participant.video ? (
        <video id={`video-${participant.id}`} autoPlay playsInline className="h-full w-full rounded-lg object-cover" />
      ) : (
        <span className="text-2xl font-semibold text-muted-foreground">{initials}</span>
      )}
      <span className="absolute bottom-2 left-2 rounded bg-black/60 px-2 py-0.5 text-xs text-white">
        {participant.name}
        {participant.muted && " (muted)"}
      </span>
    </div>
  );
}

export function CallRoom({ destination, displayName, onLeave, children }: CallRoomProps) {
  const router = useRouter();
  const params = useSearchParams();
  const [state, setState] = useState<CallState>("idle");
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [showDevices, setShowDevices] = useState(false);
  const clientRef = useRef<SignalWire | null>(null);
  const callRef = useRef<any>(null);
  const localVideo = useRef<HTMLVideoElement>(null);
  const compact = useMediaQuery("(max-width: 640px)");
  const activeId = params.get("focus");

  useDocumentTitle(state === "connected" ? `In call · ${destination}` : "Call room");

  useEffect(() => {
    if (state !== "connected") return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [state]);

  useEffect(() => {
    let cancelled = false;
    async function connect() {
      setState("connecting");
      try {
        const { token } = await fetchToken(destination);
        if (cancelled) return;
        const client = new SignalWire(new StaticCredentialProvider({ token }));
        clientRef.current = client;
        const prefs = readPreferences();
        const call = await client.dial({
          to: destination,
          rootElement: document.getElementById("call-root") ?? undefined,
          video: { deviceId: prefs.camera },
          audio: { deviceId: prefs.microphone },
        });
        callRef.current = call;
        call.on("member.joined", (member: any) =>
          setParticipants((prev) => [
            ...prev,
            { id: member.id, name: member.name, muted: false, video: true, speaking: false },
          ]),
        );
        call.on("member.left", (member: any) => setParticipants((prev) => prev.filter((p) => p.id !== member.id)));
        call.on("member.talking", (member: any) =>
          setParticipants((prev) => prev.map((p) => (p.id === member.id ? { ...p, speaking: member.talking } : p))),
        );
        await call.start();
        if (cancelled) return;
        setStartedAt(Date.now());
        setState("connected");
      } catch (err) {
        Sentry.captureException(err);
        setError(err instanceof Error ? err.message : String(err));
        setState("failed");
      }
    }
    connect();
    return () => {
      cancelled = true;
      callRef.current?.hangup().catch(() => {});
      clientRef.current?.disconnect();
    };
  }, [destination]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (state === "connected") {
        event.preventDefault();
        event.returnValue = "";
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [state]);

  const handleLeave = useCallback(async () => {
    await callRef.current?.hangup();
    setState("ended");
    onLeave?.();
    router.push("/");
  }, [onLeave, router]);

  const handleToggleMute = useCallback(async () => {
    const call = callRef.current;
    if (!call) return;
    if (call.audioMuted) await call.audioUnmute();
    else await call.audioMute();
  }, []);

  const handleCopyLink = () => {
    navigator.clipboard.writeText(window.location.href);
  };

  const handleDeviceChange = (kind: "camera" | "microphone", deviceId: string) => {
    const prefs = { ...readPreferences(), [kind]: deviceId };
    writePreferences(prefs);
    if (kind === "camera") callRef.current?.updateCamera({ deviceId });
    else callRef.current?.updateMicrophone({ deviceId });
  };

  const duration = startedAt ? formatDuration(now - startedAt) : "00:00";
  const shareUrl = isBrowser ? window.location.href : "";

  return (
    <section className="flex h-full flex-col gap-4 p-4">
      <header className="flex items-center justify-between">
        <div>
          <h1 className="text-lg font-semibold">{destination}</h1>
          <p className="text-sm text-muted-foreground">
            {state === "connected" ? `Connected · ${duration}` : state === "connecting" ? "Connecting…" : "Not connected"}
          </p>
        </div>
        <div className="flex gap-2">
          <Button variant="outline" onClick={handleCopyLink} disabled={!shareUrl}>
            Copy link
          </Button>
          <Button variant="outline" onClick={() => setShowDevices(true)}>
            Devices
          </Button>
          <Button variant="outline" onClick={handleToggleMute}>
            Mute
          </Button>
          <Button variant="destructive" onClick={handleLeave}>
            Leave
          </Button>
        </div>
      </header>
      {error && (
        <p role="alert" className="rounded-md border border-destructive p-3 text-sm text-destructive">
          {error}
        </p>
      )}
      <div id="call-root" className={cn("grid flex-1 gap-4", compact ? "grid-cols-1" : "grid-cols-3")}>
        <video ref={localVideo} autoPlay muted playsInline className="rounded-lg bg-black" />
        {participants.map((participant) => (
          <ParticipantTile key={participant.id} participant={participant} active={participant.id === activeId} />
        ))}
      </div>
      <p className="text-xs text-muted-foreground">Signed in as {displayName}</p>
      {children}
      <Dialog open={showDevices} onOpenChange={setShowDevices}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Devices</DialogTitle>
          </DialogHeader>
          <DevicePicker onChange={handleDeviceChange} />
        </DialogContent>
      </Dialog>
    </section>
  );
}

export default CallRoom;
