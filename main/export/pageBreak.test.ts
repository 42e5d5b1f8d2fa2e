import { describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { createFile, parse, serialize } from "../../schemas/file.js";
import { schema } from "../../schemas/schema.js";
import { exportDocument } from "./exportDocument.js";
import { docxParts, readPdf } from "./readBack.testkit.js";

/** One short § whose background has a page break between its two paragraphs (or not). */
function protocol(withBreak: boolean) {
  const background = schema.nodes.background!.create(null, [
    schema.nodes.paragraph!.create(null, schema.text("Före sidbrytningen.")),
    ...(withBreak ? [schema.nodes.page_break!.create()] : []),
    schema.nodes.paragraph!.create(null, schema.text("Efter sidbrytningen.")),
  ]);
  return createFile(
    "protokoll",
    { body: { name: "Testnämnden" }, meeting: { date: "2026-03-10" } },
    b.protocol(b.item({ id: "s1", title: "Ärende" }, b.decision("Beslut."), background)),
  );
}

describe("a page break", () => {
  it("survives saving and opening the file", () => {
    const r = parse(serialize(protocol(true)));
    expect(r.ok && JSON.stringify(r.file.doc.toJSON())).toContain('"type":"page_break"');
  });

  it("starts a new page in the PDF: the text after it is on the next page", async () => {
    const read = async (withBreak: boolean) => {
      const r = await exportDocument(protocol(withBreak), {
        format: "pdf",
        output: "full",
        items: [],
        draft: true,
      });
      if (!r.ok) throw new Error(r.error);
      return (await readPdf(r.bytes)).pages;
    };
    const without = await read(false);
    const withBreak = await read(true);
    expect(withBreak.length).toBe(without.length + 1);
    const before = withBreak.findIndex((p) => p.includes("Före sidbrytningen."));
    const after = withBreak.findIndex((p) => p.includes("Efter sidbrytningen."));
    expect(after).toBe(before + 1);
  });

  it("starts a new page in the DOCX: the paragraph after it has a page break before it", async () => {
    const r = await exportDocument(protocol(true), {
      format: "docx",
      output: "full",
      items: [],
      draft: true,
    });
    if (!r.ok) throw new Error(r.error);
    const xml = docxParts(r.bytes)["word/document.xml"]!;
    const para = xml.split("</w:p>").find((p) => p.includes("Efter sidbrytningen."))!;
    expect(para).toMatch(/w:pageBreakBefore/);
    const earlier = xml.split("</w:p>").find((p) => p.includes("Före sidbrytningen."))!;
    expect(earlier).not.toMatch(/w:pageBreakBefore/);
  });
});
