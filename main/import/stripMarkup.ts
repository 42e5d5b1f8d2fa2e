/**
 * Stage 0 of the pipeline: light Markdown that text conversions of protocols carry (and that a
 * secretary may paste) becomes plain protocol text. A front-matter block of key: value lines at the
 * very top is dropped, heading marks ("## "), emphasis ("**"), quote marks ("> ") go, and a table
 * row "|§ 1|Informationsärenden|4|" becomes cells in columns, as a PDF's table would read.
 * Text without Markdown passes unchanged.
 */
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
      return [
        t
          .replace(/\*\*(.*?)\*\*/g, "$1")
          .replace(/\*\*/g, "")
          .replace(/(^|\s)\*(\S[^*]*?)\*(?=\s|$|[.,;:])/g, "$1$2"),
      ];
    })
    .join("\n");
}
