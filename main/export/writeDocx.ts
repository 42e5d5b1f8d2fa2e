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
  EMPTY_OBJECT,
  FileChild,
  Footer,
  Header,
  HeightRule,
  ImageRun,
  LineRuleType,
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
  XmlComponent,
  type ILevelsOptions,
  type IXmlableObject,
  type ParagraphChild,
} from "docx";
import { TextWatermark } from "docx/watermarks";
import type {
  Block,
  ListStyle,
  PageFooter,
  PageHeader,
  RenderedDocument,
  RenderProfile,
  Run,
} from "../../schemas/render/renderModel.js";
import { fontBytes, type FontName } from "./fonts.js";
import { fontFacts, fontTableXml, type FontFacts } from "./fontTable.js";
import { spannedTableXml } from "./docxTable.js";

/** A4 in twentieths of a point, 2 cm side margins. */
const PAGE = { width: 11906, height: 16838, side: 1134, top: 1531, bottom: 1701 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.side;
export const DOCX_BODY_FONT = "DejaVu Serif";
export const DOCX_HEADING_FONT = "DejaVu Sans";

const listFormat: Record<
  ListStyle,
  { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (level: number) => string }
> = {
  decimal: { format: LevelFormat.DECIMAL, text: (l) => `%${l + 1}.` },
  "upper-alpha": { format: LevelFormat.UPPER_LETTER, text: (l) => `%${l + 1}.` },
  "lower-alpha": { format: LevelFormat.LOWER_LETTER, text: (l) => `%${l + 1})` },
  bullet: { format: LevelFormat.BULLET, text: (l) => (l % 2 === 0 ? "•" : "–") },
};

/** A list's three levels; `start` is the first number of the outer level (a list that goes on from an earlier one). */
function levels(style: ListStyle, start = 1): ILevelsOptions[] {
  return [0, 1, 2].map((level) => ({
    level,
    ...(level === 0 && start !== 1 ? { start } : {}),
    format: listFormat[style].format,
    text: listFormat[style].text(level),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 454 * (level + 1), hanging: 454 } } },
  }));
}

/** Raw xml objects as a paragraph child of the docx library (a REF field inside a numbered paragraph). */
class RawChild extends XmlComponent {
  constructor(private readonly xml: IXmlableObject) {
    super("w:r");
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}

function textRuns(
  runs: readonly Run[],
  extra: { bold?: boolean; size?: number } = {},
): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of runs) {
    if (r.ref) {
      out.push(new RawChild(runsXml([r])[0]!) as unknown as TextRun);
      continue;
    }
    r.text.split("\n").forEach((part, i) => {
      // Only what differs from the paragraph style is written (no <w:b w:val="false"/> on every run).
      out.push(
        new TextRun({
          text: part,
          bold: r.bold || extra.bold ? true : undefined,
          italics: r.italic,
          break: i > 0 ? 1 : undefined,
          size: extra.size,
        }),
      );
    });
  }
  return out;
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: "808080" } as const;
const noBorder = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;

/** The docx library's xml objects of the body's tables and paragraphs (see `WordTable`). */
const EMPTY = EMPTY_OBJECT;
const CELL_BORDER = { _attr: { "w:val": "single", "w:color": "808080", "w:sz": 4 } };
const dxa = (name: string, w: number) => ({ [name]: { _attr: { "w:type": "dxa", "w:w": w } } });
const RUN_PROPERTIES = {
  bold: { "w:rPr": [{ "w:b": EMPTY }, { "w:bCs": EMPTY }] },
  italic: { "w:rPr": [{ "w:i": EMPTY }, { "w:iCs": EMPTY }] },
  boldItalic: {
    "w:rPr": [{ "w:b": EMPTY }, { "w:bCs": EMPTY }, { "w:i": EMPTY }, { "w:iCs": EMPTY }],
  },
};

/**
 * The `w:r` elements of runs, as `textRuns` makes them: a "\n" starts a new run with a line break.
 * A reference to a § (`ref`) is a REF field to the heading's bookmark with the current "§ 5" as
 * its result, marked dirty so Word updates it when it opens the file — after the secretary has
 * moved §§ in Word, the references follow.
 */
function runsXml(runs: readonly Run[], extraBold = false): IXmlableObject[] {
  const out: IXmlableObject[] = [];
  for (const r of runs) {
    const bold = !!r.bold || extraBold;
    const props =
      bold && r.italic
        ? RUN_PROPERTIES.boldItalic
        : bold
          ? RUN_PROPERTIES.bold
          : r.italic
            ? RUN_PROPERTIES.italic
            : null;
    if (r.ref) {
      const run: unknown[] = props ? [props] : [];
      run.push({ "w:t": [{ _attr: { "xml:space": "preserve" } }, r.text] });
      out.push({
        "w:fldSimple": [
          { _attr: { "w:instr": ` REF ${r.ref} \\h `, "w:dirty": "true" } },
          { "w:r": run },
        ],
      });
      continue;
    }
    r.text.split("\n").forEach((part, i) => {
      const run: unknown[] = props ? [props] : [];
      if (i > 0) run.push({ "w:br": EMPTY });
      run.push({ "w:t": [{ _attr: { "xml:space": "preserve" } }, part] });
      out.push({ "w:r": run });
    });
  }
  return out;
}

/**
 * A body table (vote, attendance, ANSLAG/BEVIS form) as a Word table: fixed column widths, thin
 * grey rules, cell margins 2 pt/4 pt, rows that do not split across pages, a header row repeated
 * on every page, bold totals row and form labels.
 *
 * Written straight as the docx library's xml objects (its documented `prepForXml` extension
 * point) instead of Table/TableRow/TableCell/Paragraph/TextRun objects: the vote and attendance
 * tables of a 500-§ protocol are ~20 000 cells, and building and walking five library objects per
 * cell was half of the DOCX export's time. The XML is the same as the library's `Table` writes
 * for these options (writeDocx.test.ts compares the two).
 */
export class WordTable extends FileChild {
  private readonly xml: IXmlableObject;

  constructor(b: Extract<Block, { type: "table" }>) {
    super("w:tbl");
    if (b.spans) {
      this.xml = spannedTableXml(b, TEXT_WIDTH); // merged cells: docxTable.ts
      return;
    }
    const total = b.columns.reduce((s, c) => s + c.width, 0);
    const widths = b.columns.map((c) => Math.round((c.width / total) * TEXT_WIDTH));
    // Word's default alignment is left: only centred and right-aligned columns say so.
    const jc = b.columns.map((c) =>
      c.align === "center" || c.align === "right"
        ? { "w:pPr": [{ "w:jc": { _attr: { "w:val": c.align } } }] }
        : null,
    );
    const tcPr = widths.map((w) => ({ "w:tcPr": [dxa("w:tcW", w)] }));
    const row = (
      cells: readonly string[],
      header: boolean,
      bold: (i: number) => boolean,
    ): IXmlableObject => ({
      "w:tr": [
        {
          "w:trPr": header
            ? [{ "w:cantSplit": EMPTY }, { "w:tblHeader": EMPTY }]
            : [{ "w:cantSplit": EMPTY }],
        },
        ...cells.map((text, i) => {
          const p: unknown[] = jc[i] ? [jc[i]] : [];
          // An empty cell is an empty paragraph (no empty run).
          if (text !== "") p.push(...runsXml([{ text }], bold(i)));
          return { "w:tc": [tcPr[i], { "w:p": p.length ? p : EMPTY }] };
        }),
      ],
    });
    const rows: IXmlableObject[] = [];
    if (b.headerRow)
      rows.push(
        row(
          b.columns.map((c) => c.header),
          true,
          () => true,
        ),
      );
    b.rows.forEach((r, ri) => {
      const isTotals = b.totalsRow && ri === b.rows.length - 1;
      rows.push(row(r, false, (i) => isTotals || (b.role === "form" && i === 0)));
    });
    this.xml = {
      "w:tbl": [
        {
          "w:tblPr": [
            dxa("w:tblW", TEXT_WIDTH),
            {
              "w:tblBorders": (
                ["top", "left", "bottom", "right", "insideH", "insideV"] as const
              ).map((side) => ({ [`w:${side}`]: CELL_BORDER })),
            },
            { "w:tblLayout": { _attr: { "w:type": "fixed" } } },
            {
              "w:tblCellMar": [
                dxa("w:top", 40),
                dxa("w:left", 80),
                dxa("w:bottom", 40),
                dxa("w:right", 80),
              ],
            },
          ],
        },
        { "w:tblGrid": widths.map((w) => ({ "w:gridCol": { _attr: { "w:w": w } } })) },
        ...rows,
      ],
    };
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}

/** Where a § heading's bookmark goes: around the first `chars` characters ("§ 5"). */
export interface WordBookmark {
  id: number;
  name: string;
  chars: number;
}

/** Split runs after `chars` characters: [before, after]. */
function splitRuns(runs: readonly Run[], chars: number): [Run[], Run[]] {
  const before: Run[] = [];
  const after: Run[] = [];
  let left = chars;
  for (const r of runs) {
    if (left <= 0) after.push(r);
    else if (r.text.length <= left) {
      before.push(r);
      left -= r.text.length;
    } else {
      before.push({ ...r, text: r.text.slice(0, left) });
      after.push({ ...r, text: r.text.slice(left) });
      left = 0;
    }
  }
  return [before, after];
}

/**
 * A plain paragraph or heading of the body (no numbering): its style, keep-with-next, a page break
 * before it, a left indent, an outline level, a bookmark and its runs. Written straight as xml
 * objects for the same reason as `WordTable` (a 500-§ protocol has ~12 000 of them); the XML is the
 * library's `Paragraph` + `TextRun`'s (writeDocx.test.ts compares them). A heading carries its
 * outline level in the paragraph too (not only in its style), so every reader builds the outline.
 */
export class WordParagraph extends FileChild {
  private readonly xml: IXmlableObject;

  constructor(options: {
    style?: string;
    keepNext?: boolean;
    pageBreakBefore?: boolean;
    indentLeft?: number;
    outlineLevel?: number;
    bookmark?: WordBookmark;
    runs: readonly Run[];
  }) {
    super("w:p");
    const pPr: IXmlableObject[] = [];
    if (options.style) pPr.push({ "w:pStyle": { _attr: { "w:val": options.style } } });
    if (options.keepNext) pPr.push({ "w:keepNext": EMPTY });
    if (options.pageBreakBefore) pPr.push({ "w:pageBreakBefore": EMPTY });
    if (options.indentLeft) pPr.push({ "w:ind": { _attr: { "w:left": options.indentLeft } } });
    if (options.outlineLevel !== undefined)
      pPr.push({ "w:outlineLvl": { _attr: { "w:val": options.outlineLevel } } });
    const content: IXmlableObject[] = pPr.length ? [{ "w:pPr": pPr }] : [];
    const bm = options.bookmark;
    if (bm) {
      const [label, rest] = splitRuns(options.runs, bm.chars);
      content.push(
        { "w:bookmarkStart": { _attr: { "w:id": bm.id, "w:name": bm.name } } },
        ...runsXml(label),
        { "w:bookmarkEnd": { _attr: { "w:id": bm.id } } },
        ...runsXml(rest),
      );
    } else content.push(...runsXml(options.runs));
    this.xml = { "w:p": content.length ? content : EMPTY };
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}

class DocxBuilder {
  private listInstance = 0;
  private bookmarkId = 0;
  private breakNext = false;
  readonly children: (Paragraph | WordParagraph | WordTable)[] = [];

  private push(p: Paragraph | WordParagraph | WordTable) {
    this.children.push(p);
  }

  private takeBreak(): boolean {
    const b = this.breakNext;
    this.breakNext = false;
    return b;
  }

  blocks(
    blocks: readonly Block[],
    ctx: {
      indent: number;
      quote: boolean;
      list?: { style: ListStyle; instance: number; level: number };
    },
  ) {
    for (const b of blocks) this.block(b, ctx);
  }

  private paragraphStyle(style: string, ctx: { quote: boolean }): string | undefined {
    if (ctx.quote) return "Quote";
    return {
      body: undefined,
      lead: "Lead",
      meta: "Meta",
      note: "Note",
      signatureLine: "Meta",
      center: "Center",
    }[style];
  }

  block(
    b: Block,
    ctx: {
      indent: number;
      quote: boolean;
      list?: { style: ListStyle; instance: number; level: number };
    },
  ) {
    switch (b.type) {
      case "heading": {
        // The "§ 5" at the start of a § heading is its bookmark, which REF fields point to.
        const label = b.anchor ? /^§\s*(\d+|\?)/.exec(b.runs[0]?.text ?? "") : null;
        this.push(
          new WordParagraph({
            style: `Heading${b.level}`,
            keepNext: true,
            pageBreakBefore: this.takeBreak(),
            outlineLevel: b.level - 1,
            bookmark:
              b.anchor && label
                ? { id: ++this.bookmarkId, name: b.anchor, chars: label[0].length }
                : undefined,
            // The sekretess marking is a second line of the heading itself.
            runs: b.marking ? [...b.runs, { text: `\n${b.marking}` }] : b.runs,
          }),
        );
        return;
      }
      case "paragraph":
        // A lead-in ("Ersättaren … anförde följande") stays with what it introduces.
        this.push(
          new WordParagraph({
            style: this.paragraphStyle(b.style, ctx),
            keepNext: b.style === "lead" || undefined,
            pageBreakBefore: this.takeBreak(),
            indentLeft: ctx.indent,
            runs: b.runs,
          }),
        );
        return;
      case "list": {
        const level = Math.min(ctx.list ? ctx.list.level + 1 : 0, 2);
        // Every list is its own numbering instance, so each one starts at its first number; a list
        // that goes on from an earlier one (the questions of an answer: 2, 3 after the answer to 1)
        // has its own definition starting there.
        const instance = ++this.listInstance;
        const ref = b.start === 1 ? `list-${b.style}` : `list-${b.style}-from-${b.start}`;
        const definition =
          b.start === 1 ? undefined : { reference: ref, levels: levels(b.style, b.start) };
        for (const item of b.items) {
          // The first paragraph of the item carries the number; the rest are indented under it.
          const [first, ...rest] = item;
          if (first && first.type === "paragraph")
            this.push(
              new Paragraph({
                style: ctx.quote ? "Quote" : undefined,
                pageBreakBefore: this.takeBreak(),
                numbering: { reference: definition ?? ref, level, instance },
                children: textRuns(first.runs),
              }),
            );
          else if (first)
            this.block(first, {
              ...ctx,
              indent: 454 * (level + 1),
              list: { style: b.style, instance, level },
            });
          this.blocks(rest, {
            ...ctx,
            indent: 454 * (level + 1),
            list: { style: b.style, instance, level },
          });
        }
        return;
      }
      case "quote":
        this.blocks(b.blocks, { ...ctx, quote: true });
        return;
      case "table":
        if (this.takeBreak()) this.push(new Paragraph({ children: [new PageBreak()] }));
        if (b.caption && b.role === "vote")
          this.push(
            new Paragraph({
              style: "Meta",
              keepNext: true,
              children: textRuns([{ text: b.caption, bold: true }]),
            }),
          );
        this.push(new WordTable(b));
        this.push(new Paragraph({ style: "Meta", children: [] }));
        return;
      case "signatures":
        for (const s of b.signers) {
          this.push(
            new Paragraph({
              style: "Meta",
              keepNext: true,
              keepLines: true,
              spacing: { before: 480 },
              children: textRuns([{ text: s.role }]),
            }),
          );
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

/** The fonts a document is written in: the profile's, else DejaVu Serif (body) and DejaVu Sans (headings). */
function fontsOf(profile: RenderProfile | null | undefined): { body: string; heading: string } {
  return {
    body: profile?.fonts.body?.family ?? DOCX_BODY_FONT,
    heading: profile?.fonts.heading?.family ?? DOCX_HEADING_FONT,
  };
}

/** "#1F4E79" → "1F4E79" (Word's colour form). */
const wordColour = (c: string | null | undefined, fallback: string) =>
  c ? c.replace(/^#/, "").toUpperCase() : fallback;

/**
 * The municipality's letterhead at the top of the first page (see `RenderProfile`): the logo
 * (the PNG; at most 20 mm high and 60 mm wide), the municipality's name in the heading font and
 * accent colour, and the address line under it.
 */
function letterhead(profile: RenderProfile): Paragraph[] {
  const out: Paragraph[] = [];
  if (profile.logo) {
    // 96 px to the inch: 20 mm ≈ 76 px, 60 mm ≈ 227 px.
    const scale = Math.min(76 / profile.logo.height, 227 / profile.logo.width);
    out.push(
      new Paragraph({
        style: "Letterhead",
        keepNext: true,
        // Line height follows the picture (an explicit "auto" rule: LibreOffice otherwise clips it to one line).
        spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 80 },
        children: [
          new ImageRun({
            type: "png",
            data: profile.logo.png,
            transformation: {
              width: Math.round(profile.logo.width * scale),
              height: Math.round(profile.logo.height * scale),
            },
            altText: { name: "Logotyp", description: profile.logo.alt, title: profile.logo.alt },
          }),
        ],
      }),
    );
  }
  out.push(
    new Paragraph({
      style: "Letterhead",
      keepNext: true,
      children: textRuns([{ text: profile.municipality, bold: true }]),
    }),
  );
  if (profile.addressLine)
    out.push(
      new Paragraph({
        style: "LetterheadAddress",
        children: textRuns([{ text: profile.addressLine }]),
      }),
    );
  return out;
}

function header(
  h: PageHeader | null,
  watermark: string | null,
  profile: RenderProfile | null | undefined,
): Header {
  const children: ParagraphChild[] = [];
  if (watermark)
    children.push(
      new TextWatermark({
        text: watermark,
        font: fontsOf(profile).heading,
        color: "C0C0C0",
        layout: "diagonal",
      }),
    );
  if (h)
    children.push(
      ...textRuns([{ text: h.left, bold: true }]),
      new TextRun({ children: ["\t", h.center] }),
      new TextRun({ children: ["\t", h.right] }),
    );
  return new Header({
    children: [
      new Paragraph({
        style: "PageHeader",
        tabStops: [
          { type: TabStopType.CENTER, position: Math.round(TEXT_WIDTH / 2) },
          { type: TabStopType.RIGHT, position: TEXT_WIDTH },
        ],
        border: h
          ? {
              bottom: {
                style: BorderStyle.SINGLE,
                size: 4,
                color: wordColour(profile?.colours.accent, "808080"),
                space: 4,
              },
            }
          : undefined,
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
                children: [
                  new Paragraph({
                    style: "PageHeader",
                    alignment: AlignmentType.RIGHT,
                    children: [new TextRun("Justerandes signatur")],
                  }),
                ],
              }),
              ...Array.from(
                { length: f.signatureBoxes },
                () =>
                  new TableCell({
                    width: { size: box, type: WidthType.DXA },
                    borders: {
                      top: cellBorder,
                      bottom: cellBorder,
                      left: cellBorder,
                      right: cellBorder,
                    },
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
        children: [
          new TextRun({ children: ["Sida ", PageNumber.CURRENT, " av ", PageNumber.TOTAL_PAGES] }),
        ],
      }),
    );
  return new Footer({ children });
}

/** The shipped fonts' facts for fontTable.xml (read once from the files). */
let shippedFacts: Map<string, FontFacts | null> | null = null;
function shippedFontFacts(): Map<string, FontFacts | null> {
  if (!shippedFacts) {
    const facts = (name: FontName) => {
      try {
        return fontFacts(new Uint8Array(fontBytes(name)));
      } catch {
        return null;
      }
    };
    shippedFacts = new Map([
      [DOCX_BODY_FONT, facts("serif")],
      [DOCX_HEADING_FONT, facts("sans")],
    ]);
  }
  return shippedFacts;
}

/**
 * word/fontTable.xml: each font the document names, with PANOSE, family and pitch from its file,
 * so Word without the font substitutes a similar serif or sans font.
 */
export function documentFontTable(profile: RenderProfile | null | undefined): string {
  const shipped = shippedFontFacts();
  const fonts = fontsOf(profile);
  const factsOf = (name: string, own: { regular: Uint8Array } | null | undefined) =>
    own ? fontFacts(own.regular) : (shipped.get(name) ?? null);
  return fontTableXml([
    { name: fonts.body, facts: factsOf(fonts.body, profile?.fonts.body) },
    { name: fonts.heading, facts: factsOf(fonts.heading, profile?.fonts.heading) },
  ]);
}

/** Build the `docx` Document for a rendered document. */
export function buildDocx(
  doc: RenderedDocument,
  onProgress?: (done: number, total: number) => void,
): Document {
  const builder = new DocxBuilder();
  const fonts = fontsOf(doc.profile);
  const accent = wordColour(doc.profile?.colours.accent, "000000");
  const headingRun = (size: number) => ({ font: fonts.heading, bold: true, size, color: accent });
  if (doc.profile) builder.children.push(...letterhead(doc.profile));
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
        document: {
          run: { font: fonts.body, size: 21, language: { value: doc.language } },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        // Outline levels in the styles, so Word's navigation pane and LibreOffice's Navigator list the headings.
        heading1: {
          run: headingRun(32),
          paragraph: { spacing: { before: 0, after: 240 }, keepNext: true, outlineLevel: 0 },
        },
        heading2: {
          run: headingRun(26),
          paragraph: {
            spacing: { before: 240, after: 160 },
            keepNext: true,
            keepLines: true,
            outlineLevel: 1,
          },
        },
        heading3: {
          run: headingRun(22),
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, outlineLevel: 2 },
        },
      },
      paragraphStyles: [
        {
          id: "Lead",
          name: "Lead-in",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          paragraph: { keepNext: true },
        },
        {
          id: "Letterhead",
          name: "Brevhuvud",
          basedOn: "Normal",
          next: "Normal",
          run: { font: fonts.heading, size: 28, color: accent },
          paragraph: { spacing: { after: 40 } },
        },
        {
          id: "LetterheadAddress",
          name: "Brevhuvud adress",
          basedOn: "Normal",
          next: "Normal",
          run: { font: fonts.heading, size: 16, color: "444444" },
          paragraph: { spacing: { after: 360 } },
        },
        {
          id: "Meta",
          name: "Dnr och underrubrik",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { size: 19, color: "333333" },
        },
        {
          id: "Note",
          name: "Anmärkning",
          basedOn: "Normal",
          next: "Normal",
          run: { size: 18, italics: true },
        },
        {
          id: "Center",
          name: "Centrerad",
          basedOn: "Normal",
          next: "Normal",
          paragraph: { alignment: AlignmentType.CENTER },
        },
        {
          id: "Quote",
          name: "Quote",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          paragraph: { indent: { left: 567, right: 567 } },
          run: { italics: true },
        },
        {
          id: "PageHeader",
          name: "Sidhuvud och sidfot",
          basedOn: "Normal",
          run: { font: fonts.heading, size: 17 },
          paragraph: { spacing: { after: 0 } },
        },
      ],
    },
    numbering: {
      config: (["decimal", "upper-alpha", "lower-alpha", "bullet"] as const).map((s) => ({
        reference: `list-${s}`,
        levels: levels(s),
      })),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.side,
              right: PAGE.side,
              header: 567,
              footer: 454,
            },
          },
        },
        headers: { default: header(doc.header, doc.watermark, doc.profile) },
        footers: { default: footer(doc.footer) },
        children: builder.children,
      },
    ],
  });
}

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * docProps/core.xml as the docx library writes it, plus the document language (dc:language),
 * which the library does not write. Handed to the Packer as an override, so the package is
 * zipped once (unzipping and re-zipping the whole package cost a quarter of a long export).
 */
export function coreProperties(
  doc: Pick<RenderedDocument, "title" | "subject" | "creator" | "language" | "keywords">,
  now = new Date(),
): string {
  const at = now.toISOString();
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(doc.title)}</dc:title>` +
    `<dc:subject>${xmlText(doc.subject)}</dc:subject>` +
    `<dc:creator>${xmlText(doc.creator)}</dc:creator>` +
    `<dc:description>${xmlText(doc.subject)}</dc:description>` +
    (doc.keywords?.length ? `<cp:keywords>${xmlText(doc.keywords.join("; "))}</cp:keywords>` : "") +
    `<cp:lastModifiedBy>${xmlText(doc.creator)}</cp:lastModifiedBy>` +
    "<cp:revision>1</cp:revision>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    `<dc:language>${xmlText(doc.language)}</dc:language>` +
    "</cp:coreProperties>"
  );
}

/** Render model → DOCX bytes. */
export async function writeDocx(
  doc: RenderedDocument,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(buildDocx(doc, options.onProgress), undefined, [
    { path: "docProps/core.xml", data: coreProperties(doc) },
    { path: "word/fontTable.xml", data: documentFontTable(doc.profile) },
  ]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
