import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serialize, type ProtokollFile } from "../../schemas/file.js";
import { immediateAdjust } from "../../schemas/review/adjust.js";
import { recordCorrection } from "../../schemas/review/recordCorrection.js";
import {
  adjustedSample,
  must,
  sampleProtocol,
} from "../../schemas/review/sampleProtocol.testkit.js";
import { replaceInItem } from "../../schemas/review/textEdits.js";
import { answerFile } from "../../schemas/rules/testBuilder.testkit.js";
import { runCapturing } from "../cli/runCapturing.js";
import { exportDocument } from "./exportDocument.js";
import { exportGate, statusGates } from "./exportGate.js";
import { docxParagraphs, docxParts, readPdf } from "./readBack.testkit.js";

/** The review sample with everyone serving, so the rules have nothing to refuse: only the status can. */
function clean(): ProtokollFile {
  const sample = sampleProtocol();
  const attendance = sample.meta.persons
    .filter((p) => p.role !== "secretary")
    .map((p) => ({
      person: p.id,
      status: "serving" as const,
      from: null,
      to: null,
      replaces: null,
    }));
  return {
    ...sample,
    meta: { ...sample.meta, attendance, adjustment: { date: "2020-08-31", place: "Stadshuset" } },
  };
}

const dir = mkdtempSync(join(tmpdir(), "protokoll-gate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the export gate: an official export needs the status that makes the document official", () => {
  it("refuses the protocol, its public version and its anslag while the protocol is not justerat, in Swedish and English", () => {
    const draft = clean();
    for (const output of ["full", "public", "notice"] as const) {
      const g = exportGate(draft, output);
      expect(g.ok, output).toBe(false);
      if (g.ok) continue;
      expect(g.problems).toEqual([]);
      expect(g.refused!.sv).toMatch(/inte justerat \(status: utkast\)/);
      expect(g.refused!.en).toMatch(/not justerat \(status: draft\)/);
    }
  });

  it("lets the same protocol through once it is justerat", () => {
    expect(exportGate(adjustedSample(clean()), "full").ok).toBe(true);
  });

  it("lets an extract of a § justerad at the meeting through before the protocol is justerat, but not of another §, nor of that § once changed", () => {
    const f = must(immediateAdjust(clean(), "p4", ["jj", "lv"], "2020-08-25T19:00"));
    expect(exportGate(f, "extract", ["p4"]).ok).toBe(true);
    const other = exportGate(f, "extract", ["p4", "p5"]);
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.refused!.sv).toMatch(/§ 5 är inte omedelbart justerad/);
    const changed = { ...f, doc: replaceInItem(f.doc, "p4", "månadsrapporten", "rapporten") };
    const r = exportGate(changed, "extract", ["p4"]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refused!.sv).toMatch(/ändrats efter den omedelbara justeringen/);
  });

  it("lets an answer to an interpellation through once signed, not before", () => {
    expect(exportGate(answerFile(), "full").ok).toBe(true);
    const unsigned = exportGate(answerFile(undefined, { signatory: null, date: null }), "full");
    expect(unsigned.ok).toBe(false);
    if (!unsigned.ok) {
      expect(unsigned.refused!.sv).toMatch(
        /förrän det är undertecknat – datum, vem som undertecknar saknas/,
      );
      expect(unsigned.refused!.en).toMatch(/until it is signed – missing: date, who signs/);
    }
  });

  it("has one gate per kind of document", () => {
    expect(Object.keys(statusGates).sort()).toEqual([
      "interpellationssvar",
      "kallelse",
      "protokoll",
    ]);
  });
});

describe("a draft never reads as justerat", () => {
  it("refuses the official export and exports the draft watermarked, without 'Protokollet är justerat'", async () => {
    const refused = await exportDocument(clean(), { format: "pdf", output: "full" });
    expect(refused.ok).toBe(false);
    const r = await exportDocument(clean(), { format: "pdf", output: "full", draft: true });
    if (!r.ok) throw new Error(r.error);
    const text = (await readPdf(r.bytes)).pages.join("\n").replace(/\s+/g, " ");
    expect(text).toContain("UTKAST");
    expect(text).not.toContain("Protokollet är justerat");
    expect(text).toContain("Protokollet är ännu inte justerat.");
  });

  it("CLI: exits 1 with the reason in English and Swedish and writes nothing", async () => {
    const path = join(dir, "utkast.protokoll");
    writeFileSync(path, serialize(clean()));
    const out = join(dir, "utkast.pdf");
    const r = await runCapturing(["export", path, "--pdf", out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      "Export refused / Exporten stoppades: The protocol cannot be exported as official: the protocol is not justerat (status: draft)",
    );
    expect(r.err).toContain(
      "Protokollet kan inte exporteras som officiellt: protokollet är inte justerat (status: utkast)",
    );
    expect(existsSync(out)).toBe(false);
    expect((await runCapturing(["export", path, "--draft", "--pdf", out])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("the signature page of a justerat protocol", () => {
  it("shows the justering date and who justerade, not the date of a later rättelse", async () => {
    const f = adjustedSample(clean());
    const corrected = must(
      recordCorrection(f, {
        newDoc: replaceInItem(f.doc, "p5", "ytterstaden", "innerstaden"),
        what: "Skrivfel rättat.",
        why: "Skrivfel.",
        by: "Sara Karlsson",
        at: "2020-09-03T08:30",
      }),
    );
    const r = await exportDocument(corrected, { format: "docx", output: "full" });
    if (!r.ok) throw new Error(r.error);
    const texts = docxParagraphs(docxParts(r.bytes)["word/document.xml"]!).map((p) => p.text);
    expect(texts).toContain("Justerat den 31 augusti 2020 av Jon Järvholm, Linda Vall.");
    expect(texts.join("\n")).not.toMatch(/Justerat (den )?(3 september 2020|2020-09-03)/);
  });
});
