/**
 * Render model → DOCX (the `docx` library). Styles and numbering are declared once on the
 * Document, so the secretary can continue in Word: the §§ are real "Rubrik 2" headings, decision
 * points and A–D lists are Word numbered lists, votes and attendance are real tables. The page
 * header carries the body, the kind of document and the date; the footer the "Justerandes
 * signatur" boxes and "Sida X av Y". A draft carries Word's own diagonal UTKAST watermark.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from "docx";
import { TextWatermark } from "docx/watermarks";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Block, ListStyle, PageFooter, PageHeader, RenderedDocument, Run, TableColumn } from "../../schemas/render/renderModel.js";

/** A4 in twentieths of a point, 2 cm side margins. */
const PAGE = { width: 11906, height: 16838, side: 1134, top: 1531, bottom: 1701 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.side;
export const DOCX_BODY_FONT = "DejaVu Serif";
export const DOCX_HEADING_FONT = "DejaVu Sans";

const headingLevel = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

const listFormat: Record<ListStyle, { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (level: number) => string }> = {
  decimal: { format: LevelFormat.DECIMAL, text: (l) => `%${l + 1}.` },
  "upper-alpha": { format: LevelFormat.UPPER_LETTER, text: (l) => `%${l + 1}.` },
  "lower-alpha": { format: LevelFormat.LOWER_LETTER, text: (l) => `%${l + 1})` },
  bullet: { format: LevelFormat.BULLET, text: (l) => (l % 2 === 0 ? "•" : "–") },
};

function levels(style: ListStyle): ILevelsOptions[] {
  return [0, 1, 2].map((level) => ({
    level,
    format: listFormat[style].format,
    text: listFormat[style].text(level),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 454 * (level + 1), hanging: 454 } } },
  }));
}

function textRuns(runs: readonly Run[], extra: { bold?: boolean; size?: number } = {}): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    r.text.split("\n").forEach((part, i) => {
      out.push(new TextRun({ text: part, bold: r.bold || extra.bold, italics: r.italic, break: i > 0 ? 1 : undefined, size: extra.size }));
    });
  }
  return out;
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: "808080" } as const;
const noBorder = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;

function table(b: Extract<Block, { type: "table" }>): Table {
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  const widths = b.columns.map((c) => Math.round((c.width / total) * TEXT_WIDTH));
  const align = (c: TableColumn | undefined) => (c?.align === "center" ? AlignmentType.CENTER : c?.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ alignment: align(b.columns[i]), children: textRuns([{ text }], { bold }) })],
    });
  const rows: TableRow[] = [];
  if (b.headerRow) rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => cell(c.header, i, true)) }));
  b.rows.forEach((r, ri) => {
    const isTotals = b.totalsRow && ri === b.rows.length - 1;
    rows.push(new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, isTotals || (b.role === "form" && i === 0))) }));
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder, insideHorizontal: cellBorder, insideVertical: cellBorder },
    rows,
  });
}

class DocxBuilder {
  private listInstance = 0;
  private breakNext = false;
  readonly children: (Paragraph | Table)[] = [];

  private push(p: Paragraph | Table) {
    this.children.push(p);
  }

  private takeBreak(): boolean {
    const b = this.breakNext;
    this.breakNext = false;
    return b;
  }

  blocks(blocks: readonly Block[], ctx: { indent: number; quote: boolean; list?: { style: ListStyle; instance: number; level: number } }) {
    for (const b of blocks) this.block(b, ctx);
  }

  private paragraphStyle(style: string, ctx: { quote: boolean }): string | undefined {
    if (ctx.quote) return "Quote";
    return { body: undefined, lead: "Lead", meta: "Meta", note: "Note", signatureLine: "Meta", center: "Center" }[style];
  }

  block(b: Block, ctx: { indent: number; quote: boolean; list?: { style: ListStyle; instance: number; level: number } }) {
    switch (b.type) {
      case "heading":
        this.push(new Paragraph({ heading: headingLevel[b.level], pageBreakBefore: this.takeBreak(), children: textRuns(b.runs) }));
        return;
      case "paragraph":
        this.push(
          new Paragraph({
            style: this.paragraphStyle(b.style, ctx),
            pageBreakBefore: this.takeBreak(),
            indent: ctx.indent ? { left: ctx.indent } : undefined,
            children: textRuns(b.runs),
          }),
        );
        return;
      case "list": {
        const level = Math.min(ctx.list ? ctx.list.level + 1 : 0, 2);
        // Every list is its own numbering instance, so each one starts at its first number.
        const instance = ++this.listInstance;
        const ref = `list-${b.style}`;
        for (const item of b.items) {
          // The first paragraph of the item carries the number; the rest are indented under it.
          const [first, ...rest] = item;
          if (first && first.type === "paragraph")
            this.push(
              new Paragraph({
                style: ctx.quote ? "Quote" : undefined,
                pageBreakBefore: this.takeBreak(),
                numbering: { reference: ref, level, instance },
                children: textRuns(first.runs),
              }),
            );
          else if (first) this.block(first, { ...ctx, indent: 454 * (level + 1), list: { style: b.style, instance, level } });
          this.blocks(rest, { ...ctx, indent: 454 * (level + 1), list: { style: b.style, instance, level } });
        }
        return;
      }
      case "quote":
        this.blocks(b.blocks, { ...ctx, quote: true });
        return;
      case "table":
        if (this.takeBreak()) this.push(new Paragraph({ children: [new PageBreak()] }));
        if (b.caption && b.role === "vote") this.push(new Paragraph({ style: "Meta", keepNext: true, children: textRuns([{ text: b.caption, bold: true }]) }));
        this.push(table(b));
        this.push(new Paragraph({ style: "Meta", children: [] }));
        return;
      case "signatures":
        for (const s of b.signers) {
          this.push(new Paragraph({ style: "Meta", keepNext: true, keepLines: true, spacing: { before: 480 }, children: textRuns([{ text: s.role }]) }));
          this.push(
            new Paragraph({
              keepNext: true,
              spacing: { before: 560 },
              border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
              indent: { right: TEXT_WIDTH / 2 },
              children: [],
            }),
          );
          this.push(new Paragraph({ children: textRuns([{ text: s.name || " " }]) }));
        }
        return;
      case "pageBreak":
        this.breakNext = true;
        return;
    }
  }

}

function header(h: PageHeader | null, watermark: string | null): Header {
  const children: ParagraphChild[] = [];
  if (watermark) children.push(new TextWatermark({ text: watermark, font: DOCX_HEADING_FONT, color: "C0C0C0", layout: "diagonal" }));
  if (h) children.push(...textRuns([{ text: h.left, bold: true }]), new TextRun({ children: ["\t", h.center] }), new TextRun({ children: ["\t", h.right] }));
  return new Header({
    children: [
      new Paragraph({
        style: "PageHeader",
        tabStops: [
          { type: TabStopType.CENTER, position: Math.round(TEXT_WIDTH / 2) },
          { type: TabStopType.RIGHT, position: TEXT_WIDTH },
        ],
        border: h ? { bottom: { style: BorderStyle.SINGLE, size: 4, color: "808080", space: 4 } } : undefined,
        children,
      }),
    ],
  });
}

function footer(f: PageFooter): Footer {
  const children: (Paragraph | Table)[] = [];
  if (f.signatureBoxes > 0) {
    const box = 1300;
    const label = TEXT_WIDTH - f.signatureBoxes * box;
    children.push(
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: [label, ...Array.from({ length: f.signatureBoxes }, () => box)],
        layout: TableLayoutType.FIXED,
        rows: [
          new TableRow({
            height: { value: 560, rule: HeightRule.ATLEAST },
            children: [
              new TableCell({
                width: { size: label, type: WidthType.DXA },
                borders: { top: noBorder, bottom: noBorder, left: noBorder, right: cellBorder },
                children: [new Paragraph({ style: "PageHeader", alignment: AlignmentType.RIGHT, children: [new TextRun("Justerandes signatur")] })],
              }),
              ...Array.from(
                { length: f.signatureBoxes },
                () =>
                  new TableCell({
                    width: { size: box, type: WidthType.DXA },
                    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
                    children: [new Paragraph({ children: [] })],
                  }),
              ),
            ],
          }),
        ],
      }),
    );
  }
  if (f.pageNumbers)
    children.push(
      new Paragraph({
        style: "PageHeader",
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ children: ["Sida ", PageNumber.CURRENT, " av ", PageNumber.TOTAL_PAGES] })],
      }),
    );
  return new Footer({ children });
}

const headingRun = (size: number) => ({ font: DOCX_HEADING_FONT, bold: true, size, color: "000000" });

/** Build the `docx` Document for a rendered document. */
export function buildDocx(doc: RenderedDocument, onProgress?: (done: number, total: number) => void): Document {
  const builder = new DocxBuilder();
  doc.blocks.forEach((b, i) => {
    builder.block(b, { indent: 0, quote: false });
    onProgress?.(i + 1, doc.blocks.length);
  });
  return new Document({
    title: doc.title,
    subject: doc.subject,
    creator: doc.creator,
    lastModifiedBy: doc.creator,
    description: doc.subject,
    styles: {
      default: {
        document: { run: { font: DOCX_BODY_FONT, size: 21, language: { value: doc.language } }, paragraph: { spacing: { after: 120, line: 276 } } },
        heading1: { run: headingRun(32), paragraph: { spacing: { before: 0, after: 240 }, keepNext: true } },
        heading2: { run: headingRun(26), paragraph: { spacing: { before: 240, after: 160 }, keepNext: true, keepLines: true } },
        heading3: { run: headingRun(22), paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
      paragraphStyles: [
        { id: "Lead", name: "Lead-in", basedOn: "Normal", next: "Normal", quickFormat: true, paragraph: { keepNext: false } },
        { id: "Meta", name: "Dnr och underrubrik", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 19, color: "333333" } },
        { id: "Note", name: "Anmärkning", basedOn: "Normal", next: "Normal", run: { size: 18, italics: true } },
        { id: "Center", name: "Centrerad", basedOn: "Normal", next: "Normal", paragraph: { alignment: AlignmentType.CENTER } },
        { id: "Quote", name: "Quote", basedOn: "Normal", next: "Normal", quickFormat: true, paragraph: { indent: { left: 567, right: 567 } }, run: { italics: true } },
        { id: "PageHeader", name: "Sidhuvud och sidfot", basedOn: "Normal", run: { font: DOCX_HEADING_FONT, size: 17 }, paragraph: { spacing: { after: 0 } } },
      ],
    },
    numbering: { config: (["decimal", "upper-alpha", "lower-alpha", "bullet"] as const).map((s) => ({ reference: `list-${s}`, levels: levels(s) })) },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side, header: 567, footer: 454 },
          },
        },
        headers: { default: header(doc.header, doc.watermark) },
        footers: { default: footer(doc.footer) },
        children: builder.children,
      },
    ],
  });
}

/** The document language in the core properties (dc:language), which the docx library does not write. */
function setCoreLanguage(bytes: Uint8Array, language: string): Uint8Array {
  const files = unzipSync(bytes);
  const core = files["docProps/core.xml"];
  if (!core) return bytes;
  let xml = strFromU8(core);
  if (!xml.includes("<dc:language>")) xml = xml.replace("</cp:coreProperties>", `<dc:language>${language}</dc:language></cp:coreProperties>`);
  files["docProps/core.xml"] = strToU8(xml);
  return zipSync(files, { level: 6 });
}

/** Render model → DOCX bytes. */
export async function writeDocx(doc: RenderedDocument, options: { onProgress?: (done: number, total: number) => void } = {}): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(buildDocx(doc, options.onProgress));
  return setCoreLanguage(new Uint8Array(buffer), doc.language);
}
