/**
 * Stage 0 of the pipeline: light Markdown that text conversions of protocols carry (and that a
 * secretary may paste) becomes plain protocol text. A front-matter block of key: value lines at the
 * very top is dropped, heading marks ("## "), emphasis ("**"), quote marks ("> ") go, and a table
 * row "|§ 1|Informationsärenden|4|" becomes cells in columns, as a PDF's table would read; a line
 * in italics ("_Beslutet expedieras till:_") loses its underscores.
 * Text without Markdown passes unchanged.
 */
import { isSectionHeading } from "./lexicon.js";

const FRONT_MATTER_RE = /^---[ \t]*\n(?:[\w\p{L}-]+:.*\n|[ \t]+.*\n)*?---[ \t]*(?:\n|$)/u;
const TABLE_RULE_RE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

export function stripMarkup(text: string): string {
  // HTML comments ("<!-- sida 3 -->") of a conversion are never protocol text
  const body = text.replace(FRONT_MATTER_RE, "").replace(/<!--[\s\S]{0,200}?-->/g, "");
  // only text that uses the marks as markup is touched: a lone "|" or "**" in prose stays
  const lines = body.split("\n");
  const marked = lines.filter((l) => /^\s*#{1,6}\s|\*\*\S|^\s*\|.*\|\s*$/.test(l)).length;
  if (marked < 3) return body;
  return lines
    .flatMap((l) => {
      if (TABLE_RULE_RE.test(l) && l.includes("-")) return [];
      // a blank line separates paragraphs in Markdown: kept as a line of spaces, which the line
      // cleaner reads as a paragraph break even where every line is followed by a blank one
      if (!l.trim()) return [" "];
      let t = l.replace(/^(\s*)#{1,6}\s+/, "$1").replace(/^(\s*)>\s?/, "$1");
      if (/^\s*\|.*\|\s*$/.test(t)) {
        const cells = t
          .trim()
          .slice(1, -1)
          .split("|")
          .map((c) => c.trim());
        // "|§|26|Titel|…": a § sign in a cell of its own belongs to the number after it
        const joined: string[] = [];
        for (const c of cells) {
          const prev = joined[joined.length - 1];
          if (prev === "§" && /^\d/.test(c)) joined[joined.length - 1] = `§ ${c}`;
          else joined.push(c);
        }
        t = joined.filter(Boolean).join("    ");
      }
      return headingsApart(t).map((part) =>
        part
          .replace(/\*\*(.*?)\*\*/g, "$1")
          .replace(/\*\*/g, "")
          .replace(/(^|\s)\*(\S[^*]*?)\*(?=\s|$|[.,;:])/g, "$1$2")
          .replace(/^(\s*)_(\S(?:.*\S)?)_\s*$/, "$1$2"),
      );
    })
    .join("\n");
}

/**
 * "NÄMNDENS BEHANDLING **Nämndens beslut** − Ärendet godkänns.": a conversion that put a bold
 * section heading on one line with other text; the heading gets a line of its own, as on the page.
 */
function headingsApart(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  for (const m of line.matchAll(/\*\*([^*]+?)\*\*/g)) {
    const at = rest.indexOf(m[0]);
    // "**Ärendet** gäller bidrag.": a bold word that a sentence goes on from; "**Beslut**: …" is
    // a heading with its text after the colon, which the sections read as it is
    const after = rest.slice(at + m[0].length).trimStart();
    if (!isSectionHeading(m[1]!) || line.trim() === m[0] || /^[\p{Ll}:]/u.test(after)) continue;
    if (rest.slice(0, at).trim()) out.push(rest.slice(0, at).trimEnd());
    out.push(m[1]!.trim());
    rest = rest.slice(at + m[0].length).trimStart();
  }
  if (rest.trim() || !out.length) out.push(rest);
  return out;
}
