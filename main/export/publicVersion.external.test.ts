/**
 * The public version on the real bytes (issue 15, item 2): a protocol and an answer with
 * personnummer planted in every form — split over a bold and a plain run, with an en dash, a
 * non-breaking hyphen (U+2011), a space, a "+", in 10 and 12 digits, and in the metadata — exported
 * as PDF and DOCX. Nothing that can be read out of the files may contain their digits: the text of
 * the PDF by pdftotext and by pdfjs (pdfkit writes glyph ids, so the raw content streams prove
 * nothing), its metadata and outline, and every XML part of the DOCX.
 */
import { describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { createFile, type ProtokollFile } from "../../schemas/file.js";
import { answerFile } from "../../schemas/rules/testBuilder.testkit.js";
import { exportDocument } from "./exportDocument.js";
import { pdfinfo, pdftotext, tempDir, write } from "./externalTools.testkit.js";
import { docxParts, readPdf } from "./readBack.testkit.js";

/** Planted numbers (all valid: date and Luhn check) and the digits that must not survive. */
const PLANTED = {
  split: ["19460619-", "3029"], // over two runs, the first bold
  enDash: "880101–1233",
  nbHyphen: "730412\u20115565",
  space: "811218 9876",
  plus: "121212+1212",
  twelve: "201212121212",
};
const DIGITS = [
  "194606193029",
  "8801011233",
  "7304125565",
  "8112189876",
  "1212121212",
  "201212121212",
];

/** Digits only, so "880101–1233" and "8801011233" are found however the text was split or spaced. */
const digitsOf = (s: string) => s.replace(/[^0-9]/g, "");
function expectNoneOf(text: string, where: string) {
  const d = digitsOf(text);
  for (const n of DIGITS) expect(d.includes(n.slice(-10)), `${where} contains ${n}`).toBe(false);
}

function plantedParagraph() {
  const schema = b.protocol().type.schema;
  return schema.nodes.paragraph!.create(null, [
    schema.text("Sökande "),
    schema.text(PLANTED.split[0]!, [schema.marks.strong!.create()]),
    schema.text(
      `${PLANTED.split[1]}, make ${PLANTED.enDash}, barn ${PLANTED.nbHyphen}, far ${PLANTED.space}, mor ${PLANTED.plus}, syster ${PLANTED.twelve}.`,
    ),
  ]);
}

function protocol(): ProtokollFile {
  const schema = b.protocol().type.schema;
  return createFile(
    "protokoll",
    {
      body: { name: "Socialnämnden" },
      meeting: { date: "2020-08-25" },
      persons: [
        { id: "o", name: "Anna Andersson", party: "S", role: "chair" },
        { id: "s", name: `Sekreterare ${PLANTED.enDash}`, role: "secretary" },
      ],
      chair: "o",
      secretary: "s",
    },
    b.protocol(
      b.item(
        { id: "p1", title: `Ansökan från ${PLANTED.nbHyphen}` },
        b.decision("Ansökan bifalls."),
        schema.nodes.background!.create(null, [plantedParagraph()]),
      ),
      b.item(
        { id: "p2", title: "Placering", confidential: "OSL 26 kap. 1 §" },
        b.background(`Barnet ${PLANTED.space}.`),
        b.decision("Beslut enligt förslaget."),
      ),
    ),
  );
}

function answer(): ProtokollFile {
  const f = answerFile([
    `Frågeställaren nämner ${PLANTED.enDash} och ${PLANTED.plus}.`,
    b.question(`Vad gäller för ${PLANTED.nbHyphen}?`),
    `Svaret gäller ${PLANTED.space} och ${PLANTED.twelve}.`,
  ]);
  return f;
}

describe("the public version contains none of the planted personnummer", () => {
  const dir = tempDir("protokoll-public-");

  for (const [name, make] of [
    ["protocol", protocol],
    ["answer", answer],
  ] as const) {
    it(`${name}: pdftotext, pdfjs text, PDF metadata and outline`, async () => {
      // The full draft does contain them (the test would prove nothing otherwise).
      const full = await exportDocument(make(), { format: "pdf", output: "full", draft: true });
      if (!full.ok) throw new Error(full.error);
      expect(digitsOf(pdftotext(write(dir, `${name}-full.pdf`, full.bytes)))).toContain(
        "8801011233",
      );

      const r = await exportDocument(make(), { format: "pdf", output: "public", draft: true });
      if (!r.ok) throw new Error(r.error);
      const path = write(dir, `${name}-public.pdf`, r.bytes);
      const text = pdftotext(path);
      expect(text).toContain("ÅÅMMDD-XXXX");
      expectNoneOf(text, "pdftotext");
      const pdf = await readPdf(r.bytes);
      expectNoneOf(pdf.pages.join("\n"), "pdfjs");
      expectNoneOf(pdf.outline.join("\n"), "outline");
      expectNoneOf(pdf.metadataXml ?? "", "XMP metadata");
      expectNoneOf(Object.values(pdfinfo(path)).join("\n"), "document info");
    });

    it(`${name}: every XML part of the DOCX`, async () => {
      const r = await exportDocument(make(), { format: "docx", output: "public", draft: true });
      if (!r.ok) throw new Error(r.error);
      const parts = docxParts(r.bytes);
      expect(parts["word/document.xml"]).toContain("ÅÅMMDD-XXXX");
      for (const [part, xml] of Object.entries(parts))
        expectNoneOf(xml.replace(/<[^>]*>/g, " "), part);
    });
  }
});
