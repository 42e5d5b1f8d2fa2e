#!/usr/bin/env node
// `npm run web -- [--workspace <dir>] [--port N]`: build the editor if dist/renderer is missing or
// older than its sources, and the main process if dist/main is (scripts/main-build-state.mjs),
// then start the compiled web host (dist/main/web/cli.js) and print its URL.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { mainBuildState } from "./main-build-state.mjs";

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    if (name.isDirectory()) t = Math.max(t, newest(p));
    else t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const built = "dist/renderer/index.html";
const sources = Math.max(
  newest("renderer"),
  newest("schemas"),
  newest("templates"),
  statSync("vite.config.ts").mtimeMs,
);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log("Bygger editorn / Building the editor (vite build)…");
  const r = spawnSync("node", ["node_modules/.bin/vite", "build", "--logLevel", "warn"], {
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (mainBuildState(".") !== "current") {
  console.log("Bygger programmet / Building the main process (npm run build:main)…");
  const r = spawnSync("node", ["scripts/build-main.mjs"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn("node", ["dist/main/web/cli.js", ...process.argv.slice(2)], {
  stdio: "inherit",
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
