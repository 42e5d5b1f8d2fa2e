#!/usr/bin/env node
// `npm run bench`: builds the renderer and the main process if needed (the CLI start-up is
// measured on the compiled CLI), then runs bench/run.ts (see bench/README.md).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mainBuildState } from "./main-build-state.mjs";

if (!existsSync("dist/renderer/index.html")) {
  const b = spawnSync("node", ["node_modules/.bin/vite", "build", "--logLevel", "warn"], {
    stdio: "inherit",
  });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
if (mainBuildState(".") !== "current") {
  const b = spawnSync("node", ["scripts/build-main.mjs"], { stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const r = spawnSync("node", ["--import", "tsx", "bench/run.ts"], { stdio: "inherit" });
process.exit(r.status ?? 1);
