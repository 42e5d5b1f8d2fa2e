/**
 * Render model → PDF (pdfkit): PDF/A-2a by default — tagged (H1/H2/H3, P, L/LI/Lbl/LBody,
 * BlockQuote, Table/TR/TH/TD), language sv-SE, the title in the metadata and the title bar,
 * only the shipped DejaVu fonts (embedded, subset), an outline entry per §. Page header, footer,
 * "Justerandes signatur" boxes, table rules and the UTKAST watermark are artifacts, so a screen
 * reader reads only the document. `pdfa: "1b"` writes a PDF/A-1b file from the same code.
 */
import PDFDocument from "pdfkit";
import type { Block, ListStyle, RenderedDocument, Run } from "../../schemas/render/renderModel.js";
import { fontBytes, type FontName } from "./fonts.js";
import { drawSpannedTable, type PdfTableHost } from "./pdfTable.js";

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export interface PdfOptions {
  pdfa?: "2a" | "1b";
  /** Called after each top-level block with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 78, bottom: 100, left: 64, right: 64 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const SIZE = { body: 10.5, meta: 9.5, note: 9, h1: 16, h2: 13, h3: 11, header: 8.5 };
const INDENT = 22;
const GREY = "#666666";

interface Ctx {
  indent: number;
  quote: boolean;
  depth: number;
}

function runFont(run: Run, ctx: Ctx, bold = false): FontName {
  const b = bold || !!run.bold;
  const i = ctx.quote !== !!run.italic; // a quote is italic; emphasis in a quote is upright
  return b && i ? "serifBoldItalic" : b ? "serifBold" : i ? "serifItalic" : "serif";
}

function listLabel(style: ListStyle, n: number, depth: number): string {
  switch (style) {
    case "decimal":
      return `${n}.`;
    case "upper-alpha":
      return `${String.fromCharCode(64 + ((n - 1) % 26) + 1)}.`;
    case "lower-alpha":
      return `${String.fromCharCode(96 + ((n - 1) % 26) + 1)})`;
    case "bullet":
      return depth % 2 === 0 ? "•" : "–";
  }
}

class PdfBuilder {
  private pageCount = 1;
  constructor(
    private readonly doc: Doc,
    private readonly rendered: RenderedDocument,
  ) {}

  /**
   * The fill colour in effect in the current page's content, when known. Text is black: setting it
   * again before every run wrote "/DeviceRGB cs 0 0 0 scn" ~60 000 times in a 500-§ protocol (8 %
   * of its content). Anything that sets another fill colour, and every new page, forgets it.
   */
  private fill: string | null = null;

  private font(name: FontName, size: number): Doc {
    const doc = this.doc.font(name).fontSize(size);
    if (this.fill !== "#000000") {
      doc.fillColor("#000000");
      this.fill = "#000000";
    }
    return doc;
  }

  /** Start a new page unless the current one is still empty. */
  newPage() {
    if (this.doc.y > MARGIN.top + 1) {
      this.doc.addPage();
      this.pageCount++;
    }
  }

  /** Keep at least `space` points on this page (headings stay with what follows them). */
  private ensure(space: number) {
    if (this.doc.y + space > A4.height - MARGIN.bottom) this.newPage();
  }

  /** Text of runs, wrapped at the current indent. */
  private runs(runs: readonly Run[], ctx: Ctx, size: number, opts: { bold?: boolean; align?: "center" | "left"; font?: FontName; gap?: number } = {}) {
    const doc = this.doc;
    const x = MARGIN.left + ctx.indent;
    const width = TEXT_WIDTH - ctx.indent - (ctx.quote ? INDENT : 0);
    const list = runs.length ? runs : [{ text: " " }];
    doc.x = x;
    list.forEach((r, i) => {
      this.font(opts.font ?? runFont(r, ctx, opts.bold), size);
      const text = r.text === "" && list.length === 1 ? " " : r.text;
      doc.text(text, i === 0 ? x : undefined, i === 0 ? doc.y : undefined, {
        width,
        continued: i < list.length - 1,
        align: opts.align ?? "left",
        lineGap: 1.5,
      });
    });
    doc.x = MARGIN.left;
    doc.moveDown(opts.gap ?? 0.45);
  }

  blocks(blocks: readonly Block[], parent: Struct, ctx: Ctx, progress?: (done: number) => void) {
    blocks.forEach((b, i) => {
      this.block(b, parent, ctx);
      progress?.(i + 1);
    });
  }

  block(b: Block, parent: Struct, ctx: Ctx) {
    const doc = this.doc;
    switch (b.type) {
      case "heading": {
        const size = b.level === 1 ? SIZE.h1 : b.level === 2 ? SIZE.h2 : SIZE.h3;
        this.ensure(b.level === 3 ? 60 : 90);
        if (b.level !== 1 && doc.y > MARGIN.top + 1) doc.moveDown(b.level === 2 ? 0.6 : 0.3);
        if (b.bookmark) doc.outline.addItem(b.bookmark);
        parent.add(doc.struct(`H${b.level}`, {}, () => this.runs(b.runs, { ...ctx, quote: false }, size, { font: "sansBold", gap: b.level === 3 ? 0.2 : 0.5 })));
        return;
      }
      case "paragraph": {
        const size = b.style === "meta" ? SIZE.meta : b.style === "note" ? SIZE.note : SIZE.body;
        const italic = b.style === "note";
        const runs = italic ? b.runs.map((r) => ({ ...r, italic: !r.italic })) : b.runs;
        parent.add(doc.struct("P", {}, () => this.runs(runs, ctx, size, { align: b.style === "center" ? "center" : "left" })));
        return;
      }
      case "list": {
        const list = doc.struct("L");
        parent.add(list);
        b.items.forEach((item, i) => {
          const li = doc.struct("LI");
          list.add(li);
          this.ensure(30);
          const y = doc.y;
          const x = MARGIN.left + ctx.indent;
          li.add(
            doc.struct("Lbl", {}, () => {
              this.font(ctx.quote ? "serifItalic" : "serif", SIZE.body);
              doc.text(listLabel(b.style, b.start + i, ctx.depth), x, y, { width: INDENT, lineBreak: false });
            }),
          );
          doc.y = y;
          const body = doc.struct("LBody");
          li.add(body);
          this.blocks(item, body, { ...ctx, indent: ctx.indent + INDENT, depth: ctx.depth + 1 });
          body.end();
          li.end();
        });
        list.end();
        return;
      }
      case "quote": {
        const q = doc.struct("BlockQuote");
        parent.add(q);
        this.blocks(b.blocks, q, { ...ctx, indent: ctx.indent + INDENT, quote: true });
        q.end();
        return;
      }
      case "table":
        this.table(b, parent, ctx);
        return;
      case "signatures": {
        for (const s of b.signers) {
          this.ensure(80);
          doc.moveDown(0.8);
          parent.add(doc.struct("P", {}, () => this.runs([{ text: s.role }], ctx, SIZE.meta, { gap: 2.2 })));
          const y = doc.y;
          this.artifact(() => {
            doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + TEXT_WIDTH / 2, y).lineWidth(0.6).strokeColor("#000000").stroke();
          });
          doc.y = y + 4;
          parent.add(doc.struct("P", {}, () => this.runs([{ text: s.name || " " }], ctx, SIZE.body)));
        }
        return;
      }
      case "pageBreak":
        this.newPage();
        return;
    }
  }

  /**
   * Height of a table cell's text. Vote and attendance tables repeat the same names, parties and
   * "X" in every §, and measuring lays the text out as drawing it does: measured once per text,
   * font and width.
   */
  private readonly cellHeights = new Map<string, number>();
  private cellHeight(text: string, font: FontName, width: number): number {
    const key = `${font}\u0000${width}\u0000${text}`;
    let h = this.cellHeights.get(key);
    if (h === undefined) {
      this.font(font, SIZE.meta);
      h = this.doc.heightOfString(text, { width, lineGap: 1 });
      this.cellHeights.set(key, h);
    }
    return h;
  }

  /** Drawing that is not content (rules, boxes): marked as an artifact. */
  private artifact(draw: () => void, type: "Layout" | "Pagination" = "Layout") {
    this.doc.markContent("Artifact", { type });
    draw();
    this.doc.endMarkedContent();
  }

  private table(b: Extract<Block, { type: "table" }>, parent: Struct, ctx: Ctx) {
    const doc = this.doc;
    if (b.spans) {
      // Merged cells, tagged with ColSpan/RowSpan: pdfTable.ts.
      const host: PdfTableHost = { doc, left: MARGIN.left + ctx.indent, width: TEXT_WIDTH - ctx.indent, bottom: A4.height - MARGIN.bottom, top: MARGIN.top, font: (f) => this.font(f, SIZE.meta), artifact: (d) => this.artifact(d), newPage: () => this.newPage(), fillChanged: () => (this.fill = null) };
      return drawSpannedTable(host, b, parent);
    }
    const total = b.columns.reduce((s, c) => s + c.width, 0);
    const left = MARGIN.left + ctx.indent;
    const width = TEXT_WIDTH - ctx.indent;
    const widths = b.columns.map((c) => (c.width / total) * width);
    const pad = 4;
    const t = doc.struct("Table");
    parent.add(t);
    const rowHeight = (cells: string[], bold: boolean[]) =>
      Math.max(...cells.map((c, i) => this.cellHeight(c || " ", bold[i] ? "serifBold" : "serif", widths[i]! - 2 * pad))) + 2 * pad;
    const drawRow = (cells: string[], header: boolean, bold: boolean[]) => {
      const h = rowHeight(cells, bold);
      if (doc.y + h > A4.height - MARGIN.bottom) {
        this.newPage();
        if (b.headerRow && !header) drawRow(b.columns.map((c) => c.header), true, b.columns.map(() => true));
      }
      const y = doc.y;
      // Shading and rules first (artifacts), so the cell text is drawn over them.
      this.artifact(() => {
        if (header) {
          doc.rect(left, y, width, h).fillColor("#eeeeee").fill();
          this.fill = null;
        }
        doc.lineWidth(0.5).strokeColor("#808080");
        doc.rect(left, y, width, h).stroke();
        let cx = left;
        for (const w of widths.slice(0, -1)) {
          cx += w;
          doc.moveTo(cx, y).lineTo(cx, y + h).stroke();
        }
      });
      const tr = doc.struct("TR");
      t.add(tr);
      let x = left;
      cells.forEach((c, i) => {
        const w = widths[i]!;
        const align = b.columns[i]?.align ?? "left";
        const cellX = x;
        tr.add(
          doc.struct(header ? "TH" : "TD", {}, () => {
            this.font(bold[i] ? "serifBold" : "serif", SIZE.meta);
            doc.text(c || " ", cellX + pad, y + pad, { width: w - 2 * pad, align, lineGap: 1 });
          }),
        );
        x += w;
      });
      tr.end();
      doc.y = y + h;
      doc.x = MARGIN.left;
    };
    if (b.headerRow) {
      this.ensure(rowHeight(b.columns.map((c) => c.header), b.columns.map(() => true)) * 2);
      drawRow(b.columns.map((c) => c.header), true, b.columns.map(() => true));
    }
    b.rows.forEach((r, ri) => {
      const totals = b.totalsRow && ri === b.rows.length - 1;
      drawRow(r, false, r.map((_c, i) => totals || (b.role === "form" && i === 0)));
    });
    t.end();
    doc.moveDown(0.6);
  }

  /** Header, watermark and signature boxes: drawn when a page starts, before its content. */
  pageFurniture() {
    const doc = this.doc;
    const { header, footer, watermark } = this.rendered;
    // A page can start in the middle of a paragraph: keep its font, size and colour for the rest of it.
    const state = doc as unknown as { _font: unknown; _fontSize: number; _fillColor: unknown };
    const { _font: font, _fontSize: fontSize, _fillColor: fillColor } = state;
    const { x, y } = doc;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.save();
    this.artifact(() => {
      if (watermark) {
        doc.save();
        doc.rotate(-55, { origin: [A4.width / 2, A4.height / 2] });
        this.font("sansBold", 110).fillColor("#d9d9d9");
        doc.text(watermark, 0, A4.height / 2 - 60, { width: A4.width, align: "center", lineBreak: false });
        doc.restore();
        this.fill = null;
      }
      if (header) {
        const hy = 34;
        this.font("sansBold", SIZE.header).text(header.left, MARGIN.left, hy, { width: TEXT_WIDTH / 3, lineBreak: false });
        this.font("sans", SIZE.header).text(header.center, MARGIN.left + TEXT_WIDTH / 3, hy, { width: TEXT_WIDTH / 3, align: "center", lineBreak: false });
        doc.text(header.right, MARGIN.left + (2 * TEXT_WIDTH) / 3, hy, { width: TEXT_WIDTH / 3, align: "right", lineBreak: false });
        doc.moveTo(MARGIN.left, hy + 14).lineTo(A4.width - MARGIN.right, hy + 14).lineWidth(0.5).strokeColor("#808080").stroke();
      }
      if (footer.signatureBoxes > 0) {
        const box = 62;
        const by = A4.height - 84;
        const bx = A4.width - MARGIN.right - footer.signatureBoxes * box;
        this.font("sans", SIZE.header).fillColor(GREY).text("Justerandes signatur", MARGIN.left, by + 12, { width: bx - MARGIN.left - 8, align: "right", lineBreak: false });
        doc.lineWidth(0.5).strokeColor("#808080");
        for (let i = 0; i < footer.signatureBoxes; i++) doc.rect(bx + i * box, by, box, 30).stroke();
      }
    }, "Pagination");
    doc.restore();
    doc.page.margins.bottom = bottom;
    state._font = font;
    state._fontSize = fontSize;
    state._fillColor = fillColor;
    // A new page's content starts from the default colour, and the furniture's colours were inside q/Q.
    this.fill = null;
    doc.x = x;
    doc.y = y;
  }

  /** "Sida X av Y" on every page, once the number of pages is known. */
  pageNumbers() {
    const doc = this.doc;
    if (!this.rendered.footer.pageNumbers) return;
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      this.fill = null;
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.artifact(() => {
        this.font("sans", SIZE.header).text(`Sida ${i + 1} av ${range.count}`, MARGIN.left, A4.height - 44, { width: TEXT_WIDTH, align: "right", lineBreak: false });
      }, "Pagination");
      doc.page.margins.bottom = bottom;
    }
  }
}

/** Render model → PDF bytes. */
export async function writePdf(rendered: RenderedDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  const pdfa = options.pdfa ?? "2a";
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    pdfVersion: pdfa === "1b" ? "1.4" : "1.7",
    subset: pdfa === "1b" ? "PDF/A-1b" : "PDF/A-2a",
    tagged: true,
    lang: rendered.language,
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    // No standard-14 font is ever loaded: every font is one of the shipped, embedded TTFs.
    font: null as unknown as string,
    info: { Title: rendered.title, Author: rendered.creator, Subject: rendered.subject, ...(rendered.keywords?.length ? { Keywords: rendered.keywords.join("; ") } : {}), Creator: "Protokoll", Producer: "Protokoll (pdfkit)" },
  });
  for (const [name] of Object.entries({ serif: 1, serifBold: 1, serifItalic: 1, serifBoldItalic: 1, sans: 1, sansBold: 1 }) as [FontName, number][])
    doc.registerFont(name, fontBytes(name));
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", (e: unknown) => reject(e));
  });

  const builder = new PdfBuilder(doc, rendered);
  doc.on("pageAdded", () => builder.pageFurniture());
  doc.addPage();
  const root = doc.struct("Document");
  doc.addStructure(root);
  const total = rendered.blocks.length;
  builder.blocks(rendered.blocks, root, { indent: 0, quote: false, depth: 0 }, (n) => options.onProgress?.(n, total));
  root.end();
  builder.pageNumbers();
  (doc.outline as unknown as { options: { expanded: boolean } }).options = { expanded: true };
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
