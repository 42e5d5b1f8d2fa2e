#!/usr/bin/env node
// The whole test suite (`npm test`, and what .ci/run calls): type check, lint (with the layer
// boundaries), the format check (Prettier), the dependency check (knip: every imported package declared, every declared one
// used), the builds (renderer; main, which the tests that spawn `bin/protokoll.mjs` run compiled),
// the packaging/security checks and the vitest suites (unit, main-process, seeds, end-to-end in
// Chromium).
// Prints one closing line "N passed, N failed" for the whole run.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { mainBuildState } from "./main-build-state.mjs";
import { ensureSystemDeps } from "./system-deps.mjs";

let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args, opts = {}) {
  process.stdout.write(`\n▶ ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: "inherit", shell: false, ...opts });
  if (r.status === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return r.status === 0;
}

const npx = (bin, ...args) => ["node", [`node_modules/.bin/${bin}`, ...args]];
const only = process.argv.slice(2); // optional vitest filters

// Chromium, LibreOffice, poppler, qpdf, PDFBox: installed here when missing (Debian, as root).
if (!ensureSystemDeps()) {
  failed++;
  failures.push("system packages (scripts/system-deps.mjs)");
}

if (only.length === 0) {
  step("typecheck (tsc --noEmit)", ...npx("tsc", "-p", "tsconfig.json"));
  step("lint (eslint)", ...npx("eslint", "."));
  step(
    "format check (prettier, width 100; npm run format fixes it)",
    ...npx("prettier", "--check", "--log-level", "warn", "**/*.{ts,mjs,js,css}"),
  );
  step("dependency check (knip)", ...npx("knip", "--dependencies", "--no-progress"));
  if (existsSync("renderer/index.html"))
    step("build renderer (vite build)", ...npx("vite", "build", "--logLevel", "warn"));
  step("build main (scripts/build-main.mjs)", "node", ["scripts/build-main.mjs"]);
  for (const extra of ["scripts/check-security.mjs", "scripts/check-packaging.mjs"])
    if (existsSync(extra)) step(extra, "node", [extra]);
}

// With filters only: still build main when a source is newer than the build, so the CLI tests run
// the code as it is now.
if (only.length > 0 && mainBuildState(".") !== "current")
  step("build main (scripts/build-main.mjs)", "node", ["scripts/build-main.mjs"]);

const results = ".vitest-results.json";
rmSync(results, { force: true });
process.stdout.write("\n▶ vitest\n");
spawnSync(
  "node",
  [
    "node_modules/.bin/vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${results}`,
    ...only,
  ],
  {
    stdio: "inherit",
  },
);
if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, "utf8"));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  for (const f of r.testResults ?? []) if (f.status === "failed") failures.push(f.name);
} else {
  failed++;
  failures.push("vitest produced no results");
}

if (failures.length) process.stdout.write(`\nFailed: ${[...new Set(failures)].join(", ")}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
