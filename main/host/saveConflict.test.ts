/**
 * Saves carry the revision they were based on (issue 13, item 3), and the justering record is
 * checked when saving (item 8) — through the shared handlers as the web host wires them, over a
 * real workspace folder.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse, serialize, type ProtokollFile } from "../../schemas/file.js";
import { adjust } from "../../schemas/review/adjust.js";
import { approveItem } from "../../schemas/review/approvals.js";
import { recordCorrection } from "../../schemas/review/recordCorrection.js";
import { recordNotice } from "../../schemas/review/recordNotice.js";
import { sendForReview } from "../../schemas/review/reviewStatus.js";
import {
  adjustedSample,
  must,
  sampleProtocol,
} from "../../schemas/review/sampleProtocol.testkit.js";
import { acquireLock } from "../files/fileLock.js";
import { protocolText } from "../files/testDocuments.testkit.js";
import { Workspace, workspaceHostEnv } from "../web/workspace.js";
import { createHandlers } from "./createHandlers.js";
import { ADJUSTED_OVERWRITE } from "./saveGuard.js";

let dir: string;
let handlers: ReturnType<typeof createHandlers>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "protokoll-conflict-"));
  handlers = createHandlers(workspaceHostEnv(new Workspace(dir)));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const onDisk = (name: string) => readFileSync(join(dir, name), "utf8");
async function open(name: string) {
  const r = await handlers.openFile({ path: name });
  if (!r.ok || !r.revision) throw new Error(`did not open: ${r.ok ? "no revision" : r.error}`);
  return r;
}

describe("two editors on one file (issue 13, item 3)", () => {
  it("refuses the second tab's stale save with a conflict that carries the first tab's text", async () => {
    writeFileSync(join(dir, "möte.protokoll"), protocolText("Utgångsläge"));
    const tabA = await open("möte.protokoll");
    const tabB = await open("möte.protokoll");
    const a = await handlers.saveFile({
      path: "möte.protokoll",
      text: protocolText("Flik A:s ändring"),
      saveAs: false,
      baseRevision: tabA.revision,
    });
    expect(a).toMatchObject({ ok: true, revision: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const b = await handlers.saveFile({
      path: "möte.protokoll",
      text: protocolText("Flik B:s ändring"),
      saveAs: false,
      baseRevision: tabB.revision,
    });
    expect(b).toMatchObject({
      ok: false,
      error: expect.stringMatching(/har ändrats sedan du öppnade den/),
      conflict: { text: protocolText("Flik A:s ändring") },
    });
    expect(onDisk("möte.protokoll")).toBe(protocolText("Flik A:s ändring"));
    // Tab A saves on from its new revision; B, after reloading, too.
    const a2 = await handlers.saveFile({
      path: "möte.protokoll",
      text: protocolText("Flik A igen"),
      saveAs: false,
      baseRevision: a.ok ? a.revision : null,
    });
    expect(a2.ok).toBe(true);
    const reloaded = await open("möte.protokoll");
    expect(
      await handlers.saveFile({
        path: "möte.protokoll",
        text: protocolText("Flik B efter omladdning"),
        saveAs: false,
        baseRevision: reloaded.revision,
      }),
    ).toMatchObject({ ok: true });
  });

  it("does not overwrite a change another program (the CLI) wrote meanwhile", async () => {
    writeFileSync(join(dir, "cli.protokoll"), protocolText("Före"));
    const tab = await open("cli.protokoll");
    writeFileSync(join(dir, "cli.protokoll"), protocolText("Skrivet av kommandoraden"));
    const r = await handlers.saveFile({
      path: "cli.protokoll",
      text: protocolText("Fliken"),
      saveAs: false,
      baseRevision: tab.revision,
    });
    expect(r).toMatchObject({
      ok: false,
      conflict: { text: protocolText("Skrivet av kommandoraden") },
    });
    expect(onDisk("cli.protokoll")).toBe(protocolText("Skrivet av kommandoraden"));
  });

  it("treats a new document saved over an existing file (base null) as a conflict", async () => {
    writeFileSync(join(dir, "finns.protokoll"), protocolText("Finns redan"));
    const r = await handlers.saveFile({
      path: "finns.protokoll",
      text: protocolText("Nytt"),
      saveAs: false,
      baseRevision: null,
    });
    expect(r).toMatchObject({ ok: false, conflict: { text: protocolText("Finns redan") } });
  });

  it("honours the desktop app's lock: read-only on open, no save over it", async () => {
    const file = join(dir, "låst.protokoll");
    writeFileSync(file, protocolText("Låst"));
    const lock = await acquireLock(file, "Protokoll (fönster 1)");
    if (!lock.ok) throw new Error(lock.error);
    const tab = await open("låst.protokoll");
    expect(tab.readOnly).toBe(true);
    const r = await handlers.saveFile({
      path: "låst.protokoll",
      text: protocolText("Ändrat"),
      saveAs: false,
      baseRevision: tab.revision,
    });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/Protokoll \(fönster 1\)/) });
    expect(onDisk("låst.protokoll")).toBe(protocolText("Låst"));
    await lock.release();
    expect((await open("låst.protokoll")).readOnly).toBe(false);
  });
});

describe("the justering record at save (issue 13, item 8)", () => {
  const write = (name: string, file: ProtokollFile) =>
    writeFileSync(join(dir, name), serialize(file));

  it("refuses to overwrite a justerat protocol except by a recorded rättelse", async () => {
    const done = adjustedSample();
    write("justerat.protokoll", done);
    const tab = await open("justerat.protokoll");
    const file = parse(tab.text);
    if (!file.ok) throw new Error("does not parse");
    const unchanged = serialize(file.file);
    // An edit of § 5's text, status and seal left as they were.
    const tampered = tab.text.replace(
      "Förvaltningen ser positivt på förslaget.",
      "Förvaltningen avstyrker förslaget.",
    );
    expect(tampered).not.toBe(tab.text);
    const refused = await handlers.saveFile({
      path: "justerat.protokoll",
      text: tampered,
      saveAs: false,
      baseRevision: tab.revision,
    });
    expect(refused).toEqual({ ok: false, error: ADJUSTED_OVERWRITE });
    // Nor by replacing it with something else entirely ("Spara som" over it).
    expect(
      await handlers.saveFile({
        path: "justerat.protokoll",
        text: protocolText("Annat"),
        saveAs: false,
      }),
    ).toEqual({ ok: false, error: ADJUSTED_OVERWRITE });
    expect(onDisk("justerat.protokoll")).toBe(tab.text);
    // The same content saved again (e.g. only comments changed) is fine.
    expect(
      await handlers.saveFile({
        path: "justerat.protokoll",
        text: unchanged,
        saveAs: false,
        baseRevision: tab.revision,
      }),
    ).toMatchObject({ ok: true });
    // A recorded rättelse is the way.
    const reopened = await open("justerat.protokoll");
    const base = parse(reopened.text);
    if (!base.ok) throw new Error("does not parse");
    const newDoc = parse(
      reopened.text.replace(
        "Förvaltningen ser positivt på förslaget.",
        "Förvaltningen ser positivt på förslaget i sin helhet.",
      ),
    );
    if (!newDoc.ok) throw new Error("does not parse");
    const corrected = must(
      recordCorrection(base.file, {
        newDoc: newDoc.file.doc,
        what: "Tillägg i § 5",
        why: "Skrivfel",
        by: "Sara Karlsson",
        at: "2020-09-01T10:00",
      }),
    );
    expect(
      await handlers.saveFile({
        path: "justerat.protokoll",
        text: serialize(corrected),
        saveAs: false,
        baseRevision: reopened.revision,
      }),
    ).toMatchObject({ ok: true });
    expect(onDisk("justerat.protokoll")).toContain("i sin helhet");
  });

  it("lets a justerat protocol take its recorded anslag (a sealed history entry), but not an anslag date written over the seal", async () => {
    write("anslag.protokoll", adjustedSample());
    const tab = await open("anslag.protokoll");
    const base = parse(tab.text);
    if (!base.ok) throw new Error("does not parse");
    // The date typed into meta without the recorded entry: a change of the sealed protocol.
    const typed = {
      ...base.file,
      meta: { ...base.file.meta, notice: { ...base.file.meta.notice, posted: "2020-09-02" } },
    };
    expect(
      await handlers.saveFile({
        path: "anslag.protokoll",
        text: serialize(typed),
        saveAs: false,
        baseRevision: tab.revision,
      }),
    ).toEqual({ ok: false, error: ADJUSTED_OVERWRITE });
    const posted = must(recordNotice(base.file, "2020-09-02", "Sara Karlsson", "2020-09-02T09:00"));
    expect(
      await handlers.saveFile({
        path: "anslag.protokoll",
        text: serialize(posted),
        saveAs: false,
        baseRevision: tab.revision,
      }),
    ).toMatchObject({ ok: true });
    const saved = parse(onDisk("anslag.protokoll"));
    expect(saved.ok && saved.file.history.at(-1)?.kind).toBe("notice");
  });

  it("refuses a justering of a protocol with rule errors unless the override and its reason are recorded", async () => {
    let f = must(sendForReview(sampleProtocol(), "Sara Karlsson", "2020-08-26T09:00"));
    for (const item of ["p1", "p2", "p3", "p4", "p5", "p6"])
      for (const who of ["jj", "lv"]) f = must(approveItem(f, item, who, "2020-08-30T10:00"));
    write("granskas.protokoll", f);
    const tab = await open("granskas.protokoll");
    // The sample has no attendance ledger: a rule error.
    const plain = must(adjust(f, ["jj", "lv"], "2020-08-31T14:00"));
    const r = await handlers.saveFile({
      path: "granskas.protokoll",
      text: serialize(plain),
      saveAs: false,
      baseRevision: tab.revision,
    });
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringMatching(/regelfel och kan inte justeras utan ett registrerat skäl/),
    });
    expect(onDisk("granskas.protokoll")).toBe(serialize(f));
    const overridden = must(
      adjust(f, ["jj", "lv"], "2020-08-31T14:00", "Närvaroförteckningen finns i bilaga 1."),
    );
    expect(
      await handlers.saveFile({
        path: "granskas.protokoll",
        text: serialize(overridden),
        saveAs: false,
        baseRevision: tab.revision,
      }),
    ).toMatchObject({ ok: true });
    const saved = parse(onDisk("granskas.protokoll"));
    expect(saved.ok && saved.file.history.at(-1)).toMatchObject({
      kind: "adjusted",
      why: "Närvaroförteckningen finns i bilaga 1.",
      what: expect.stringMatching(/trots regelfel/),
    });
  });
});
