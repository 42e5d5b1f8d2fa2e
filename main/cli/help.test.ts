/**
 * `protokoll --help` prints every command without importing any of them (issue 12, item 1): the
 * command modules are replaced by ones that fail when loaded, so the test fails if help loads one.
 */
import { describe, expect, it, vi } from "vitest";

const loaded = vi.hoisted(() => [] as string[]);
vi.mock("./importCommand.js", () => (loaded.push("import"), {}));
vi.mock("./validateCommand.js", () => (loaded.push("validate"), {}));
vi.mock("./exportCommand.js", () => (loaded.push("export"), {}));
vi.mock("./verifyCommand.js", () => (loaded.push("verify"), {}));

import { runCapturing } from "./runCapturing.js";

describe("protokoll --help", () => {
  it("lists the four commands and the exit codes without loading a command", async () => {
    const r = await runCapturing(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["import", "validate", "export", "verify"])
      expect(r.out).toContain(`protokoll ${c} `);
    expect(r.out).toMatch(/Exit codes \/ Slutkoder/);
    expect(loaded).toEqual([]);
    // Without a command: the same text, exit 2 (bad usage).
    expect((await runCapturing([])).code).toBe(2);
    expect(loaded).toEqual([]);
    // A command is loaded when it runs.
    await runCapturing(["validate", "--bogus"]);
    expect(loaded).toEqual(["validate"]);
  });
});
