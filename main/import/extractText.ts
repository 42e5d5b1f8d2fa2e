/**
 * Plain text out of the files secretaries have: PDF (pdfjs-dist, in-process, lines rebuilt from the
 * text items' positions), DOCX (mammoth's raw text) and text files (UTF-8 with or without BOM,
 * Windows-1252 as fallback). Never throws: an unreadable file gives a Swedish message with the
 * English in parentheses.
 */
import { MAX_IMPORT_PDF_PAGES } from "../../schemas/limits.js";
import { checkZipBounds } from "../files/boundedUnzip.js";

export type SourceFormat = "pdf" | "docx" | "txt";

/** A file refused by a size limit (zip bomb, too many pages): its message is shown as it is. */
class ImportRefused extends Error {}

export type ExtractResult =
  { ok: true; text: string; format: SourceFormat } | { ok: false; error: string };

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Which reader to use: the file's content decides, the extension only breaks ties. */
export function detectFormat(
  bytes: Uint8Array,
  fileName: string,
): SourceFormat | "doc" | "unknown" {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "pdf"; // %PDF
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "docx"; // ZIP (Office Open XML)
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return "doc"; // old binary Word
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "pdf" || ext === "docx") return "unknown"; // the extension promises a format the bytes do not have
  return "txt";
}

/** Text file bytes as a string: UTF-8 (BOM dropped), else Windows-1252. Line ends become \n. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, "\n");
}

export async function extractText(bytes: Uint8Array, fileName: string): Promise<ExtractResult> {
  const format = detectFormat(bytes, fileName);
  try {
    switch (format) {
      case "pdf":
        return { ok: true, format, text: await pdfText(bytes) };
      case "docx":
        return { ok: true, format, text: await docxText(bytes) };
      case "txt": {
        if (looksBinary(bytes))
          return {
            ok: false,
            error: "Filen är inte en textfil, PDF eller DOCX (not a text, PDF or DOCX file).",
          };
        return { ok: true, format, text: decodeText(bytes) };
      }
      case "doc":
        return {
          ok: false,
          error:
            "Filen är ett äldre Word-dokument (.doc). Spara den som .docx eller PDF och importera igen (old .doc format not supported).",
        };
      default:
        return {
          ok: false,
          error:
            "Filens innehåll stämmer inte med filändelsen – den är varken PDF eller DOCX (content does not match the file extension).",
        };
    }
  } catch (e) {
    if (e instanceof ImportRefused) return { ok: false, error: e.message };
    const detail = e instanceof Error ? e.message : String(e);
    const what = format === "pdf" ? "PDF-filen" : format === "docx" ? "Word-filen" : "Filen";
    return {
      ok: false,
      error: `${what} kunde inte läsas – den är skadad eller skyddad (could not be read: ${detail}).`,
    };
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * DOCX text through mammoth's HTML, not its raw text, so that what Word keeps in structure
 * survives: automatic numbering ("1." of decision points, "-" of bullets) and tables (attendance
 * in two columns, vote tables), whose cells are laid out in fixed-width columns like a PDF's.
 */
async function docxText(bytes: Uint8Array): Promise<string> {
  // Inflated with a byte cap before mammoth sees it: declared zip sizes can lie (issue 13, item 4).
  const bounded = checkZipBounds(bytes);
  if (!bounded.ok)
    throw new ImportRefused(
      bounded.reason === "too-large"
        ? bounded.error
        : `Word-filen kunde inte läsas – den är skadad eller skyddad (could not be read: ${bounded.error})`,
    );
  const mammoth = await import("mammoth");
  const convert =
    mammoth.convertToHtml ??
    (mammoth as unknown as { default: typeof mammoth }).default.convertToHtml;
  const result = await convert({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: false });
  return htmlToText(result.value);
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(
          e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
        )
      : (ENTITIES[e.toLowerCase()] ?? m),
  );

/** mammoth's simple HTML → lines: a paragraph a line with a blank line after, list numbers written out, table rows in columns. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let line = "";
  interface Table {
    rows: string[][][];
    row: string[][] | null;
    cell: string[] | null;
  }
  let table: Table | null = null;
  const tables: (Table | null)[] = [];
  const flush = () => {
    const text = line.replace(/[ \t]+/g, " ").trim();
    line = "";
    if (table?.cell) {
      if (text) table.cell.push(text);
      return;
    }
    out.push(text === "" ? " " : text, "");
  };
  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)[^>]*?(\/?)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      line += decodeEntities(m[4]);
      continue;
    }
    const closing = m[1] === "/";
    const tag = m[2]!.toLowerCase();
    switch (tag) {
      case "p":
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6":
        if (closing) flush();
        break;
      case "br":
        if (table?.cell) line += " ";
        else {
          out.push(line.trim());
          line = "";
        }
        break;
      case "ol":
      case "ul":
        if (closing) lists.pop();
        else {
          if (line.trim()) flush();
          lists.push({ ordered: tag === "ol", n: 0 });
        }
        break;
      case "li":
        if (closing) {
          if (line.trim()) flush();
        } else {
          if (line.trim()) flush();
          const list = lists[lists.length - 1];
          if (list) {
            list.n++;
            line = list.ordered ? `${list.n}. ` : "- ";
          }
        }
        break;
      case "table":
        if (closing) {
          if (table) out.push(...tableLines(table.rows), "");
          table = tables.pop() ?? null;
        } else {
          tables.push(table);
          table = { rows: [], row: null, cell: null };
        }
        break;
      case "tr":
        if (!table) break;
        if (closing) {
          if (table.row) table.rows.push(table.row);
          table.row = null;
        } else table.row = [];
        break;
      case "td":
      case "th":
        if (!table) break;
        if (closing) {
          if (line.trim()) flush();
          if (table.cell) table.row?.push(table.cell);
          table.cell = null;
        } else table.cell = [];
        break;
      default:
        break;
    }
  }
  if (line.trim()) flush();
  return out.join("\n");
}

/** Table rows as text lines: cells padded to their column's width; a cell's paragraphs on lines of their own. */
function tableLines(rows: string[][][]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach(
      (cell, k) => (widths[k] = Math.max(widths[k] ?? 0, ...cell.map((p) => p.length), 1)),
    );
  const lines: string[] = [];
  for (const row of rows) {
    const height = Math.max(1, ...row.map((c) => c.length));
    for (let i = 0; i < height; i++) {
      const text = row
        .map((cell, k) => (cell[i] ?? "").padEnd((widths[k] ?? 0) + 4))
        .join("")
        .replace(/\s+$/, "");
      if (text) lines.push(text);
    }
  }
  return lines;
}

interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * PDF text: items are grouped into lines by their baseline (y), ordered by x; a vertical gap much
 * larger than the line height becomes an empty line (a paragraph break). Pages are joined so a
 * paragraph can continue on the next page; running headers are removed later (cleanLines.ts).
 */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of the buffer
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    // Decoded images are never needed for text; cap them so a crafted image cannot take the memory.
    maxImageSize: 4096 * 4096,
  });
  const doc = await task.promise;
  const pages: string[] = [];
  if (doc.numPages > MAX_IMPORT_PDF_PAGES) {
    await doc.destroy();
    throw new ImportRefused(
      `PDF-filen har ${doc.numPages} sidor – högst ${MAX_IMPORT_PDF_PAGES} importeras (too many pages).`,
    );
  }
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!("str" in it)) continue;
        const t = it.transform as number[];
        // rotated text is a watermark ("UTKAST") or a margin note, not the protocol's text
        if (
          Math.abs(t[1] ?? 0) > 0.01 * Math.abs(t[0] ?? 1) ||
          Math.abs(t[2] ?? 0) > 0.01 * Math.abs(t[3] ?? 1)
        )
          continue;
        items.push({
          str: it.str,
          x: t[4] ?? 0,
          y: t[5] ?? 0,
          width: it.width,
          height: it.height || Math.abs(t[3] ?? 10),
        });
      }
      pages.push(linesOfPage(items).join("\n"));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages.join("\n");
}

function linesOfPage(items: PdfItem[]): string[] {
  const lines: { y: number; height: number; items: PdfItem[] }[] = [];
  for (const it of items) {
    if (it.str === "" && it.width === 0) continue;
    const tolerance = Math.max(2, it.height * 0.4);
    const line = lines.find((l) => Math.abs(l.y - it.y) <= tolerance);
    if (line) {
      line.items.push(it);
      line.height = Math.max(line.height, it.height);
    } else lines.push({ y: it.y, height: it.height, items: [it] });
  }
  lines.sort((a, b) => b.y - a.y); // PDF y grows upwards
  // the width of a character on this page, to place table columns at their positions in the text
  const widths = items
    .filter((it) => it.str.trim().length > 1)
    .map((it) => it.width / it.str.length)
    .sort((a, b) => a - b);
  const charWidth = widths[Math.floor(widths.length / 2)] || 5;
  const pageLeft = Math.min(...items.map((it) => it.x));
  const built = lines.flatMap((line) => {
    line.items.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    let space = false;
    for (const it of line.items) {
      if (!it.str.trim()) {
        space = text !== "";
        continue;
      }
      const gap = it.x - end;
      if (text && gap > it.height * 2) {
        // a wide gap is a column (tables, two-column attendance lists): pad to where the text stands
        const column = Math.round((it.x - pageLeft) / charWidth);
        text = text.replace(/\s+$/, "");
        text += " ".repeat(Math.max(4, column - text.length));
      } else if (
        text &&
        !/\s$/.test(text) &&
        !/^\s/.test(it.str) &&
        (space || gap > Math.max(1, it.height * 0.15))
      )
        text += " ";
      text += it.str;
      end = Math.max(end, it.x + it.width);
      space = false;
    }
    const first = line.items.find((it) => it.str.trim());
    return text.trim()
      ? [
          {
            ...line,
            text: text.replace(/\s+$/, ""),
            start: first?.x ?? 0,
            end,
            columns: /\S {4}\S/.test(text.trim()),
          },
        ]
      : [];
  });
  // The text column's edges: a line that stops well before the right edge ends its paragraph
  // (the last line of a paragraph), even when it does not end with a full stop.
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
  const ends = sorted(built.map((l) => l.end));
  const starts = sorted(built.map((l) => l.start));
  const right = ends[Math.floor(ends.length * 0.9)] ?? 0;
  const left = starts[Math.floor(starts.length * 0.1)] ?? 0;
  // the usual distance between lines on this page: more than that plus a good part is a paragraph gap
  const gaps = sorted(
    built
      .slice(1)
      .map((l, k) => built[k]!.y - l.y)
      .filter((g) => g > 0),
  );
  const spacing = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const out: string[] = [];
  built.forEach((line, k) => {
    const previous = built[k - 1];
    const gap = previous ? previous.y - line.y : 0;
    if (
      previous &&
      (gap > Math.max(previous.height, line.height) * 1.9 ||
        (spacing > 0 && gap > spacing * 1.4 && gap > Math.max(previous.height, line.height) * 1.2))
    )
      out.push("");
    out.push(line.text);
    const next = built[k + 1];
    // A line that stops well before the column's right edge ends its paragraph, where the text
    // agrees: it ends a sentence, or it is much shorter and the next line starts with a capital
    // (a long word pushed to the next line leaves a somewhat short line, not a very short one).
    // A line of spaces marks the break, so that it is not taken for the doubling of copied text.
    const fill = right - left > 100 ? (line.end - left) / (right - left) : 1;
    const endsHere = /[.!?:;”"]$/.test(line.text)
      ? fill < 0.8
      : next !== undefined && /^[\p{Lu}\d•–”"«-]/u.test(next.text.trim()) && fill < 0.6;
    if (endsHere && next && !line.columns && !next.columns) out.push(" ");
  });
  return out;
}
