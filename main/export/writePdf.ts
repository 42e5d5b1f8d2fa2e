/**
 * Render model → PDF (pdfkit): PDF/A-2a by default — tagged (H1/H2/H3, P, L/LI/Lbl/LBody,
 * BlockQuote, Table/TR/TH/TD), language sv-SE, the title in the metadata and the title bar,
 * only embedded, subset TrueType fonts (the shipped DejaVu, or the profile's), an outline entry
 * per §. Page header, footer, "Justerandes signatur" boxes, table rules and the UTKAST watermark
 * are artifacts, so a screen reader reads only the document. `pdfa: "1b"` writes a PDF/A-1b
 * file from the same code.
 *
 * Each part of the document that starts with a level-2 heading (a §, Närvarande, Underskrifter,
 * ANSLAG/BEVIS) is a `Sect` element, so the Document element has one kid per part. Paragraphs are
 * laid out by `TextSetter` (UAX #14 over the paragraph's joined text, see pdfText.ts); the page
 * tree and the structure parent tree are balanced trees (pdfTrees.ts). A municipality profile in
 * the render model adds a letterhead to the first page (logo as a Figure, the municipality and
 * its address line), its accent colour and its fonts; a § under sekretess carries its marking
 * in its heading and in its Sect's title.
 */
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import type {
  Block,
  ListStyle,
  RenderedDocument,
  RenderFont,
  RenderProfile,
  Run,
} from "../../schemas/render/renderModel.js";
import { FONT_FILES, fontBytes, type FontName } from "./fonts.js";
import { TextSetter, type StyledText } from "./pdfText.js";
import { bufferPageContent, collectOutput } from "./pdfOutput.js";
import { balancePageTree, balanceParentTree } from "./pdfTrees.js";
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
const BLACK = "#000000";
/** The marker of a § under sekretess (the registrar's cue). */
const SECRECY_RED = "#a00000";
/** The letterhead's logo: at most 20 mm high and 60 mm wide (in points), aspect kept. */
const LOGO_BOX = { height: (20 / 25.4) * 72, width: (60 / 25.4) * 72 };

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

type Align = "left" | "center" | "right";

class PdfBuilder {
  readonly text: TextSetter;
  /** The profile's accent colour (headings, header rule), with the look without a profile as default. */
  private readonly heading: string;
  private readonly rule: string;

  constructor(
    private readonly doc: Doc,
    private readonly rendered: RenderedDocument,
    private readonly faces: Record<FontName, string>,
  ) {
    const names = [...new Set([...Object.keys(FONT_FILES), ...Object.values(faces)])];
    this.text = new TextSetter(doc, names);
    const accent = rendered.profile?.colours.accent ?? null;
    this.heading = accent ?? BLACK;
    this.rule = accent ?? "#808080";
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

  /** The font actually used for a role: the profile's body or heading font, else DejaVu. */
  private face(name: FontName): string {
    return this.faces[name];
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
  private setText(
    styled: StyledText[],
    size: number,
    x: number,
    width: number,
    o: { align?: Align; lineGap: number; color?: string; maxY?: number },
  ) {
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
  private line(
    text: string,
    font: string,
    size: number,
    x: number,
    y: number,
    width: number,
    align: Align = "left",
    color = BLACK,
  ) {
    const [line] = this.text.layout([{ text, font }], size, Number.POSITIVE_INFINITY);
    this.color(color);
    if (line) this.text.drawLine(line, x, y, size, width, align);
  }

  /** Text of runs, wrapped at the current indent. */
  private runs(
    runs: readonly Run[],
    ctx: Ctx,
    size: number,
    opts: { bold?: boolean; align?: Align; font?: FontName; gap?: number; color?: string } = {},
  ) {
    const doc = this.doc;
    const x = MARGIN.left + ctx.indent;
    const width = TEXT_WIDTH - ctx.indent - (ctx.quote ? INDENT : 0);
    const list = runs.length ? runs : [{ text: " " }];
    const styled = list.map((r) => ({
      text: r.text,
      font: this.face(opts.font ?? runFont(r, ctx, opts.bold)),
    }));
    doc.x = x;
    this.setText(styled, size, x, width, {
      align: opts.align ?? "left",
      lineGap: 1.5,
      color: opts.color,
    });
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
   * (titled with the heading, and with its sekretess marking), the rest belongs to the Document
   * itself. A profile's letterhead comes first.
   */
  document(root: Struct, progress?: (done: number) => void) {
    const doc = this.doc;
    const ctx: Ctx = { indent: 0, quote: false, depth: 0 };
    const blocks = this.rendered.blocks;
    let parent: Struct = root;
    let sect: Struct | null = null;
    const close = () => {
      sect?.end();
      sect = null;
      parent = root;
    };
    this.letterhead(root);
    blocks.forEach((b, i) => {
      if (b.type === "heading" && b.level <= 2) {
        close();
        if (b.level === 2) {
          const title = b.bookmark ?? b.runs.map((r) => r.text).join("");
          sect = doc.struct("Sect", { title: b.marking ? `${title} (${b.marking})` : title });
          root.add(sect);
          parent = sect;
        }
      }
      this.block(b, parent, ctx);
      progress?.(i + 1);
    });
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
        const color = this.heading;
        parent.add(
          doc.struct(`H${b.level}`, {}, () => {
            this.runs(b.runs, { ...ctx, quote: false }, size, {
              font: "sansBold",
              gap: b.marking ? 0.15 : b.level === 3 ? 0.2 : 0.5,
              color,
            });
            // In the heading itself, so it is read with the § and seen on the page that starts it.
            if (b.marking)
              this.runs([{ text: b.marking }], { ...ctx, quote: false }, SIZE.h3, {
                font: "sansBold",
                gap: 0.6,
                color: SECRECY_RED,
              });
          }),
        );
        return;
      }
      case "paragraph": {
        const size = b.style === "meta" ? SIZE.meta : b.style === "note" ? SIZE.note : SIZE.body;
        const italic = b.style === "note";
        const runs = italic ? b.runs.map((r) => ({ ...r, italic: !r.italic })) : b.runs;
        parent.add(
          doc.struct("P", {}, () =>
            this.runs(runs, ctx, size, { align: b.style === "center" ? "center" : "left" }),
          ),
        );
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
            doc.struct("Lbl", {}, () =>
              this.line(
                listLabel(b.style, b.start + i, ctx.depth),
                this.face(ctx.quote ? "serifItalic" : "serif"),
                SIZE.body,
                x,
                y,
                INDENT,
              ),
            ),
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
          parent.add(
            doc.struct("P", {}, () => this.runs([{ text: s.role }], ctx, SIZE.meta, { gap: 2.2 })),
          );
          const y = doc.y;
          this.artifact(() => {
            doc
              .moveTo(MARGIN.left, y)
              .lineTo(MARGIN.left + TEXT_WIDTH / 2, y)
              .lineWidth(0.6)
              .strokeColor(BLACK)
              .stroke();
          });
          doc.y = y + 4;
          parent.add(
            doc.struct("P", {}, () => this.runs([{ text: s.name || " " }], ctx, SIZE.body)),
          );
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
  private readonly cells = new Map<
    string,
    { lines: ReturnType<TextSetter["layout"]>; lh: number }
  >();
  private cell(text: string, font: string, width: number) {
    const key = `${font}\u0000${width}\u0000${text}`;
    let c = this.cells.get(key);
    if (!c) {
      c = {
        lines: this.text.layout([{ text, font }], SIZE.meta, width),
        lh: this.text.lineHeight([font], SIZE.meta, 1),
      };
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
    if (b.spans) {
      // Merged cells, tagged with ColSpan/RowSpan: pdfTable.ts.
      const host: PdfTableHost = {
        doc,
        left: MARGIN.left + ctx.indent,
        width: TEXT_WIDTH - ctx.indent,
        bottom: A4.height - MARGIN.bottom,
        top: MARGIN.top,
        font: (f) => this.font(f, SIZE.meta),
        artifact: (d) => this.artifact(d),
        newPage: () => this.newPage(),
        fillChanged: () => (this.fill = null),
      };
      return drawSpannedTable(host, b, parent);
    }
    const total = b.columns.reduce((s, c) => s + c.width, 0);
    const left = MARGIN.left + ctx.indent;
    const width = TEXT_WIDTH - ctx.indent;
    const widths = b.columns.map((c) => (c.width / total) * width);
    const pad = 4;
    const t = doc.struct("Table");
    parent.add(t);
    const cellFont = (bold: boolean) => this.face(bold ? "serifBold" : "serif");
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
        if (b.headerRow && !header)
          drawRow(
            b.columns.map((c) => c.header),
            true,
            b.columns.map(() => true),
          );
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
          doc
            .moveTo(cx, y)
            .lineTo(cx, y + h)
            .stroke();
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
            cell.lines.forEach((line, k) =>
              this.text.drawLine(
                line,
                cellX + pad,
                y + pad + k * cell.lh,
                SIZE.meta,
                w - 2 * pad,
                align,
              ),
            );
          }),
        );
        x += w;
      });
      tr.end();
      doc.y = y + h;
      doc.x = MARGIN.left;
    };
    if (b.headerRow) {
      this.ensure(
        rowHeight(
          b.columns.map((c) => c.header),
          b.columns.map(() => true),
        ) * 2,
      );
      drawRow(
        b.columns.map((c) => c.header),
        true,
        b.columns.map(() => true),
      );
    }
    b.rows.forEach((r, ri) => {
      const totals = b.totalsRow && ri === b.rows.length - 1;
      drawRow(
        r,
        false,
        r.map((_c, i) => totals || (b.role === "form" && i === 0)),
      );
    });
    t.end();
    this.font(this.face("serif"), SIZE.body);
    doc.moveDown(0.6);
  }

  /**
   * The profile's letterhead at the top of the first page: the logo (a Figure with the
   * municipality as alternative text; SVG as vectors, else the PNG, which the profile has already
   * flattened without alpha), beside it the municipality in the heading font and the address line.
   */
  private letterhead(root: Struct) {
    const doc = this.doc;
    const profile = this.rendered.profile;
    if (!profile) return;
    const top = doc.y;
    const logo = profile.logo;
    let w = 0;
    let h = 0;
    if (logo && logo.width > 0 && logo.height > 0) {
      const ratio = logo.width / logo.height;
      h = Math.min(LOGO_BOX.height, LOGO_BOX.width / ratio);
      w = h * ratio;
      const x = MARGIN.left;
      root.add(
        // pdfkit writes bbox and placement as the Figure's Layout attributes (its types omit them).
        doc.struct(
          "Figure",
          { alt: logo.alt, bbox: [x, top, x + w, top + h], placement: "Block" } as Parameters<
            Doc["struct"]
          >[1],
          () => {
            if (logo.svg)
              SVGtoPDF(doc, logo.svg, x, top, {
                width: w,
                height: h,
                preserveAspectRatio: "xMinYMid meet",
                fontCallback: (_f, bold) => this.face(bold ? "sansBold" : "sans"),
                warningCallback: () => undefined,
              });
            else doc.image(Buffer.from(logo.png), x, top, { width: w, height: h });
            this.fill = null;
          },
        ),
      );
    }
    const x = MARGIN.left + (w ? w + 12 : 0);
    const width = TEXT_WIDTH - (x - MARGIN.left);
    const nameSize = 15;
    const textHeight =
      this.text.lineHeight([this.face("sansBold")], nameSize, 1.5) +
      (profile.addressLine ? this.text.lineHeight([this.face("sans")], SIZE.meta, 1.5) : 0);
    doc.y = top + Math.max(0, (h - textHeight) / 2);
    root.add(
      doc.struct("P", {}, () => {
        this.setText(
          [{ text: profile.municipality, font: this.face("sansBold") }],
          nameSize,
          x,
          width,
          { lineGap: 1.5, color: this.heading },
        );
        if (profile.addressLine)
          this.setText(
            [{ text: profile.addressLine, font: this.face("sans") }],
            SIZE.meta,
            x,
            width,
            { lineGap: 1.5, color: GREY },
          );
      }),
    );
    doc.y = Math.max(doc.y, top + h) + 16;
    doc.x = MARGIN.left;
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
    this.fill = null;
    doc.save();
    this.artifact(() => {
      if (watermark) {
        doc.save();
        doc.rotate(-55, { origin: [A4.width / 2, A4.height / 2] });
        this.font(this.face("sansBold"), 110, "#d9d9d9");
        doc.text(watermark, 0, A4.height / 2 - 60, {
          width: A4.width,
          align: "center",
          lineBreak: false,
        });
        doc.restore();
        this.fill = null;
      }
      const third = TEXT_WIDTH / 3;
      if (header) {
        const hy = 34;
        this.line(header.left, this.face("sansBold"), SIZE.header, MARGIN.left, hy, third);
        this.line(
          header.center,
          this.face("sans"),
          SIZE.header,
          MARGIN.left + third,
          hy,
          third,
          "center",
        );
        this.line(
          header.right,
          this.face("sans"),
          SIZE.header,
          MARGIN.left + 2 * third,
          hy,
          third,
          "right",
        );
        doc
          .moveTo(MARGIN.left, hy + 14)
          .lineTo(A4.width - MARGIN.right, hy + 14)
          .lineWidth(0.5)
          .strokeColor(this.rule)
          .stroke();
      }
      if (footer.signatureBoxes > 0) {
        const box = 62;
        const by = A4.height - 84;
        const bx = A4.width - MARGIN.right - footer.signatureBoxes * box;
        this.line(
          "Justerandes signatur",
          this.face("sans"),
          SIZE.header,
          MARGIN.left,
          by + 12,
          bx - MARGIN.left - 8,
          "right",
          GREY,
        );
        doc.lineWidth(0.5).strokeColor("#808080");
        for (let i = 0; i < footer.signatureBoxes; i++)
          doc.rect(bx + i * box, by, box, 30).stroke();
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
      this.artifact(
        () =>
          this.line(
            `Sida ${i + 1} av ${range.count}`,
            this.face("sans"),
            SIZE.header,
            MARGIN.left,
            A4.height - 44,
            TEXT_WIDTH,
            "right",
          ),
        "Pagination",
      );
    }
  }
}

/**
 * The profile's fonts, registered with pdfkit: `body` replaces DejaVu Serif, `heading` DejaVu
 * Sans; a style the family lacks uses its regular face (as the DOCX does). The profile has
 * already checked that each font may be embedded.
 */
function registerProfileFonts(
  doc: Doc,
  profile: RenderProfile | null | undefined,
): Record<FontName, string> {
  const faces: Record<FontName, string> = {
    serif: "serif",
    serifBold: "serifBold",
    serifItalic: "serifItalic",
    serifBoldItalic: "serifBoldItalic",
    sans: "sans",
    sansBold: "sansBold",
  };
  const use = (
    font: RenderFont | null | undefined,
    styles: Partial<Record<FontName, Uint8Array | undefined>>,
  ) => {
    if (!font) return;
    for (const [style, bytes] of Object.entries(styles) as [FontName, Uint8Array | undefined][]) {
      const name = `profile-${style}`;
      doc.registerFont(name, Buffer.from(bytes ?? font.regular));
      faces[style] = name;
    }
  };
  const body = profile?.fonts.body;
  const heading = profile?.fonts.heading;
  use(body, {
    serif: body?.regular,
    serifBold: body?.bold,
    serifItalic: body?.italic,
    serifBoldItalic: body?.boldItalic,
  });
  use(heading, { sans: heading?.regular, sansBold: heading?.bold });
  return faces;
}

/** Render model → PDF bytes. */
export async function writePdf(
  rendered: RenderedDocument,
  options: PdfOptions = {},
): Promise<Uint8Array> {
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
    info: {
      Title: rendered.title,
      Author: rendered.creator,
      Subject: rendered.subject,
      ...(rendered.keywords?.length ? { Keywords: rendered.keywords.join("; ") } : {}),
      Creator: "Protokoll",
      Producer: "Protokoll (pdfkit)",
    },
  });
  for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, fontBytes(name));
  const faces = registerProfileFonts(doc, rendered.profile);
  const chunks = collectOutput(doc);
  bufferPageContent(doc);
  doc.on("data", () => undefined); // flowing, so "end" is emitted
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", (e: unknown) => reject(e));
  });

  const builder = new PdfBuilder(doc, rendered, faces);
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
