#!/usr/bin/env node
// Compile main/electron/preload.ts to one CommonJS file, dist/main/electron/preload.cjs.
// A sandboxed preload runs as a classic script whose `require` only knows `electron` (and events,
// timers, url): it cannot `import` ESM nor load our other files. The preload therefore imports
// nothing but `electron` at run time (the contract only for its types), and a plain TypeScript
// transpile to CommonJS is enough — no bundler. The check below refuses any other run-time import.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The CommonJS text of the preload (exported for the test). */
export function compilePreload(
  source = readFileSync(join(root, "main/electron/preload.ts"), "utf8"),
) {
  const out = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
      isolatedModules: true,
      removeComments: false,
    },
    fileName: "preload.ts",
  }).outputText;
  // No run-time exports: drop the ES-module marker so the script needs no `exports` object.
  const code = out.replace(
    /^Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);\n/m,
    "",
  );
  const required = [...code.matchAll(/require\(("[^"]*"|'[^']*')\)/g)].map((m) =>
    m[1].slice(1, -1),
  );
  const foreign = required.filter((r) => r !== "electron");
  if (foreign.length)
    throw new Error(
      `preload.ts may only import "electron" at run time, found: ${foreign.join(", ")}`,
    );
  if (/\bexports\b|\bmodule\.exports\b/.test(code))
    throw new Error(
      "preload.ts may not export values at run time (a sandboxed preload has no exports).",
    );
  return code;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = join(root, "dist/main/electron/preload.cjs");
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(
    target,
    `// Built from main/electron/preload.ts by scripts/build-preload.mjs. Do not edit.\n${compilePreload()}`,
  );
  console.log(`preload → ${target}`);
}
