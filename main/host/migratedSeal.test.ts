/**
 * Issue 18: "Expedieras till" became a typed list (format version 2). A justerat file of version 1,
 * whose distribution blocks are prose, must still verify after the app has opened it (migrated in
 * memory), recorded an anslag or a rättelse and saved it — through the shared handlers as the web
 * host wires them, over a real folder, checked by `protokoll verify` on the saved bytes. The files
 * are frozen: written by the program before the change (schemas/fixtures).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recipientsOf } from "../../schemas/agenda/distributionGroups.js";
import { CURRENT_VERSION, parse, serialize, type ProtokollFile } from "../../schemas/file.js";
import { adjust, immediateUnchanged } from "../../schemas/review/adjust.js";
import { approveItem } from "../../schemas/review/approvals.js";
import { findItem } from "../../schemas/review/items.js";
import { recordCorrection } from "../../schemas/review/recordCorrection.js";
import { recordNotice } from "../../schemas/review/recordNotice.js";
import { must } from "../../schemas/review/sampleProtocol.testkit.js";
import { verifySeal } from "../../schemas/review/seal.js";
import { replaceInItem } from "../../schemas/review/textEdits.js";
import { runCapturing } from "../cli/runCapturing.js";
import { signedText, testKey } from "../review/sealKeys.testkit.js";
import { Workspace, workspaceHostEnv } from "../web/workspace.js";
import { createHandlers } from "./createHandlers.js";

const fixtures = join(import.meta.dirname, "../../schemas/fixtures");
const dir = mkdtempSync(join(tmpdir(), "protokoll-migrated-seal-"));
process.env.PROTOKOLL_CONFIG_DIR = join(dir, "installningar");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const handlers = createHandlers(workspaceHostEnv(new Workspace(dir)));
/** The key the secretary signs the renewed seals with (the justering was signed by another, the fixture's). */
const secretary = testKey("Sekreteraren");

/** Open a fixture in the app: copied into the workspace, read through the host, parsed (and migrated). */
async function open(
  name: string,
): Promise<{ file: ProtokollFile; revision: string; stored: string }> {
  copyFileSync(join(fixtures, name), join(dir, name));
  const r = await handlers.openFile({ path: name });
  if (!r.ok || !r.revision) throw new Error(`did not open: ${r.ok ? "no revision" : r.error}`);
  const parsed = parse(r.text);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return { file: parsed.file, revision: r.revision, stored: r.text };
}

const distributionShapes = (file: ProtokollFile) =>
  ["p3", "p4", "p5"].map((id) => {
    let shape = "";
    findItem(file.doc, id)!.forEach(
      (b) => void (b.type.name === "distribution" && (shape = b.firstChild!.type.name)),
    );
    return shape;
  });

/** `protokoll verify` on the saved file, trusting the justering's key (from the file) and the secretary's. */
async function verify(name: string, file: ProtokollFile) {
  const keys = new Set<string>([secretary.fingerprint]);
  for (const h of file.history) if (h.seal?.signature) keys.add(h.seal.signature.key);
  return runCapturing(["verify", join(dir, name), ...[...keys].flatMap((k) => ["--key", k])]);
}

describe("a justerat file of format version 1 with Expedieras till as prose", () => {
  it("opens with its distribution blocks as stored, still verifying, and with its recipients read from the prose", async () => {
    const { file, stored } = await open("v1-expedieras-justerat.protokoll");
    expect(JSON.parse(stored).version).toBe(1);
    expect(distributionShapes(file)).toEqual(["paragraph", "paragraph", "bullet_list"]);
    expect(verifySeal(file, JSON.parse(stored))).toMatchObject({ ok: true, form: 2 });
    expect(verifySeal(file)).toMatchObject({ ok: true, form: 2 });
    expect(recipientsOf(findItem(file.doc, "p3")!)).toEqual([
      "Kommunstyrelsen",
      "Ekonomienheten",
      "Revisionen",
    ]);
    expect(recipientsOf(findItem(file.doc, "p4")!)).toEqual(["Socialförvaltningen", "Akten"]);
    expect(recipientsOf(findItem(file.doc, "p5")!)).toEqual([
      "Vård- och omsorgsförvaltningen",
      "Kommunstyrelsen",
    ]);
  });

  it("records an anslag, saves through the save guard, and `protokoll verify` says OK on the saved bytes (now version 2)", async () => {
    const name = "v1-expedieras-justerat.protokoll";
    const { file, revision } = await open(name);
    const posted = must(recordNotice(file, "2020-09-01", "Sara Karlsson", "2020-09-01T09:00"));
    const saved = await handlers.saveFile({
      path: name,
      text: signedText(posted, secretary),
      saveAs: false,
      baseRevision: revision,
    });
    expect(saved).toMatchObject({ ok: true });
    const onDisk = readFileSync(join(dir, name), "utf8");
    expect(JSON.parse(onDisk).version).toBe(CURRENT_VERSION);
    const back = parse(onDisk);
    if (!back.ok) throw new Error(back.errors[0]!.message);
    expect(verifySeal(back.file, JSON.parse(onDisk))).toMatchObject({
      ok: true,
      notices: [expect.objectContaining({ kind: "notice" })],
    });
    const r = await verify(name, back.file);
    expect(r.out.split("\n")[0]).toMatch(/^OK: the file agrees with its seal, signed by key/);
    expect(r.code).toBe(0);
  });

  it("records a rättelse after the anslag, saves, and still verifies; a save that changes the list without one is refused", async () => {
    const name = "v1-expedieras-justerat.protokoll";
    const { file, revision } = await open(name);
    const posted = must(recordNotice(file, "2020-09-01", "Sara Karlsson", "2020-09-01T09:00"));
    const first = await handlers.saveFile({
      path: name,
      text: signedText(posted, secretary),
      saveAs: false,
      baseRevision: revision,
    });
    if (!first.ok) throw new Error(first.error);
    const reopened = await open2(name);
    const newDoc = replaceInItem(reopened.file.doc, "p3", "Revisionen", "Revisorerna");
    const corrected = must(
      recordCorrection(reopened.file, {
        newDoc,
        by: "Sara Karlsson",
        at: "2020-09-02T10:00",
        what: "Mottagare rättad",
        why: "Skrivfel",
        item: "p3",
      }),
    );
    const saved = await handlers.saveFile({
      path: name,
      text: signedText(corrected, secretary),
      saveAs: false,
      baseRevision: reopened.revision,
    });
    expect(saved).toMatchObject({ ok: true });
    const back = parse(readFileSync(join(dir, name), "utf8"));
    if (!back.ok) throw new Error(back.errors[0]!.message);
    expect(recipientsOf(findItem(back.file.doc, "p3")!)).toEqual([
      "Kommunstyrelsen",
      "Ekonomienheten",
      "Revisorerna",
    ]);
    const r = await verify(name, back.file);
    expect(r.code).toBe(0);
    // The same edit saved without recording it as a rättelse: refused, the file on disk unchanged.
    const again = await open2(name);
    const sneaky = replaceInItem(again.file.doc, "p3", "Revisorerna", "Revisionen");
    const before = readFileSync(join(dir, name), "utf8");
    const refused = await handlers.saveFile({
      path: name,
      text: serialize({ ...again.file, doc: sneaky }),
      saveAs: false,
      baseRevision: again.revision,
    });
    expect(refused.ok).toBe(false);
    expect(readFileSync(join(dir, name), "utf8")).toBe(before);
  });
});

describe("a file of format version 1 with a § justerad at the meeting", () => {
  it("converts only the § nobody has signed off; the justerad and the approved §§ keep their prose, and the § seal holds", async () => {
    const { file } = await open("v1-expedieras-omedelbar.protokoll");
    // p3: neither justerad nor approved → typed list; p4: justerad at the meeting; p5: approved by both
    expect(distributionShapes(file)).toEqual(["recipient", "paragraph", "bullet_list"]);
    expect(recipientsOf(findItem(file.doc, "p3")!)).toEqual([
      "Kommunstyrelsen",
      "Ekonomienheten",
      "Revisionen",
    ]);
    expect(immediateUnchanged(file, "p4")).toBe(true);
  });

  it("is justerad as a whole after the migration, saved, and verifies OK with the § justerad at the meeting unchanged", async () => {
    const name = "v1-expedieras-omedelbar.protokoll";
    const { file, revision } = await open(name);
    let approved = file;
    for (const id of ["p1", "p2", "p3", "p6"])
      for (const who of ["jj", "lv"])
        approved = must(approveItem(approved, id, who, "2020-08-30T10:00"));
    const adjusted = must(
      adjust(approved, ["jj", "lv"], "2020-08-31T14:00", "Närvaron fördes på separat lista"),
    );
    const saved = await handlers.saveFile({
      path: name,
      text: signedText(adjusted, secretary),
      saveAs: false,
      baseRevision: revision,
    });
    expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
    const back = parse(readFileSync(join(dir, name), "utf8"));
    if (!back.ok) throw new Error(back.errors[0]!.message);
    expect(immediateUnchanged(back.file, "p4")).toBe(true);
    const r = await verify(name, back.file);
    expect(r.out).toMatch(/^OK: /);
    expect(r.out).toContain("unchanged / oförändrad");
    expect(r.code).toBe(0);
  });
});

/** Re-open a file already in the workspace (no copy). */
async function open2(name: string): Promise<{ file: ProtokollFile; revision: string }> {
  const r = await handlers.openFile({ path: name });
  if (!r.ok || !r.revision) throw new Error(`did not open: ${r.ok ? "no revision" : r.error}`);
  const parsed = parse(r.text);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return { file: parsed.file, revision: r.revision };
}
