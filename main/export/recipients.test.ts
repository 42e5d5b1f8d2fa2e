/**
 * "Expedieras till" in the exports (issue 18): the typed list prints under its heading one
 * recipient a line, in the PDF and the DOCX, as the prose of older files did — read back from the
 * real output.
 */
import { describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { createFile, type ProtokollFile } from "../../schemas/file.js";
import { exportDocument } from "./exportDocument.js";
import { docxParagraphs, docxParts, readPdf } from "./readBack.testkit.js";

const file = (distribution: ReturnType<typeof b.distribution>): ProtokollFile =>
  createFile(
    "protokoll",
    { body: { name: "Testnämnden" }, meeting: { date: "2026-03-10" } },
    b.protocol(
      b.item(
        { id: "s1", title: "Taxor för året" },
        b.decision("Taxorna antas."),
        distribution,
        b.p("Efter listan."),
      ),
    ),
  );
const typed = () =>
  file(b.distribution("Kommunstyrelsen", "Ekonomienheten", "Vård- och omsorgsförvaltningen"));
const prose = () =>
  file(b.distributionProse("Kommunstyrelsen", "Ekonomienheten", "Vård- och omsorgsförvaltningen"));

async function pdfText(f: ProtokollFile): Promise<string> {
  const r = await exportDocument(f, { format: "pdf", output: "full", items: [], draft: true });
  if (!r.ok) throw new Error(r.error);
  return (await readPdf(r.bytes)).pages.join("\n");
}
async function docx(f: ProtokollFile): Promise<{ style: string | null; text: string }[]> {
  const r = await exportDocument(f, { format: "docx", output: "full", items: [], draft: true });
  if (!r.ok) throw new Error(r.error);
  return docxParagraphs(docxParts(r.bytes)["word/document.xml"]!);
}

describe("Expedieras till in the exports", () => {
  it("prints the heading and one recipient a line in the PDF, before the text after the block", async () => {
    const text = await pdfText(typed());
    expect(text).toMatch(
      /Expedieras till\s*\n\s*Kommunstyrelsen\s*\n\s*Ekonomienheten\s*\n\s*Vård- och omsorgsförvaltningen\s*\n[\s\S]*Efter listan\./,
    );
  });

  it("writes each recipient as its own paragraph under the heading in the DOCX", async () => {
    const paras = (await docx(typed())).map((p) => p.text);
    const at = paras.indexOf("Expedieras till");
    expect(at).toBeGreaterThan(-1);
    expect(paras.slice(at + 1, at + 5)).toEqual([
      "Kommunstyrelsen",
      "Ekonomienheten",
      "Vård- och omsorgsförvaltningen",
      "Efter listan.",
    ]);
  });

  it("prints a list kept in the old prose shape the same way", async () => {
    expect(await pdfText(prose())).toBe(await pdfText(typed()));
    expect((await docx(prose())).map((p) => p.text)).toEqual(
      (await docx(typed())).map((p) => p.text),
    );
  });
});
