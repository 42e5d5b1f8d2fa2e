// Whether the compiled main process (dist/, from `npm run build:main`) is there and at least as
// new as the production sources it is compiled from (main/, schemas/, templates/; tests and test
// helpers excluded). Used by the `protokoll` command, `npm run web`, `npm test` and the bench, so
// they run compiled code and rebuild (or say so) only when a source changed.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The newest modification time (ms) of the production sources under `root`. */
export function newestMainSource(root) {
  let newest = 0;
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts") && !/\.(test|testkit)\.ts$/.test(e.name))
        newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ["main", "schemas", "templates"]) walk(join(root, d));
  return newest;
}

/** "current", "stale" (a source is newer than the build) or "missing" (not built). */
export function mainBuildState(root) {
  const marker = join(root, "dist", "main", "cli", "index.js");
  if (!existsSync(marker)) return "missing";
  return statSync(marker).mtimeMs >= newestMainSource(root) ? "current" : "stale";
}
