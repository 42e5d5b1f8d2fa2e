import { main } from "./index.js";

/** Run `protokoll <argv…>` in this process and capture what it prints, line by line (for tests). */
export async function runCapturing(
  argv: string[],
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
