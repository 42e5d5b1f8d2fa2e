import {
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  existsSync,
  readdirSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse, serialize } from "../../schemas/file.js";
import { socialnamnd } from "../../templates/socialnamnd.js";
import { Workspace, workspaceHostEnv } from "../web/workspace.js";
import { createHandlers } from "./createHandlers.js";

let dir: string;
let handlers: ReturnType<typeof createHandlers>;
let states: unknown[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "protokoll-host-"));
  const ws = new Workspace(dir);
  states = [];
  handlers = createHandlers(workspaceHostEnv(ws, async (s) => void states.push(s)));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sample = () => serialize(socialnamnd.create({ date: "2020-08-25" }));

describe("createHandlers", () => {
  it("saves a document canonically and opens it again with the same text", async () => {
    const text = sample();
    const saved = await handlers.saveFile({ path: "möte.protokoll", text, saveAs: false });
    expect(saved).toEqual({
      ok: true,
      path: "möte.protokoll",
      revision: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(readFileSync(join(dir, "möte.protokoll"), "utf8")).toBe(text);
    const opened = await handlers.openFile({ path: "möte.protokoll" });
    expect(opened.ok && opened.text).toBe(text);
    expect(opened.ok && opened.readOnly).toBe(false);
    const list = await handlers.listFiles({});
    expect(list.ok && list.files.map((f) => f.path)).toEqual(["möte.protokoll"]);
  });

  it("adds the .protokoll extension and derives a free name when no path is given", async () => {
    const a = await handlers.saveFile({ path: "utan-ändelse", text: sample(), saveAs: false });
    expect(a.ok && a.path).toBe("utan-ändelse.protokoll");
    const b = await handlers.saveFile({ path: null, text: sample(), saveAs: false });
    const c = await handlers.saveFile({ path: null, text: sample(), saveAs: true });
    expect(b.ok && b.path).toBe("Socialnämnden 2020-08-25.protokoll");
    expect(c.ok && c.path).toBe("Socialnämnden 2020-08-25 (2).protokoll");
  });

  it("refuses to save text that is not a well-formed document, and writes nothing", async () => {
    const r = await handlers.saveFile({
      path: "trasig.protokoll",
      text: '{"format":"protokoll"',
      saveAs: false,
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/inte är välformat/);
    expect(existsSync(join(dir, "trasig.protokoll"))).toBe(false);
  });

  it("never overwrites a file that is not a readable protocol document", async () => {
    writeFileSync(join(dir, "anteckningar.protokoll"), "mina viktiga anteckningar");
    const r = await handlers.saveFile({
      path: "anteckningar.protokoll",
      text: sample(),
      saveAs: false,
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/skrivs inte över/);
    expect(readFileSync(join(dir, "anteckningar.protokoll"), "utf8")).toBe(
      "mina viktiga anteckningar",
    );
  });

  it("refuses paths outside the workspace: .., absolute and a symlink out", async () => {
    const outside = mkdtempSync(join(tmpdir(), "protokoll-outside-"));
    try {
      writeFileSync(join(outside, "hemlig.protokoll"), sample());
      symlinkSync(outside, join(dir, "länk"));
      for (const path of [
        "../x.protokoll",
        join(outside, "hemlig.protokoll"),
        "länk/hemlig.protokoll",
        "a/../../x.protokoll",
      ]) {
        const open = await handlers.openFile({ path });
        expect(open.ok, path).toBe(false);
        expect(!open.ok && open.error).toMatch(/inte tillåten/);
        const save = await handlers.saveFile({ path, text: sample(), saveAs: false });
        expect(save.ok, path).toBe(false);
      }
      expect(readdirSync(outside)).toEqual(["hemlig.protokoll"]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("reports a broken file with the path of what is wrong instead of throwing", async () => {
    const text = sample().replace('"name": "Socialnämnden"', '"name": 5');
    writeFileSync(join(dir, "fel.protokoll"), text);
    const r = await handlers.openFile({ path: "fel.protokoll" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain("meta.body.name");
    const missing = await handlers.openFile({ path: "finns-inte.protokoll" });
    expect(!missing.ok && missing.error).toMatch(/finns inte/);
  });

  it("keeps unsaved work in recovery, lists, restores and discards it", async () => {
    const text = sample();
    expect(await handlers.autosave({ key: "doc1", path: null, text })).toEqual({ ok: true });
    const list = await handlers.listRecovery({});
    expect(list.ok && list.entries.map((e) => e.key)).toEqual(["doc1"]);
    const restored = await handlers.restoreRecovery({ key: "doc1" });
    expect(restored.ok && restored.text).toBe(text);
    await handlers.discardRecovery({ key: "doc1" });
    const after = await handlers.listRecovery({});
    expect(after.ok && after.entries).toEqual([]);
    const gone = await handlers.restoreRecovery({ key: "doc1" });
    expect(gone.ok).toBe(false);
  });

  it("passes the document state to the host", async () => {
    await handlers.setDocumentState({ title: "Socialnämnden", dirty: true, path: null });
    expect(states).toEqual([{ title: "Socialnämnden", dirty: true, path: null }]);
  });

  it("imports a real protocol text by path and by upload into a well-formed document", async () => {
    const source = readFileSync("seeds/002-socialnamnden-2020-08-25.txt");
    writeFileSync(join(dir, "protokoll.txt"), source);
    const byPath = await handlers.importFile({ path: "protokoll.txt" });
    expect(byPath.ok).toBe(true);
    if (!byPath.ok) return;
    const parsed = parse(byPath.text);
    expect(parsed.ok && parsed.file.doc.childCount).toBe(16);
    expect(byPath.sourceName).toBe("protokoll.txt");
    const upload = await handlers.importFile({
      upload: { name: "uppladdad.txt", base64: source.toString("base64") },
    });
    expect(upload.ok && upload.text).toBe(byPath.text.replace(/protokoll\.txt/g, "uppladdad.txt"));
    const missing = await handlers.importFile({ path: "finns-inte.pdf" });
    expect(!missing.ok && missing.error).toMatch(/finns inte/);
  });

  it("exports a PDF atomically into the workspace without overwriting an earlier export", async () => {
    const text = sample();
    const first = await handlers.exportFile({
      text,
      format: "pdf",
      output: "full",
      items: [],
      draft: true,
    });
    const second = await handlers.exportFile({
      text,
      format: "pdf",
      output: "full",
      items: [],
      draft: true,
    });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.path).not.toBe(second.path);
    expect(readFileSync(join(dir, first.path)).subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(readFileSync(join(dir, first.path)).length).toBe(first.bytes);
  });

  it("refuses to export a document that does not parse", async () => {
    const r = await handlers.exportFile({
      text: "nej",
      format: "pdf",
      output: "full",
      items: [],
      draft: false,
    });
    expect(r.ok).toBe(false);
    expect(parse(sample()).ok).toBe(true);
  });
});
