package syntax

import (
	"fmt"
	"slices"
	"testing"
)

func TestSharedEnv(t *testing.T) {
	sum := parseT(t, "env.mjs", `import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
export const env = createEnv({
  server: { DATABASE_URL: z.string(), "STRIPE_API_KEY": z.string(), TOKEN },
  client: { NEXT_PUBLIC_APP_URL: z.string() },
  runtimeEnv: { DATABASE_URL: process.env.DATABASE_URL },
});
const other = createEnv({ client: {} }) satisfies object;
createEnv({ server: { IGNORED: 1 } });
`)
	var got []string
	for _, e := range sum.SharedEnvs {
		got = append(got, fmt.Sprintf("%s:%v", e.Name, e.Server))
	}
	want := []string{"env:[DATABASE_URL STRIPE_API_KEY TOKEN]", "other:[]"}
	if !slices.Equal(got, want) {
		t.Errorf("SharedEnvs = %q, want %q", got, want)
	}
}

func TestMemberReads(t *testing.T) {
	sum := parseT(t, "a.tsx", `"use client";
import { env } from "@/env.mjs";
import config from "./config";
import { z } from "zod";
import type { T } from "./types";
export function A() {
  useEffect(() => { console.log(env.EFFECT_KEY); }, []);
  env.WRITTEN = "x";
  const { SHAPE } = env;
  return <p title={env?.STRIPE_API_KEY}>{env.NEXT_PUBLIC_APP_URL}{config.Lower}{z.ANY}{env.lowerCase}{env.API_2}</p>;
}
`)
	var got []string
	for _, r := range sum.MemberReads {
		got = append(got, fmt.Sprintf("%s.%s@%s", r.Local, r.Member, r.Context))
	}
	want := []string{"env.EFFECT_KEY@effect", "env.STRIPE_API_KEY@function", "env.NEXT_PUBLIC_APP_URL@function", "env.API_2@function"}
	if !slices.Equal(got, want) {
		t.Errorf("MemberReads = %q, want %q", got, want)
	}
}
