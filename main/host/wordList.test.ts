import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseArgs } from "../../schemas/contract.js";
import { Workspace, workspaceHostEnv } from "../web/workspace.js";
import { createHandlers, type HostEnv } from "./createHandlers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "protokoll-words-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the workspace's word list", () => {
  it("keeps added words sorted in ordlista.txt at the workspace's root and reads them back", async () => {
    const handlers = createHandlers(workspaceHostEnv(new Workspace(dir)));
    expect(await handlers.readWordList({ path: null })).toEqual({ ok: true, words: [] });
    expect(
      await handlers.addToWordList({ path: "nämnd/möte.protokoll", word: "Xylofonsalen" }),
    ).toEqual({ ok: true });
    expect(await handlers.addToWordList({ path: null, word: "Ärendebalans" })).toEqual({
      ok: true,
    });
    expect(await handlers.addToWordList({ path: null, word: "Xylofonsalen" })).toEqual({
      ok: true,
    });
    expect(readFileSync(join(dir, "ordlista.txt"), "utf8")).toBe("Xylofonsalen\nÄrendebalans\n");
    expect(await handlers.readWordList({ path: "möte.protokoll" })).toEqual({
      ok: true,
      words: ["Xylofonsalen", "Ärendebalans"],
    });
  });

  it("leaves out lines that are not words when reading a hand-edited list", async () => {
    writeFileSync(
      join(dir, "ordlista.txt"),
      "Qwertyvik\r\n\r\n../../etc/passwd\n  Zbigniew  \n12345\n",
    );
    const handlers = createHandlers(workspaceHostEnv(new Workspace(dir)));
    expect(await handlers.readWordList({ path: null })).toEqual({
      ok: true,
      words: ["Qwertyvik", "Zbigniew"],
    });
  });

  it("refuses a word that is not a word at the contract", () => {
    for (const word of ["", "två ord", "a/b", "x\ny", "1234"])
      expect(parseArgs("addToWordList", { path: null, word }).ok, word).toBe(false);
    expect(parseArgs("addToWordList", { path: null, word: "Per-Olof" }).ok).toBe(true);
  });

  it("lies beside the document in the app, and needs a saved document", async () => {
    mkdirSync(join(dir, "a"));
    const doc = join(dir, "a", "möte.protokoll");
    const env: HostEnv = {
      resolve: (p) => (p === doc ? p : null),
      chooseOpenPath: async () => null,
      chooseSavePath: async () => null,
      chooseImportPath: async () => null,
      listFiles: async () => [],
      recoveryDir: join(dir, "recovery"),
      setDocumentState: async () => undefined,
    };
    const handlers = createHandlers(env);
    const unsaved = await handlers.addToWordList({ path: null, word: "Qwertyvik" });
    expect(unsaved.ok).toBe(false);
    if (!unsaved.ok) expect(unsaved.error).toMatch(/Spara dokumentet först/);
    expect(await handlers.addToWordList({ path: doc, word: "Qwertyvik" })).toEqual({ ok: true });
    expect(readFileSync(join(dir, "a", "ordlista.txt"), "utf8")).toBe("Qwertyvik\n");
    expect(
      (await handlers.addToWordList({ path: join(dir, "annan.protokoll"), word: "X" })).ok,
    ).toBe(false);
  });
});
