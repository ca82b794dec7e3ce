"use client";

export default function Chat({ apiKey, config, children }: { apiKey?: string; config?: object; children?: React.ReactNode }) {
  return <section data-configured={Boolean(apiKey || config)}>{children}</section>;
}
