/**
 * Start-up of the `protokoll` command: `protokoll --help` and `protokoll validate <seed 002>`, each a
 * fresh Node process running the compiled CLI (bin/protokoll.mjs → dist/), next to `node -e 0` —
 * Node's own start-up — measured in the same run, alternating, so a loaded machine slows all
 * three alike. Wall time from spawn to exit.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { round, stats, type Stats } from "./measure.js";

export interface StartupResult {
  runs: number;
  /** Whether the CLI ran compiled (false: it fell back to tsx, and the numbers say little). */
  compiled: boolean;
  nodeBaseline: { median: number | null; p95: number | null };
  help: { median: number | null; p95: number | null; ratio: number | null };
  validate: { median: number | null; p95: number | null; ratio: number | null; file: string };
}

function timed(args: string[]): { ms: number; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  return { ms, stderr: r.stderr };
}

export function startupBench(runs = 15): StartupResult {
  const seed = join(
    "seeds",
    readdirSync("seeds").find((f) => f.startsWith("002-") && f.endsWith(".protokoll"))!,
  );
  const node: number[] = [],
    help: number[] = [],
    validate: number[] = [];
  let compiled = true;
  // One untimed round first (file system caches).
  timed(["-e", "0"]);
  timed(["bin/protokoll.mjs", "--help"]);
  timed(["bin/protokoll.mjs", "validate", seed]);
  for (let i = 0; i < runs; i++) {
    node.push(timed(["-e", "0"]).ms);
    const h = timed(["bin/protokoll.mjs", "--help"]);
    help.push(h.ms);
    const v = timed(["bin/protokoll.mjs", "validate", seed]);
    validate.push(v.ms);
    if (/tsx/.test(h.stderr + v.stderr)) compiled = false;
  }
  const s = (x: Stats) => ({ median: round(x.median), p95: round(x.p95) });
  const n = stats(node),
    h = stats(help),
    v = stats(validate);
  return {
    runs,
    compiled,
    nodeBaseline: s(n),
    help: { ...s(h), ratio: round(h.median / n.median) },
    validate: { ...s(v), ratio: round(v.median / n.median), file: seed },
  };
}
