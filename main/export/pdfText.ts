/**
 * Paragraph layout for the PDF writer. pdfkit breaks each `text()` call on its own, so a
 * paragraph written run by run could break where two runs meet ("… § 16" / "." on the next
 * line). Here a paragraph's runs are joined, its break opportunities found once with the UAX #14
 * `linebreak` package, every segment measured with the run's own font, and the lines filled
 * greedily; then each line is drawn as one text object that switches font where the runs change.
 *
 * Drawing writes the text operators itself (one BT…ET per line instead of pdfkit's
 * q/cm/BT/Tf/TJ/ET/Q per run and line) through pdfkit's font objects, which still do the glyph
 * layout, subsetting and ToUnicode maps: the only pdfkit internals used are `font.encode`,
 * `font.ref`, `font.id`, `font.ascender`, `font.lineHeight` and `page.fonts` (pdfkit 0.20).
 * Text is drawn in pdfkit's flipped user space (origin top left), so the text matrix flips back.
 */
import LineBreaker from "linebreak";

type Doc = PDFKit.PDFDocument;

/** The part of pdfkit's EmbeddedFont the layout uses. */
interface PdfFont {
  id: string;
  ascender: number;
  descender: number;
  lineGap: number;
  ref(): unknown;
  encode(text: string): [
    string[],
    {
      xAdvance: number;
      yAdvance: number;
      xOffset: number;
      yOffset: number;
      advanceWidth: number;
    }[],
  ];
  lineHeight(size: number, includeGap?: boolean): number;
}

/** A run of text in one font. */
export interface StyledText {
  text: string;
  font: string;
}

export interface LaidLine {
  /** The line's text by font, with the space it ends with (not the line break). */
  pieces: StyledText[];
  /** Width of the line without its trailing spaces. */
  width: number;
}

/**
 * A word (pdfkit's unit: up to and including a space or tab) encoded once per font: its TJ
 * operands (glyph ids in hex, kerning as numbers), its advance in font units (per 1000 em), and
 * whether a glyph is moved off the baseline (then it is drawn with its own text matrix).
 */
interface Word {
  tj: string;
  advance: number;
  offsets: boolean;
}

const SOFT_HYPHEN = "\u00ad";
const num = (n: number) => String(Math.round(n * 100) / 100);
const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r";

/**
 * Keep "§ 5", "§§ 3–4" and "1 §" together: a break right after "§ " or before a "§" that
 * follows a number is not taken (Swedish typesetting keeps the sign with its number).
 */
function keepsTogether(text: string, position: number): boolean {
  if (position < 2 || !isSpace(text[position - 1])) return false;
  const before = text[position - 2]!;
  if (before === "§") return true;
  return text[position] === "§" && before >= "0" && before <= "9";
}

export class TextSetter {
  private readonly fonts = new Map<string, PdfFont>();
  private readonly words = new Map<string, Map<string, Word>>();

  constructor(
    private readonly doc: Doc,
    fontNames: readonly string[],
  ) {
    for (const name of fontNames) this.font(name);
  }

  font(name: string): PdfFont {
    let f = this.fonts.get(name);
    if (!f) {
      const d = this.doc as unknown as { _font: PdfFont | undefined; font(name: string): unknown };
      const previous = d._font;
      d.font(name);
      f = d._font!;
      d._font = previous;
      this.fonts.set(name, f);
    }
    return f;
  }

  /** A word in a font, laid out and encoded (glyphs added to the subset) once. */
  private lastFont = "";
  private lastWords: Map<string, Word> | null = null;
  private word(font: string, text: string): Word {
    // Consecutive words are mostly in the same font: skip the outer lookup then.
    let m = font === this.lastFont ? this.lastWords : this.words.get(font);
    if (!m) this.words.set(font, (m = new Map()));
    this.lastFont = font;
    this.lastWords = m;
    let w = m.get(text);
    if (!w) {
      const [glyphs, positions] = this.font(font).encode(text);
      const parts: string[] = [];
      let segment = "";
      let advance = 0;
      let offsets = false;
      for (let i = 0; i < glyphs.length; i++) {
        const pos = positions[i]!;
        segment += glyphs[i];
        advance += pos.xAdvance;
        if (pos.xOffset || pos.yOffset) offsets = true;
        const adjust = pos.xAdvance - pos.advanceWidth;
        if (adjust !== 0) {
          parts.push(`<${segment}>`, num(-adjust));
          segment = "";
        }
      }
      if (segment) parts.push(`<${segment}>`);
      w = { tj: parts.join(" "), advance, offsets };
      m.set(text, w);
    }
    return w;
  }

  /** Calls `fn` with each of pdfkit's words of `text` (split after spaces and tabs). */
  private eachWord(text: string, fn: (word: string) => void) {
    let last = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === " " || c === "\t") {
        fn(text.slice(last, i + 1));
        last = i + 1;
      }
    }
    if (last < text.length) fn(last === 0 ? text : text.slice(last));
  }

  /** Width of a text in a font at `size` points. */
  width(font: string, text: string, size: number): number {
    let units = 0;
    this.eachWord(text, (w) => (units += this.word(font, w).advance));
    return (units * size) / 1000;
  }

  /** Height of one line of the given fonts (the tallest) with pdfkit's line gap added. */
  lineHeight(fonts: Iterable<string>, size: number, lineGap: number): number {
    let h = 0;
    for (const f of fonts) h = Math.max(h, this.font(f).lineHeight(size, true));
    return h + lineGap;
  }

  /**
   * Break styled runs into lines of at most `width` points. A "\n" in a run is a forced break.
   * A word longer than a line is cut between characters.
   */
  layout(runs: readonly StyledText[], size: number, width: number): LaidLine[] {
    const text = runs.length === 1 ? runs[0]!.text : runs.map((r) => r.text).join("");
    const ends: number[] = [];
    let at = 0;
    for (const r of runs) ends.push((at += r.text.length));
    const limit = width + 0.01;

    /** Pieces of text[from, to) split at run boundaries, without newlines and soft hyphens. */
    const pieces = (from: number, to: number): StyledText[] => {
      const out: StyledText[] = [];
      let r = 0;
      while (ends[r]! <= from && r < runs.length - 1) r++;
      for (let i = from; i < to; r++) {
        const end = Math.min(to, ends[r]!);
        let t = text.slice(i, end);
        if (/[\n\r\u00ad]/.test(t)) t = t.replace(/[\n\r\u00ad]/g, "");
        if (t) out.push({ text: t, font: runs[r]!.font });
        i = end;
      }
      return out;
    };
    const single = runs.length === 1 && !/[\n\r\u00ad]/.test(text) ? runs[0]!.font : null;
    const measure = (from: number, to: number) => {
      if (single !== null) return from < to ? this.width(single, text.slice(from, to), size) : 0;
      let w = 0;
      for (const p of pieces(from, to)) w += this.width(p.font, p.text, size);
      return w;
    };
    /** Width of the spaces ending text[from, to): what a line's end does not count. */
    const trailing = (from: number, to: number) => {
      let w = 0;
      for (let e = to; e > from && isSpace(text[e - 1]); e--) {
        const c = text[e - 1]!;
        if (c === " " || c === "\t") w += this.width(runs[runAt(e - 1)]!.font, c, size);
      }
      return w;
    };
    const runAt = (i: number) => {
      let r = 0;
      while (r < runs.length - 1 && ends[r]! <= i) r++;
      return r;
    };
    const trimmedEnd = (from: number, to: number) => {
      while (to > from && isSpace(text[to - 1])) to--;
      return to;
    };

    const lines: LaidLine[] = [];
    let lineStart = 0;
    let lineEnd = 0; // end of the last segment that fits
    let lineWidth = 0; // width of [lineStart, lineEnd), trailing spaces included
    let contentWidth = 0; // the same without the trailing spaces
    const emit = (end: number, w: number, hyphen: boolean) => {
      // The space a line ends with is drawn (invisible, outside `width`), as pdfkit did: text
      // extraction from the structure then keeps the words apart.
      const ps = pieces(lineStart, hyphen ? trimmedEnd(lineStart, end) : end);
      if (hyphen && ps.length) {
        const last = ps[ps.length - 1]!;
        last.text += "-";
        w += this.width(last.font, "-", size);
      }
      lines.push({ pieces: ps, width: w });
      lineStart = lineEnd = end;
      lineWidth = contentWidth = 0;
    };

    const breaker = new LineBreaker(text);
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      const pos = bk.position;
      if (!bk.required && pos < text.length && keepsTogether(text, pos)) continue;
      const full = measure(lineEnd, pos);
      let trimmed = isSpace(text[pos - 1]) ? full - trailing(lineEnd, pos) : full;
      if (lineWidth + trimmed > limit) {
        if (lineEnd > lineStart) emit(lineEnd, contentWidth, text[lineEnd - 1] === SOFT_HYPHEN);
        // What is left of the segment may itself be wider than a line: cut it by characters.
        while (trimmed > limit) {
          let cut = lineStart + 1;
          while (cut < pos && measure(lineStart, cut + 1) <= limit) cut++;
          emit(cut, measure(lineStart, cut), false);
          trimmed = measure(lineStart, trimmedEnd(lineStart, pos));
        }
        contentWidth = trimmed;
        lineWidth = measure(lineStart, pos);
      } else {
        contentWidth = lineWidth + trimmed;
        lineWidth += full;
      }
      lineEnd = pos;
      if (bk.required) emit(pos, contentWidth, false);
    }
    if (lineStart < text.length || lines.length === 0) emit(text.length, contentWidth, false);
    return lines;
  }

  /**
   * Draw one laid-out line with its top at `y` (pdfkit's top-down coordinates), aligned in a
   * box of `boxWidth` starting at `x`. All pieces share the tallest font's baseline.
   */
  drawLine(
    line: LaidLine,
    x: number,
    y: number,
    size: number,
    boxWidth: number,
    align: "left" | "center" | "right" = "left",
  ) {
    if (!line.pieces.length) return;
    const doc = this.doc as unknown as {
      page: { fonts: Record<string, unknown> };
      addContent(s: string): void;
    };
    let px =
      align === "center"
        ? x + (boxWidth - line.width) / 2
        : align === "right"
          ? x + boxWidth - line.width
          : x;
    let ascender = 0;
    for (const p of line.pieces) ascender = Math.max(ascender, this.font(p.font).ascender);
    const baseline = num(y + (ascender / 1000) * size);
    const scale = size / 1000;
    let out = "BT";
    let current = "";
    for (const p of line.pieces) {
      const font = this.font(p.font);
      if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
      if (current !== font.id) {
        out += `\n/${font.id} ${num(size)} Tf`;
        current = font.id;
      }
      out += `\n1 0 0 -1 ${num(px)} ${baseline} Tm\n[`;
      let first = true;
      this.eachWord(p.text, (text) => {
        const w = this.word(p.font, text);
        if (w.offsets) {
          // A glyph moved off the baseline (a combining mark): this word glyph by glyph.
          out += `] TJ`;
          const [glyphs, positions] = font.encode(text);
          let gx = px;
          glyphs.forEach((g, i) => {
            const pos = positions[i]!;
            out += `\n1 0 0 -1 ${num(gx + pos.xOffset * scale)} ${num(Number(baseline) - pos.yOffset * scale)} Tm [<${g}>] TJ`;
            gx += pos.xAdvance * scale;
          });
          out += `\n1 0 0 -1 ${num(px + w.advance * scale)} ${baseline} Tm\n[`;
          first = true;
        } else {
          out += first ? w.tj : ` ${w.tj}`;
          first = false;
        }
        px += w.advance * scale;
      });
      out += "] TJ";
    }
    doc.addContent(out + "\nET");
  }
}
