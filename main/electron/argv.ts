/**
 * Documents named on the command line — a double-click on a `.protokoll` file (file association),
 * `protokoll möte.protokoll` in a terminal, or a second start while the app already runs.
 */
import { isAbsolute, resolve } from "node:path";

/**
 * The `.protokoll` paths in `argv`, absolute. `argv[0]` is the program; in development
 * (`electron .`) `argv[1]` is the app folder. Options (`--…`) that Electron or Chromium add are
 * skipped, and so is everything that is not a `.protokoll` file.
 */
export function documentPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith("-") || !/\.protokoll$/i.test(arg) || arg.includes("\0")) continue;
    const path = isAbsolute(arg) ? resolve(arg) : resolve(cwd, arg);
    if (!out.includes(path)) out.push(path);
  }
  return out;
}
