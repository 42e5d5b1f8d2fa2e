#!/usr/bin/env node
// `npm run build:main` (also run by `npm install` through `prepare`, and by `npm test` before its
// tests): compile main/, schemas/ and templates/ to dist/ with tsc (tsconfig.main.json, which
// leaves out tests and test helpers), then the sandboxed preload (scripts/build-preload.mjs).
// First it removes compiled files whose source is gone or is test code — left from an older build,
// they would otherwise be run by nobody but packed into the installer.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

/** The source a compiled file comes from, or null when it is not one of tsc's outputs. */
function sourceOf(file) {
  const m = /^(.*)\.js(\.map)?$/.exec(file);
  return m ? `${m[1]}.ts` : null;
}

let removed = 0;
function prune(dir) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      prune(p);
      continue;
    }
    if (e.name === "preload.cjs") continue;
    const source = sourceOf(relative(dist, p));
    if (source && existsSync(join(root, source)) && !/\.(test|testkit)\.ts$/.test(source)) continue;
    rmSync(p);
    removed++;
  }
}
for (const d of ["main", "schemas", "templates"]) prune(join(dist, d));
if (removed) console.log(`build:main: removed ${removed} stale file(s) from dist/`);

const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run([join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.main.json"]);
run([join(root, "scripts/build-preload.mjs")]);
