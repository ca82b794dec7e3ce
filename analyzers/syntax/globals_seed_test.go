package syntax

import "testing"

// The code blocks of the seed document (signalwire-ssr-nextjs.txt) are the
// project's reference for correct SDK use: none of them may yield a
// reference or an SDK call that runs during SSR.
var seedBlocks = []struct{ path, src string }{
	{"app/_components/dialer.tsx", `"use client";

import { useEffect, useState } from "react";
import { SignalWire, StaticCredentialProvider } from "@signalwire/js";

export function Dialer({ token }: { token: string }) {
  const [client, setClient] = useState<SignalWire | null>(null);

  useEffect(() => {
    const c = new SignalWire(new StaticCredentialProvider({ token }));
    setClient(c);
    return () => c.disconnect();
  }, [token]);

  // ...
}
`},
	{"app/_components/widget-mount.tsx", `"use client";

import dynamic from "next/dynamic";
import { useEffect } from "react";

const RegisterWebComponents = dynamic(
  () => import("@signalwire/web-components").then(() => () => null),
  { ssr: false }
);

export function Widget({ token }: { token: string }) {
  return (
    <>
      <RegisterWebComponents />
      <sw-call-widget token={token} destination="/public/sales" />
    </>
  );
}
`},
	{"app/layout.tsx", `import Script from "next/script";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html>
      <body>
        {children}
        <Script
          src="https://unpkg.com/@signalwire/web-components/dist/embed/signalwire-web-components-embed.iife.js"
          strategy="afterInteractive"
        />
      </body>
    </html>
  );
}
`},
	{"app/api/sw-token/route.ts", `import { NextResponse } from "next/server";

export const dynamic = "force-dynamic"; // never cache the token

export async function POST(req: Request) {
  // 1. Authenticate the caller. Read your session cookie / NextAuth
  // session here — whatever your app uses.
  const user = await getUserFromRequest(req);
  if (!user) return NextResponse.json({ error: "unauthorized" }, { status: 401 });

  // 2. Mint a Subscriber Access Token (SAT) via the SignalWire REST API.
  const auth = Buffer.from(
    ` + "`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`" + `
  ).toString("base64");

  const res = await fetch(
    ` + "`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`" + `,
    {
      method: "POST",
      headers: {
        Authorization: ` + "`Basic ${auth}`" + `,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ reference: user.id }),
    }
  );

  if (!res.ok) {
    return NextResponse.json({ error: "token mint failed" }, { status: 502 });
  }

  const { token } = await res.json();
  return NextResponse.json({ token });
}
`},
	{"app/_lib/sw-credentials.ts", `"use client";

import type { CredentialProvider } from "@signalwire/js";

export class FetchedCredentialProvider implements CredentialProvider {
  async authenticate() {
    const res = await fetch("/api/sw-token", { method: "POST" });
    if (!res.ok) throw new Error("token fetch failed");
    const { token } = await res.json();
    // Default SAT lifetime is 2h. If you override ` + "`expire_at`" + ` when
    // minting, compute from that value instead.
    return { token, expiry_at: Date.now() + 2 * 60 * 60 * 1000 };
  }
  async refresh() {
    return this.authenticate();
  }
}
`},
	{"pages/index.tsx", `import dynamic from "next/dynamic";

const Dialer = dynamic(() => import("@/components/dialer"), { ssr: false });

export default function Home() {
  return <Dialer />;
}
`},
}

func TestSeedBlocks(t *testing.T) {
	for _, b := range seedBlocks {
		s := parseT(t, b.path, b.src)
		if len(s.Errors) != 0 {
			t.Errorf("%s: syntax errors %v", b.path, s.Errors)
		}
		for _, r := range s.Globals {
			if r.Kind != RefTypeof && !r.Guarded && !r.Shadowed && !r.Context.BrowserOnly() {
				t.Errorf("%s: %s reference %s", b.path, r.Name, describe(r))
			}
		}
		if len(s.BogusGuards) != 0 {
			t.Errorf("%s: BogusGuards %v", b.path, s.BogusGuards)
		}
		for _, u := range s.BindingUses {
			spec := s.Imports[u.Import].Spec
			if spec == "@signalwire/js" && !u.Context.BrowserOnly() && !u.Guarded {
				t.Errorf("%s: SDK use %s outside the browser", b.path, describeUse(u))
			}
		}
	}
	// The dialer constructs both SDK classes, in its effect.
	s := parseT(t, seedBlocks[0].path, seedBlocks[0].src)
	var sdk []string
	for _, u := range s.BindingUses {
		if s.Imports[u.Import].Spec == "@signalwire/js" {
			sdk = append(sdk, describeUse(u))
		}
	}
	want := []string{"new SignalWire import=1 effect", "new StaticCredentialProvider import=1 effect"}
	if len(sdk) != 2 || sdk[0] != want[0] || sdk[1] != want[1] {
		t.Errorf("dialer SDK uses = %q, want %q", sdk, want)
	}
}
