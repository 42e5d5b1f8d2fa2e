import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { describe, expect, it } from "vitest";
import type { Block, RenderedDocument, Run } from "../../schemas/render/renderModel.js";
import { docxParts } from "./readBack.testkit.js";
import { coreProperties, WordParagraph, WordTable, writeDocx } from "./writeDocx.js";

type TableBlock = Extract<Block, { type: "table" }>;

const TEXT_WIDTH = 11906 - 2 * 1134;

const vote: TableBlock = {
  type: "table",
  role: "vote",
  caption: "Omröstningsresultat",
  columns: [
    { header: "Ledamot", width: 46 },
    { header: "Parti", width: 12 },
    { header: "Ja", width: 14, align: "center" },
    { header: "Nej", width: 14, align: "center" },
    { header: "Avstår", width: 14, align: "right" },
  ],
  rows: [
    ["Anna Andersson", "S", "X", "", ""],
    ["Erik <Persson> & Co", "M", "", "X", ""],
    ["Två\nrader", "", "", "", "X"],
    ["Summa", "", "1", "1", "1"],
  ],
  headerRow: true,
  totalsRow: true,
};

const form: TableBlock = {
  type: "table",
  role: "form",
  columns: [
    { header: "", width: 38 },
    { header: "", width: 62 },
  ],
  rows: [
    ["Organ", "Socialnämnden"],
    ["Justeringsdatum", ""],
  ],
  headerRow: false,
  totalsRow: false,
};

/** The same table built from the docx library's own Table/TableRow/TableCell/Paragraph/TextRun. */
function libraryTable(b: TableBlock): Table {
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  const widths = b.columns.map((c) => Math.round((c.width / total) * TEXT_WIDTH));
  const border = { style: BorderStyle.SINGLE, size: 4, color: "808080" } as const;
  const cell = (text: string, i: number, bold: boolean) => {
    const align = b.columns[i]?.align;
    return new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment:
            align === "center"
              ? AlignmentType.CENTER
              : align === "right"
                ? AlignmentType.RIGHT
                : undefined,
          children:
            text === ""
              ? []
              : text.split("\n").map(
                  (part, j) =>
                    new TextRun({
                      text: part,
                      bold: bold || undefined,
                      break: j > 0 ? 1 : undefined,
                    }),
                ),
        }),
      ],
    });
  };
  const rows: TableRow[] = [];
  if (b.headerRow)
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: b.columns.map((c, i) => cell(c.header, i, true)),
      }),
    );
  b.rows.forEach((r, ri) => {
    const totals = b.totalsRow && ri === b.rows.length - 1;
    rows.push(
      new TableRow({
        cantSplit: true,
        children: r.map((t, i) => cell(t, i, totals || (b.role === "form" && i === 0))),
      }),
    );
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80, marginUnitType: WidthType.DXA },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows,
  });
}

async function bodyXml(
  children: (Paragraph | Table | WordParagraph | WordTable)[],
): Promise<string> {
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  const xml = docxParts(new Uint8Array(bytes))["word/document.xml"]!;
  return xml.slice(xml.indexOf("<w:body>"), xml.indexOf("<w:sectPr"));
}

describe("DOCX tables", () => {
  it("writes a vote table with the same XML as the docx library's Table (header row, centred columns, bold totals, line break, escaping)", async () => {
    const fast = await bodyXml([new WordTable(vote)]);
    expect(fast).toBe(await bodyXml([libraryTable(vote)]));
    expect(fast).toContain("<w:tblHeader/>");
    expect(fast).toContain("Erik &lt;Persson&gt; &amp; Co");
    expect(fast).toContain('<w:jc w:val="right"/>');
  });

  it("writes an ANSLAG/BEVIS form with bold labels and empty values as the library's Table does", async () => {
    expect(await bodyXml([new WordTable(form)])).toBe(await bodyXml([libraryTable(form)]));
  });
});

describe("DOCX document properties", () => {
  const rendered: RenderedDocument = {
    title: "Protokoll Socialnämnden 2020-08-25 <utkast> & mer",
    subject: "Protokoll från Socialnämndens sammanträde",
    creator: "Maria Sekreterare",
    language: "sv-SE",
    header: null,
    footer: { signatureBoxes: 0, pageNumbers: false },
    watermark: null,
    blocks: [{ type: "paragraph", style: "body", runs: [{ text: "Text" }] }],
  };

  it("writes core.xml once, with title, subject, creator, dates and the language sv-SE, escaped", async () => {
    const parts = docxParts(await writeDocx(rendered));
    const core = parts["docProps/core.xml"]!;
    expect(core).toContain(
      "<dc:title>Protokoll Socialnämnden 2020-08-25 &lt;utkast&gt; &amp; mer</dc:title>",
    );
    expect(core).toContain("<dc:subject>Protokoll från Socialnämndens sammanträde</dc:subject>");
    expect(core).toContain("<dc:creator>Maria Sekreterare</dc:creator>");
    expect(core).toContain("<dc:language>sv-SE</dc:language>");
    expect(core).toMatch(
      /<dcterms:created xsi:type="dcterms:W3CDTF">\d{4}-\d\d-\d\dT[\d:.]+Z<\/dcterms:created>/,
    );
  });

  it("has the same properties as the docx library writes, plus the language", async () => {
    const at = new Date("2026-01-02T03:04:05.000Z");
    const lib = new Document({
      title: rendered.title,
      subject: rendered.subject,
      creator: rendered.creator,
      lastModifiedBy: rendered.creator,
      description: rendered.subject,
      sections: [],
    });
    const libCore = docxParts(new Uint8Array(await Packer.toBuffer(lib)))[
      "docProps/core.xml"
    ]!.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, at.toISOString());
    expect(coreProperties(rendered, at)).toBe(
      libCore.replace(
        "</cp:coreProperties>",
        "<dc:language>sv-SE</dc:language></cp:coreProperties>",
      ),
    );
  });
});

describe("DOCX paragraphs", () => {
  const runs: Run[] = [
    { text: "Ledamoten " },
    { text: "Anna <A> & B", bold: true },
    { text: " yrkade", italic: true },
    { text: " bifall\noch mer", bold: true, italic: true },
    { text: "" },
  ];
  /** The library's paragraph for the same options, with the runs as TextRuns ("\n" a line break). */
  const library = (o: {
    heading?: 1 | 2 | 3;
    style?: string;
    pageBreakBefore?: boolean;
    indentLeft?: number;
    runs: Run[];
  }) =>
    new Paragraph({
      heading: o.heading
        ? (
            {
              1: HeadingLevel.HEADING_1,
              2: HeadingLevel.HEADING_2,
              3: HeadingLevel.HEADING_3,
            } as const
          )[o.heading]
        : undefined,
      style: o.style,
      pageBreakBefore: o.pageBreakBefore,
      indent: o.indentLeft ? { left: o.indentLeft } : undefined,
      children: o.runs.flatMap((r) =>
        r.text.split("\n").map(
          (part, i) =>
            new TextRun({
              text: part,
              bold: r.bold || undefined,
              italics: r.italic,
              break: i > 0 ? 1 : undefined,
            }),
        ),
      ),
    });

  it("writes body text, styled paragraphs, indented quotes and headings with page breaks as the library's Paragraph does", async () => {
    const cases = [
      { runs },
      { style: "Lead", runs },
      { style: "Quote", indentLeft: 454, runs },
      { style: "Meta", pageBreakBefore: true, runs: [{ text: "Dnr 1.2-3/2020" }] },
      { runs: [] },
      { style: "Meta", runs: [] },
    ];
    const fast = await bodyXml([
      ...cases.map((c) => new WordParagraph(c)),
      new WordParagraph({
        style: "Heading2",
        pageBreakBefore: true,
        runs: [{ text: "§ 5  Motion" }],
      }),
      new WordParagraph({ style: "Heading3", runs: [{ text: "Beslut" }] }),
    ]);
    const lib = await bodyXml([
      ...cases.map((c) => library(c)),
      library({ heading: 2, pageBreakBefore: true, runs: [{ text: "§ 5  Motion" }] }),
      library({ heading: 3, runs: [{ text: "Beslut" }] }),
    ]);
    expect(fast).toBe(lib);
    expect(fast).toContain("<w:br/>");
    expect(fast).toContain("Anna &lt;A&gt; &amp; B");
  });
});
