/** Timing helpers for the benchmarks: warm-up, repetitions, and robust statistics. */
export interface Stats {
  n: number;
  median: number;
  p50: number;
  p95: number;
  max: number;
  min: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) =>
    s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
  return {
    n: s.length,
    median: q(0.5),
    p50: q(0.5),
    p95: q(0.95),
    max: s[s.length - 1] ?? NaN,
    min: s[0] ?? NaN,
  };
}

/** Run `fn` `warmup` times untimed, then `reps` times timed (ms). */
export async function time(
  fn: () => unknown | Promise<unknown>,
  reps: number,
  warmup = 1,
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

export const round = (x: number, digits = 2) =>
  Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null;
