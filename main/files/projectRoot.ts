/**
 * The folder of the application's own files (package.json, seeds/, dist/renderer/, assets/): found
 * upwards from this module, so it is the same whether the code runs from its sources (main/files)
 * or compiled (dist/main/files), or from the packaged app.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | null = null;

export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "package.json"))) return (root = dir);
    dir = dirname(dir);
  }
  throw new Error(
    "Programmets filer hittades inte (package.json) / The application's files were not found (package.json)",
  );
}
