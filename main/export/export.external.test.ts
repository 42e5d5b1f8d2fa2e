/**
 * Every template, the seed 002 fixture and every sample in seeds/ exported to DOCX and PDF and
 * checked with the real tools: OOXML schema validation, LibreOffice, poppler, qpdf, pdfjs and
 * Apache PDFBox Preflight. Documents the rules refuse are exported as drafts.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, type ProtokollFile } from "../../schemas/file.js";
import { numberedItems } from "../../schemas/numbering.js";
import { templates } from "../../templates/index.js";
import { exportDocument, type ExportOptions } from "./exportDocument.js";
import {
  flat,
  libreOfficeToPdf,
  ooxmlValidate,
  pdffonts,
  pdfinfo,
  pdfStructure,
  pdftotext,
  positionsInOrder,
  preflightA1b,
  qpdfCheck,
  tempDir,
  write,
} from "./externalTools.testkit.js";
import { readPdf } from "./readBack.testkit.js";
import { seed002 } from "./testFixtures.testkit.js";
import { agendaEntries } from "../../schemas/agenda/agendaEntries.js";
import { testKallelse } from "../../schemas/agenda/testKallelse.testkit.js";

const seedsDir = join(import.meta.dirname, "..", "..", "seeds");

/** Every sample in seeds/ (a missing folder fails the file rather than leaving the samples out). */
function seedFiles(): [string, () => ProtokollFile][] {
  const names = readdirSync(seedsDir)
    .filter((n) => n.endsWith(".protokoll"))
    .sort();
  return names.map((n) => [
    `seeds/${n}`,
    () => {
      const r = parse(readFileSync(join(seedsDir, n), "utf8"));
      if (!r.ok)
        throw new Error(`${n}: ${r.errors.map((e) => `${e.path} ${e.message}`).join("; ")}`);
      return r.file;
    },
  ]);
}

const documents: [string, () => ProtokollFile][] = [
  ...Object.keys(templates).map((id): [string, () => ProtokollFile] => [
    `template ${id}`,
    () => templates[id]!.create({ date: "2026-03-10" }),
  ]),
  ["fixture seed 002", seed002],
  ["fixture kallelse", () => testKallelse()],
  ...seedFiles(),
];

/** What must appear, in order: "§ N Title" for a protocol, the title for an answer. */
function expectedHeadings(file: ProtokollFile): string[] {
  if (file.kind === "interpellationssvar")
    return [flat(file.doc.firstChild!.firstChild!.textContent)];
  if (file.kind === "kallelse")
    return agendaEntries(file.doc).map((e) => flat(`${e.number}. ${e.title}`));
  return numberedItems(file.doc, file.meta).map((i) =>
    flat(`§ ${i.number} ${i.node.firstChild!.textContent}`),
  );
}

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("covers every template, the fixture and the five samples in seeds/", () => {
  expect(documents.map(([label]) => label.split(" ")[0])).toEqual([
    ...Object.keys(templates).map(() => "template"),
    "fixture",
    "fixture",
    ...Array(5).fill(expect.stringMatching(/^seeds\//)),
  ]);
  expect(Object.keys(templates).length).toBeGreaterThan(0);
});

describe.each(documents)("%s", (label, load) => {
  const file = load();
  const base = label.replace(/[^a-z0-9]+/gi, "-");
  const headings = expectedHeadings(file);
  /** Every heading found, in order (never true of an empty list: a document without headings fails). */
  const inOrder = (text: string) =>
    headings.length > 0 && positionsInOrder(text, headings).every((p) => p >= 0);
  let draft = false;
  const options = (format: "docx" | "pdf", pdfa: "2a" | "1b" = "2a"): ExportOptions => ({
    format,
    output: "full",
    draft,
    pdfa,
  });
  let docxPath = "";
  let pdfPath = "";

  beforeAll(async () => {
    const official = await exportDocument(file, options("pdf"));
    draft = !official.ok;
    const docx = await exportDocument(file, options("docx"));
    const pdf = await exportDocument(file, options("pdf"));
    if (!docx.ok || !pdf.ok)
      throw new Error(`${label}: ${!docx.ok ? docx.error : ""} ${!pdf.ok ? pdf.error : ""}`);
    docxPath = write(dir, `${base}.docx`, docx.bytes);
    pdfPath = write(dir, `${base}.pdf`, pdf.bytes);
  });

  it("DOCX passes the OOXML schema validation with 0 errors", async () => {
    const r = await ooxmlValidate(docxPath);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
  });

  // LibreOffice takes 20 s here when the machine is idle and over a minute when it is loaded; the
  // conversion itself is bounded (2 minutes, externalTools.testkit.ts), this only guards a hang.
  it(
    "DOCX converts in LibreOffice and its text has every heading, in order",
    { timeout: 300_000 },
    () => {
      const out = tempDir("protokoll-lo-");
      try {
        const text = flat(pdftotext(libreOfficeToPdf(docxPath, out)));
        expect(inOrder(text), `missing or out of order in:\n${text.slice(0, 500)}`).toBe(true);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
  );

  it("PDF is tagged, with every font embedded and none of the standard 14", () => {
    expect(pdfinfo(pdfPath).Tagged).toBe("yes");
    const fonts = pdffonts(pdfPath);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.filter((f) => !/DejaVu/.test(f.name))).toEqual([]);
  });

  it("PDF structure tree: a Document with a heading element per § (or the answer's title) and tagged paragraphs", () => {
    const tree = pdfStructure(pdfPath);
    expect(tree[0]?.type).toBe("Document");
    const level = file.kind === "interpellationssvar" ? "H1" : "H2";
    const titled = tree.filter(
      (e) => e.type === level && headings.includes(flat(e.text).replace(/^(§ \d+) /, "$1 ")),
    );
    expect(titled.map((e) => flat(e.text))).toEqual(headings);
    expect(tree.filter((e) => e.type === "P").length).toBeGreaterThan(0);
  });

  it("PDF passes qpdf --check", () => {
    const r = qpdfCheck(pdfPath);
    expect(r.ok, r.output).toBe(true);
  });

  it("PDF declares PDF/A-2 level A in its XMP metadata and has its title and language", async () => {
    const pdf = await readPdf(new Uint8Array(readFileSync(pdfPath)));
    expect(pdf.metadataXml).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(pdf.metadataXml).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(pdf.title?.length).toBeGreaterThan(0);
    expect(readFileSync(pdfPath).toString("latin1")).toMatch(/\/Lang \(sv-SE\)/);
  });

  it("PDF text (pdftotext) has every heading in reading order", () => {
    const text = flat(pdftotext(pdfPath));
    expect(inOrder(text)).toBe(true);
  });

  it("PDF outline has one entry per § (or the title of an answer)", async () => {
    const pdf = await readPdf(new Uint8Array(readFileSync(pdfPath)));
    expect(pdf.outline.map(flat)).toEqual(headings);
  });

  it("the PDF/A-1b variant passes Apache PDFBox Preflight", async () => {
    const r = await exportDocument(file, options("pdf", "1b"));
    if (!r.ok) throw new Error(r.error);
    const path = write(dir, `${base}-1b.pdf`, r.bytes);
    const check = preflightA1b(path);
    expect(check.valid, check.output).toBe(true);
  });
});

describe("the other outputs pass the same checks", () => {
  it.each([
    ["extract", { output: "extract", items: ["p5", "p7"] }],
    ["notice", { output: "notice" }],
    ["public", { output: "public" }],
  ] as const)(
    "%s: valid DOCX, tagged PDF/A-2a with embedded fonts, PDF/A-1b passes Preflight",
    async (name, o) => {
      const file = seed002();
      const base = { draft: true, ...o, items: "items" in o ? [...o.items] : undefined };
      const docx = await exportDocument(file, { format: "docx", ...base });
      const pdf = await exportDocument(file, { format: "pdf", ...base });
      const pdf1b = await exportDocument(file, { format: "pdf", pdfa: "1b", ...base });
      if (!docx.ok || !pdf.ok || !pdf1b.ok) throw new Error("export failed");
      expect((await ooxmlValidate(write(dir, `${name}.docx`, docx.bytes))).errors).toEqual([]);
      const pdfPath = write(dir, `${name}.pdf`, pdf.bytes);
      expect(pdfinfo(pdfPath).Tagged).toBe("yes");
      const fonts = pdffonts(pdfPath);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(qpdfCheck(pdfPath).ok).toBe(true);
      const check = preflightA1b(write(dir, `${name}-1b.pdf`, pdf1b.bytes));
      expect(check.valid, check.output).toBe(true);
    },
  );
});
