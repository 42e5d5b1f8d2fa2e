import { describe, expect, it } from "vitest";
import type { ProtokollFile } from "../../schemas/file.js";
import { recordCorrection } from "../../schemas/review/recordCorrection.js";
import {
  adjustedSample,
  must,
  sampleProtocol,
} from "../../schemas/review/sampleProtocol.testkit.js";
import { replaceInItem } from "../../schemas/review/textEdits.js";
import { exportDocument } from "./exportDocument.js";
import { docxParts } from "./readBack.testkit.js";
import { readPdf } from "./readBack.testkit.js";

/** The review sample, justerad on 2020-08-31 and then corrected once in § 5. */
function correctedProtocol(): ProtokollFile {
  const sample = sampleProtocol();
  // Everyone elected serves for the whole meeting, so the export gate has nothing to refuse.
  const attendance = sample.meta.persons
    .filter((p) => p.role !== "secretary" && p.role !== "official" && p.role !== "other")
    .map((p) => ({
      person: p.id,
      status: "serving" as const,
      from: null,
      to: null,
      replaces: null,
    }));
  const f = adjustedSample({ ...sample, meta: { ...sample.meta, attendance } });
  const newDoc = replaceInItem(f.doc, "p5", "ytterstaden", "innerstaden");
  return must(
    recordCorrection(f, {
      newDoc,
      what: "”ytterstaden” ändrat till ”innerstaden”.",
      why: "Skrivfel.",
      by: "Sara Karlsson",
      at: "2020-09-03T08:30",
    }),
  );
}

describe("a justerat protocol with a rättelse, exported", () => {
  const file = correctedProtocol();

  it("prints the rättelse as a visible note in the PDF, with the status and the renewed seal on the signature page and in the metadata", async () => {
    const r = await exportDocument(file, { format: "pdf", output: "full" });
    if (!r.ok) throw new Error(r.error);
    const pdf = await readPdf(r.bytes);
    const text = pdf.pages.join("\n").replace(/\s+/g, " ");
    expect(text).toMatch(
      /Rättelse \(§ \d+[^)]*\) den 3 september 2020 av Sara Karlsson: ”ytterstaden” ändrat till ”innerstaden”\. Skäl: Skrivfel\./,
    );
    expect(text).toContain("Status: Justerad");
    expect(text).toContain(file.meta.seal!.sha256);
    expect(pdf.metadataXml).toContain(`SHA-256: ${file.meta.seal!.sha256}`);
  });

  it("prints the same note in the DOCX and puts the status and seal in its keywords", async () => {
    const r = await exportDocument(file, { format: "docx", output: "full" });
    if (!r.ok) throw new Error(r.error);
    const parts = docxParts(r.bytes);
    expect(parts["word/document.xml"]).toContain("”ytterstaden” ändrat till ”innerstaden”.");
    expect(parts["docProps/core.xml"]).toContain(
      `<cp:keywords>Status: Justerad; SHA-256: ${file.meta.seal!.sha256}`,
    );
  });

  it("prints the note in an extract of the corrected §", async () => {
    const r = await exportDocument(file, { format: "pdf", output: "extract", items: ["p5"] });
    if (!r.ok) throw new Error(r.error);
    expect((await readPdf(r.bytes)).pages.join(" ")).toContain("Skrivfel.");
  });
});
