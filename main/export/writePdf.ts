/**
 * Render model → PDF (pdfkit): PDF/A-2a by default — tagged (H1/H2/H3, P, L/LI/Lbl/LBody,
 * BlockQuote, Table/TR/TH/TD), language sv-SE, the title in the metadata and the title bar,
 * only the shipped DejaVu fonts (embedded, subset), an outline entry per §. Page header, footer,
 * "Justerandes signatur" boxes, table rules and the UTKAST watermark are artifacts, so a screen
 * reader reads only the document. `pdfa: "1b"` writes a PDF/A-1b file from the same code.
 *
 * Each part of the document that starts with a level-2 heading (a §, Närvarande, Underskrifter,
 * ANSLAG/BEVIS) is a `Sect` element, so the Document element has one kid per part. Paragraphs are
 * laid out by `TextSetter` (UAX #14 over the paragraph's joined text, see pdfText.ts); the page
 * tree and the structure parent tree are balanced trees (pdfTrees.ts). A municipality profile in
 * the render model adds its name and logo to the header, its colours, its body font and its
 * address line; a § under sekretess says so in its heading, and the first page lists them.
 */
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import type { Block, ConfidentialItem, ListStyle, RenderedDocument, RenderProfile, Run } from "../../schemas/render/renderModel.js";
import { flattenPng } from "./flattenPng.js";
import { FONT_FILES, fontBytes, type FontName } from "./fonts.js";
import { TextSetter, type StyledText } from "./pdfText.js";
import { bufferPageContent, collectOutput } from "./pdfOutput.js";
import { balancePageTree, balanceParentTree } from "./pdfTrees.js";

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
const BLACK = "#000000";
/** The marker of a § under sekretess (the registrar's cue). */
const SECRECY_RED = "#a00000";
/** The profile's body font, registered under these names (a missing style falls back to DejaVu). */
const PROFILE_FONTS = { serif: "profileSerif", serifBold: "profileSerifBold", serifItalic: "profileSerifItalic", serifBoldItalic: "profileSerifBoldItalic" } as const;

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

/** "Sekretess enligt OSL 26 kap. 1 §" from the § 's own reference. */
export function secrecyLine(reference: string): string {
  return `Sekretess enligt ${reference.trim()}`;
}

/** The first page's list of §§ under sekretess, as render blocks. */
function confidentialList(items: readonly ConfidentialItem[]): Block[] {
  return [
    { type: "heading", level: 2, runs: [{ text: "Paragrafer med sekretess" }] },
    {
      type: "list",
      style: "bullet",
      start: 1,
      items: items.map((i) => [{ type: "paragraph", style: "body", runs: [{ text: `${i.label} ${i.title}`.trim() + " – " }, { text: secrecyLine(i.reference), bold: true }] }]),
    },
  ];
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

type Align = "left" | "center" | "right";

class PdfBuilder {
  readonly text: TextSetter;
  /** The profile's colours, with the look without a profile as default. */
  private readonly heading: string;
  private readonly rule: string;
  private readonly headerText: string;
  /** The logo, opened once (pdfkit embeds an image once per `openImage`). */
  private logo: { image?: { width: number; height: number }; svg?: string } | null = null;

  constructor(
    private readonly doc: Doc,
    private readonly rendered: RenderedDocument,
    private readonly bodyFonts: Record<FontName, string>,
  ) {
    const names = [...new Set([...Object.keys(FONT_FILES), ...Object.values(bodyFonts)])];
    this.text = new TextSetter(doc, names);
    const profile = rendered.profile;
    this.heading = profile?.colors?.primary ?? BLACK;
    this.rule = profile?.colors?.primary ?? "#808080";
    this.headerText = profile?.colors?.secondary ?? BLACK;
    if (profile?.logo?.png) {
      // PDF/A-1b allows no soft mask: the logo is flattened on white for both levels, so they look the same.
      const opened = (doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(flattenPng(profile.logo.png));
      this.logo = { image: opened };
    } else if (profile?.logo?.svg) this.logo = { svg: profile.logo.svg };
  }

  /**
   * The fill colour in effect in the current page's content, when known. Text is black: setting it
   * again before every run wrote "/DeviceRGB cs 0 0 0 scn" ~60 000 times in a 500-§ protocol (8 %
   * of its content). Anything that sets another fill colour, and every new page, forgets it.
   */
  private fill: string | null = null;

  private color(c: string) {
    if (this.fill !== c) {
      this.doc.fillColor(c);
      this.fill = c;
    }
  }

  private font(name: string, size: number, color = BLACK): Doc {
    const doc = this.doc.font(name).fontSize(size);
    this.color(color);
    return doc;
  }

  /** The font a run is drawn in: the profile's body font where it has the style. */
  private body(name: FontName): string {
    return this.bodyFonts[name];
  }

  /** Start a new page unless the current one is still empty. */
  newPage() {
    if (this.doc.y > MARGIN.top + 1) this.doc.addPage();
  }

  /** Keep at least `space` points on this page (headings stay with what follows them). */
  private ensure(space: number) {
    if (this.doc.y + space > A4.height - MARGIN.bottom) this.newPage();
  }

  /**
   * Lay out styled text in a box and draw it line by line from `doc.y`, continuing on a new page
   * (inside the open structure element) when a line does not fit. Returns the height used.
   */
  private setText(styled: StyledText[], size: number, x: number, width: number, o: { align?: Align; lineGap: number; color?: string; maxY?: number }) {
    const doc = this.doc;
    const lines = this.text.layout(styled, size, width);
    const lh = this.text.lineHeight(new Set(styled.map((s) => s.font)), size, o.lineGap);
    const maxY = o.maxY ?? A4.height - MARGIN.bottom;
    this.color(o.color ?? BLACK);
    for (const line of lines) {
      if (doc.y + lh > maxY && doc.y > MARGIN.top + 1) {
        doc.continueOnNewPage();
        this.color(o.color ?? BLACK);
      }
      this.text.drawLine(line, x, doc.y, size, width, o.align ?? "left");
      doc.y += lh;
    }
  }

  /** One line of text at (x, y), not wrapped (header, footer, labels). */
  private line(text: string, font: string, size: number, x: number, y: number, width: number, align: Align = "left", color = BLACK) {
    const [line] = this.text.layout([{ text, font }], size, Number.POSITIVE_INFINITY);
    this.color(color);
    if (line) this.text.drawLine(line, x, y, size, width, align);
  }

  /** Text of runs, wrapped at the current indent. */
  private runs(runs: readonly Run[], ctx: Ctx, size: number, opts: { bold?: boolean; align?: Align; font?: FontName; gap?: number; color?: string } = {}) {
    const doc = this.doc;
    const x = MARGIN.left + ctx.indent;
    const width = TEXT_WIDTH - ctx.indent - (ctx.quote ? INDENT : 0);
    const list = runs.length ? runs : [{ text: " " }];
    const styled = list.map((r) => ({ text: r.text, font: opts.font ?? this.body(runFont(r, ctx, opts.bold)) }));
    doc.x = x;
    this.setText(styled, size, x, width, { align: opts.align ?? "left", lineGap: 1.5, color: opts.color });
    // The paragraph's gap in its last font's line height, as pdfkit's moveDown measures it.
    this.font(styled[styled.length - 1]!.font, size, opts.color);
    doc.x = MARGIN.left;
    doc.moveDown(opts.gap ?? 0.45);
  }

  blocks(blocks: readonly Block[], parent: Struct, ctx: Ctx, progress?: (done: number) => void) {
    blocks.forEach((b, i) => {
      this.block(b, parent, ctx);
      progress?.(i + 1);
    });
  }

  /**
   * The document's top-level blocks: each part that starts with a level-2 heading is a `Sect`
   * (titled with the heading, and with its sekretess), the rest belongs to the Document itself.
   * The first page's list of §§ under sekretess goes before its first part (or page break).
   */
  document(root: Struct, progress?: (done: number) => void) {
    const doc = this.doc;
    const ctx: Ctx = { indent: 0, quote: false, depth: 0 };
    const blocks = this.rendered.blocks;
    const secret = this.rendered.confidentialItems ?? [];
    let listed = secret.length === 0;
    let parent: Struct = root;
    let sect: Struct | null = null;
    const close = () => {
      sect?.end();
      sect = null;
      parent = root;
    };
    /** The §§ under sekretess: a part of their own, before the first part of the first page. */
    const list = () => {
      close();
      const part = doc.struct("Sect", { title: "Paragrafer med sekretess" });
      root.add(part);
      this.blocks(confidentialList(secret), part, ctx);
      part.end();
      listed = true;
    };
    blocks.forEach((b, i) => {
      if (!listed && (b.type === "pageBreak" || (b.type === "heading" && b.level === 2))) list();
      if (b.type === "heading" && b.level <= 2) {
        close();
        if (b.level === 2) {
          const title = b.bookmark ?? b.runs.map((r) => r.text).join("");
          sect = doc.struct("Sect", { title: b.confidential ? `${title} (${secrecyLine(b.confidential)})` : title });
          root.add(sect);
          parent = sect;
        }
      }
      this.block(b, parent, ctx);
      progress?.(i + 1);
    });
    if (!listed) list();
    close();
  }

  block(b: Block, parent: Struct, ctx: Ctx) {
    const doc = this.doc;
    switch (b.type) {
      case "heading": {
        const size = b.level === 1 ? SIZE.h1 : b.level === 2 ? SIZE.h2 : SIZE.h3;
        this.ensure(b.level === 3 ? 60 : 90);
        if (b.level !== 1 && doc.y > MARGIN.top + 1) doc.moveDown(b.level === 2 ? 0.6 : 0.3);
        if (b.bookmark) doc.outline.addItem(b.bookmark);
        const color = b.level === 3 ? BLACK : this.heading;
        parent.add(
          doc.struct(`H${b.level}`, {}, () => {
            this.runs(b.runs, { ...ctx, quote: false }, size, { font: "sansBold", gap: b.confidential ? 0.15 : b.level === 3 ? 0.2 : 0.5, color });
            // In the heading itself, so it is read with the § and seen on the page that starts it.
            if (b.confidential) this.runs([{ text: secrecyLine(b.confidential) }], { ...ctx, quote: false }, SIZE.h3, { font: "sansBold", gap: 0.6, color: SECRECY_RED });
          }),
        );
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
          li.add(doc.struct("Lbl", {}, () => this.line(listLabel(b.style, b.start + i, ctx.depth), this.body(ctx.quote ? "serifItalic" : "serif"), SIZE.body, x, y, INDENT)));
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
            doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + TEXT_WIDTH / 2, y).lineWidth(0.6).strokeColor(BLACK).stroke();
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
   * A table cell's text laid out once per (text, font, width): vote and attendance tables repeat
   * the same names, parties and "X" in every §; the height and the drawing use the same lines.
   */
  private readonly cells = new Map<string, { lines: ReturnType<TextSetter["layout"]>; lh: number }>();
  private cell(text: string, font: string, width: number) {
    const key = `${font}\u0000${width}\u0000${text}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { lines: this.text.layout([{ text, font }], SIZE.meta, width), lh: this.text.lineHeight([font], SIZE.meta, 1) };
      this.cells.set(key, c);
    }
    return c;
  }

  /** Drawing that is not content (rules, boxes): marked as an artifact. */
  private artifact(draw: () => void, type: "Layout" | "Pagination" = "Layout") {
    this.doc.markContent("Artifact", { type });
    draw();
    this.doc.endMarkedContent();
  }

  private table(b: Extract<Block, { type: "table" }>, parent: Struct, ctx: Ctx) {
    const doc = this.doc;
    const total = b.columns.reduce((s, c) => s + c.width, 0);
    const left = MARGIN.left + ctx.indent;
    const width = TEXT_WIDTH - ctx.indent;
    const widths = b.columns.map((c) => (c.width / total) * width);
    const pad = 4;
    const t = doc.struct("Table");
    parent.add(t);
    const cellFont = (bold: boolean) => this.body(bold ? "serifBold" : "serif");
    const rowHeight = (cells: string[], bold: boolean[]) =>
      Math.max(
        ...cells.map((c, i) => {
          const cell = this.cell(c || " ", cellFont(!!bold[i]), widths[i]! - 2 * pad);
          return cell.lines.length * cell.lh;
        }),
      ) +
      2 * pad;
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
            const cell = this.cell(c || " ", cellFont(!!bold[i]), w - 2 * pad);
            this.color(BLACK);
            cell.lines.forEach((line, k) => this.text.drawLine(line, cellX + pad, y + pad + k * cell.lh, SIZE.meta, w - 2 * pad, align));
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
    this.font(this.body("serif"), SIZE.body);
    doc.moveDown(0.6);
  }

  /** The logo in a box of `height` at (x, y); returns its width. */
  private drawLogo(x: number, y: number, height: number): number {
    const doc = this.doc;
    if (this.logo?.image) {
      const img = this.logo.image;
      const w = (img.width / img.height) * height;
      doc.image(this.logo.image as unknown as Buffer, x, y, { height });
      return w;
    }
    if (this.logo?.svg) {
      const w = height * 2.5;
      SVGtoPDF(doc, this.logo.svg, x, y, { width: w, height, preserveAspectRatio: "xMinYMid meet", fontCallback: (_f, bold) => (bold ? "sansBold" : "sans"), warningCallback: () => undefined });
      return w;
    }
    return 0;
  }

  /** Header, watermark and signature boxes: drawn when a page starts, before its content. */
  pageFurniture() {
    const doc = this.doc;
    const { header, footer, watermark, profile } = this.rendered;
    // A page can start in the middle of a paragraph: keep its font, size and colour for the rest of it.
    const state = doc as unknown as { _font: unknown; _fontSize: number; _fillColor: unknown };
    const { _font: font, _fontSize: fontSize, _fillColor: fillColor } = state;
    const { x, y } = doc;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    this.fill = null;
    doc.save();
    this.artifact(() => {
      if (watermark) {
        doc.save();
        doc.rotate(-55, { origin: [A4.width / 2, A4.height / 2] });
        this.font("sansBold", 110, "#d9d9d9");
        doc.text(watermark, 0, A4.height / 2 - 60, { width: A4.width, align: "center", lineBreak: false });
        doc.restore();
        this.fill = null;
      }
      const third = TEXT_WIDTH / 3;
      if (header && profile) {
        // Letterhead: logo and municipality at the left, the body under the municipality.
        const top = 24;
        const logoWidth = this.logo ? this.drawLogo(MARGIN.left, top, 28) : 0;
        this.fill = null;
        const lx = MARGIN.left + (logoWidth ? logoWidth + 8 : 0);
        this.line(profile.municipality, "sansBold", SIZE.header + 1.5, lx, top + 2, third * 1.6 - logoWidth, "left", this.headerText);
        this.line(header.left, "sans", SIZE.header, lx, top + 15, third * 1.6 - logoWidth, "left", this.headerText);
        this.line(header.center, "sans", SIZE.header, MARGIN.left + third, top + 9, third, "center", this.headerText);
        this.line(header.right, "sans", SIZE.header, MARGIN.left + 2 * third, top + 9, third, "right", this.headerText);
        doc.moveTo(MARGIN.left, top + 32).lineTo(A4.width - MARGIN.right, top + 32).lineWidth(0.8).strokeColor(this.rule).stroke();
      } else if (header) {
        const hy = 34;
        this.line(header.left, "sansBold", SIZE.header, MARGIN.left, hy, third);
        this.line(header.center, "sans", SIZE.header, MARGIN.left + third, hy, third, "center");
        this.line(header.right, "sans", SIZE.header, MARGIN.left + 2 * third, hy, third, "right");
        doc.moveTo(MARGIN.left, hy + 14).lineTo(A4.width - MARGIN.right, hy + 14).lineWidth(0.5).strokeColor("#808080").stroke();
      }
      if (profile?.addressLine) this.line(profile.addressLine, "sans", SIZE.header - 1, MARGIN.left, A4.height - 44, TEXT_WIDTH * 0.7, "left", GREY);
      if (footer.signatureBoxes > 0) {
        const box = 62;
        const by = A4.height - 84;
        const bx = A4.width - MARGIN.right - footer.signatureBoxes * box;
        this.line("Justerandes signatur", "sans", SIZE.header, MARGIN.left, by + 12, bx - MARGIN.left - 8, "right", GREY);
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
      this.artifact(() => this.line(`Sida ${i + 1} av ${range.count}`, "sans", SIZE.header, MARGIN.left, A4.height - 44, TEXT_WIDTH, "right"), "Pagination");
    }
  }
}

/**
 * The profile's body font by style, registered with pdfkit; styles it lacks use DejaVu. A font
 * whose licence forbids embedding it as a subset (OS/2 fsType) is refused: PDF/A embeds every font.
 */
function registerProfileFonts(doc: Doc, profile: RenderProfile | undefined): Record<FontName, string> {
  const names: Record<FontName, string> = { serif: "serif", serifBold: "serifBold", serifItalic: "serifItalic", serifBoldItalic: "serifBoldItalic", sans: "sans", sansBold: "sansBold" };
  const font = profile?.font;
  if (!font) return names;
  const styles = { serif: font.regular, serifBold: font.bold, serifItalic: font.italic, serifBoldItalic: font.boldItalic } as const;
  for (const [style, bytes] of Object.entries(styles) as [keyof typeof PROFILE_FONTS, Uint8Array | undefined][]) {
    if (!bytes) continue;
    const name = PROFILE_FONTS[style];
    doc.registerFont(name, Buffer.from(bytes));
    const previous = (doc as unknown as { _font: unknown })._font;
    doc.font(name);
    type FsType = { noEmbedding?: boolean; noSubsetting?: boolean; bitmapOnly?: boolean };
    const loaded = (doc as unknown as { _font: { font?: { "OS/2"?: { fsType?: FsType } } } })._font;
    (doc as unknown as { _font: unknown })._font = previous;
    // fontkit reads OS/2 fsType as flags: restricted licence (0x2), no subsetting (0x100, pdfkit
    // always subsets), bitmap embedding only (0x200).
    const fsType = loaded.font?.["OS/2"]?.fsType ?? {};
    if (fsType.noEmbedding || fsType.noSubsetting || fsType.bitmapOnly)
      throw new Error(`Typsnittet ${font.name} i kommunprofilen får inte bäddas in / The profile font ${font.name} does not allow embedding`);
    names[style] = name;
  }
  return names;
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
  for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, fontBytes(name));
  const bodyFonts = registerProfileFonts(doc, rendered.profile);
  const chunks = collectOutput(doc);
  bufferPageContent(doc);
  doc.on("data", () => undefined); // flowing, so "end" is emitted
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", (e: unknown) => reject(e));
  });

  const builder = new PdfBuilder(doc, rendered, bodyFonts);
  doc.on("pageAdded", () => builder.pageFurniture());
  doc.addPage();
  const root = doc.struct("Document");
  doc.addStructure(root);
  const total = rendered.blocks.length;
  builder.document(root, (n) => options.onProgress?.(n, total));
  root.end();
  builder.pageNumbers();
  (doc.outline as unknown as { options: { expanded: boolean } }).options = { expanded: true };
  balancePageTree(doc);
  balanceParentTree(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
