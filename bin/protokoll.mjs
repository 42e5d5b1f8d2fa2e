#!/usr/bin/env node
// The `protokoll` command. Runs the compiled CLI (dist/main/cli/index.js, built by `npm run
// build:main`, which `npm install` runs through the `prepare` script), so a call costs Node's own
// start-up and the modules the command needs — not a TypeScript compile.
// In a development checkout whose sources are newer than the build (or that has no build), it says
// so on stderr and runs the TypeScript sources through tsx (a development dependency) instead.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { mainBuildState } from "../scripts/main-build-state.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const compiled = join(root, "dist", "main", "cli", "index.js");

const state = mainBuildState(root);
let entry = compiled;
if (state !== "current") {
  const why =
    state === "missing"
      ? "the CLI is not built / CLI:t är inte byggt"
      : "the sources are newer than the build / källkoden är nyare än bygget";
  let tsx = null;
  try {
    tsx = await import("tsx/esm/api");
  } catch {
    // tsx is a development dependency: missing in an installation without them.
  }
  if (!tsx) {
    process.stderr.write(`protokoll: ${why}. Run / Kör: npm run build:main\n`);
    process.exit(2);
  }
  process.stderr.write(
    `protokoll: ${why}; running the TypeScript sources through tsx (slower). Run \`npm run build:main\` to build / Kör \`npm run build:main\` för att bygga.\n`,
  );
  tsx.register();
  entry = join(root, "main", "cli", "index.ts");
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
