import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mainBuildState } from "./main-build-state.mjs";

const repo = join(import.meta.dirname, "..");
const scratch = mkdtempSync(join(tmpdir(), "protokoll-launcher-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A checkout of its own: the real `bin/protokoll.mjs`, the real sources and node_modules (linked),
 * and a dist/main/cli/index.js of our own that says it is the compiled one, with a chosen age.
 */
function checkout(name: string, built: "none" | "old" | "new"): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, "bin"), { recursive: true });
  mkdirSync(join(dir, "scripts"));
  copyFileSync(join(repo, "bin/protokoll.mjs"), join(dir, "bin/protokoll.mjs"));
  copyFileSync(
    join(repo, "scripts/main-build-state.mjs"),
    join(dir, "scripts/main-build-state.mjs"),
  );
  for (const d of ["main", "schemas", "templates", "node_modules", "package.json", "seeds"])
    symlinkSync(join(repo, d), join(dir, d));
  if (built !== "none") {
    mkdirSync(join(dir, "dist/main/cli"), { recursive: true });
    const index = join(dir, "dist/main/cli/index.js");
    writeFileSync(
      index,
      'export async function main(argv) { console.log("compiled CLI: " + argv.join(" ")); return 7; }\n',
    );
    if (built === "old") utimesSync(index, new Date(2000, 0, 1), new Date(2000, 0, 1));
  }
  return dir;
}

const run = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(dir, "bin/protokoll.mjs"), ...args], {
    encoding: "utf8",
    cwd: dir,
  });

describe("the protokoll command runs compiled code", () => {
  it("runs dist/main/cli/index.js when it is at least as new as every source, without a note", () => {
    const dir = checkout("current", "new");
    expect(mainBuildState(dir)).toBe("current");
    const r = run(dir, "validate", "x.protokoll");
    expect(r.stdout).toBe("compiled CLI: validate x.protokoll\n");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(7);
  });

  it("falls back to the TypeScript sources through tsx, saying so, when a source is newer than the build", () => {
    const dir = checkout("stale", "old");
    expect(mainBuildState(dir)).toBe("stale");
    const r = run(dir, "--help");
    expect(r.stderr).toContain(
      "the sources are newer than the build / källkoden är nyare än bygget",
    );
    expect(r.stderr).toContain("npm run build:main");
    expect(r.stdout).not.toContain("compiled CLI");
    expect(r.stdout).toContain("Usage / Användning: protokoll <command>");
    expect(r.status).toBe(0);
  });

  it("falls back the same way, saying it is not built, when there is no build", () => {
    const dir = checkout("none", "none");
    expect(mainBuildState(dir)).toBe("missing");
    const r = run(dir, "--help");
    expect(r.stderr).toContain("the CLI is not built / CLI:t är inte byggt");
    expect(r.stdout).toContain("protokoll validate <file>");
  });

  it("counts production sources but not tests or test helpers when deciding whether the build is current", () => {
    const dir = join(scratch, "tests");
    mkdirSync(join(dir, "main/x"), { recursive: true });
    mkdirSync(join(dir, "dist/main/cli"), { recursive: true });
    const at = (path: string, year: number) => {
      writeFileSync(join(dir, path), "export {};\n");
      utimesSync(join(dir, path), new Date(year, 0, 1), new Date(year, 0, 1));
    };
    at("main/x/code.ts", 2010);
    at("dist/main/cli/index.js", 2020);
    at("main/x/code.test.ts", 2030);
    at("main/x/helper.testkit.ts", 2030);
    expect(mainBuildState(dir)).toBe("current");
    at("main/x/code.ts", 2025);
    expect(mainBuildState(dir)).toBe("stale");
  });
});
