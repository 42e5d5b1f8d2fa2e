import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecoveryStore, rawDocumentTitle } from "./recovery.js";
import { answerText, protocolText } from "./testDocuments.testkit.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "protokoll-recovery-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the recovery folder", () => {
  it("keeps unsaved work and gives it back with its path and title", async () => {
    const store = new RecoveryStore(join(dir, "a"));
    const text = protocolText("Val av justerare", 3);
    await store.autosave("fonster-1", "/hem/sekr/socialnamnden.protokoll", text);
    const [entry, ...rest] = await store.list();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      key: "fonster-1",
      path: "/hem/sekr/socialnamnden.protokoll",
      title: "Val av justerare",
    });
    expect(Date.parse(entry!.savedAt)).not.toBeNaN();
    expect(await store.restore("fonster-1")).toEqual({
      text,
      path: "/hem/sekr/socialnamnden.protokoll",
      baseRevision: null,
    });
  });

  it("replaces the previous autosave of the same document", async () => {
    const store = new RecoveryStore(join(dir, "b"));
    await store.autosave("k", null, protocolText("Första"));
    await store.autosave("k", null, protocolText("Andra"));
    expect((await store.list()).map((e) => e.title)).toEqual(["Andra"]);
    expect(
      (await readdir(join(dir, "b"))).filter((n) => n.endsWith(".bak") || n.endsWith(".tmp")),
    ).toEqual([]);
  });

  it("lists several documents newest first and forgets a discarded one", async () => {
    const store = new RecoveryStore(join(dir, "c"));
    await store.autosave("gammal", null, protocolText("Gammalt ärende"));
    await new Promise((r) => setTimeout(r, 5));
    await store.autosave("ny", null, answerText("Svar på interpellation om bostäder"));
    expect((await store.list()).map((e) => [e.key, e.title])).toEqual([
      ["ny", "Svar på interpellation om bostäder"],
      ["gammal", "Gammalt ärende"],
    ]);
    await store.discard("gammal");
    await store.discard("gammal"); // twice is harmless
    expect((await store.list()).map((e) => e.key)).toEqual(["ny"]);
    expect(await store.restore("gammal")).toBeNull();
  });

  it("skips unreadable entries without deleting them", async () => {
    const folder = join(dir, "d");
    const store = new RecoveryStore(folder);
    await store.autosave("hel", null, protocolText("Hel"));
    await writeFile(join(folder, "trasig.json"), "{ inte json");
    expect((await store.list()).map((e) => e.key)).toEqual(["hel"]);
    expect(await readdir(folder)).toContain("trasig.json");
  });

  it("refuses keys that could escape the folder", async () => {
    const store = new RecoveryStore(join(dir, "e"));
    await expect(store.autosave("../../etc/x", null, "t")).rejects.toThrow(/Ogiltig/);
    expect(await store.restore("../x")).toBeNull();
  });

  it("is empty when the folder does not exist yet", async () => {
    expect(await new RecoveryStore(join(dir, "finns-inte")).list()).toEqual([]);
  });

  it("calls a document without a title Namnlöst", () => {
    expect(rawDocumentTitle("inte json")).toBe("Namnlöst");
    expect(rawDocumentTitle(protocolText(""))).toBe("Namnlöst");
    expect(rawDocumentTitle(protocolText("  Budget   2021 "))).toBe("Budget 2021");
  });
});
