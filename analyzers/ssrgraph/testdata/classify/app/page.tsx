import { a } from "../lib/a";
import { c } from "../lib/c";
import { Client } from "./_components/client";
import type { T } from "../lib/types-only";
import { act } from "../lib/actions";
import { cyc1 } from "../lib/cyc1";
export default function Page() { return <Client x={[a, c, act, cyc1] as unknown as T} />; }
