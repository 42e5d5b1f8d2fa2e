import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseWebArgs, seedWorkspace } from "./cli.js";

describe("npm run web arguments", () => {
  it("reads --workspace and --port in both spellings", () => {
    expect(parseWebArgs(["--workspace", "/tmp/a", "--port", "8123"])).toEqual({
      workspace: "/tmp/a",
      port: 8123,
    });
    expect(parseWebArgs(["--workspace=/tmp/b", "--port=0"])).toEqual({
      workspace: "/tmp/b",
      port: 0,
    });
  });

  it("names a wrong option or port in English and Swedish", () => {
    expect(parseWebArgs(["--bogus"])).toEqual({
      error: "Unknown option --bogus / Okänt val --bogus",
    });
    expect(parseWebArgs(["--port", "99999"])).toEqual({ error: "Invalid port / Ogiltig port" });
    expect(parseWebArgs(["--workspace"])).toEqual({
      error: "--workspace needs a value / --workspace behöver ett värde",
    });
  });

  it("copies the sample documents into an empty workspace only", () => {
    const empty = mkdtempSync(join(tmpdir(), "ws-empty-"));
    const used = mkdtempSync(join(tmpdir(), "ws-used-"));
    try {
      const n = seedWorkspace(empty);
      expect(n).toBe(readdirSync("seeds").filter((f) => f.endsWith(".protokoll")).length);
      expect(readdirSync(empty).every((f) => f.endsWith(".protokoll"))).toBe(true);
      writeFileSync(join(used, "mitt.protokoll"), "x");
      expect(seedWorkspace(used)).toBe(0);
      expect(readdirSync(used)).toEqual(["mitt.protokoll"]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
      rmSync(used, { recursive: true, force: true });
    }
  });
});
