/**
 * Rejoining wrapped lines into paragraphs, and words hyphenated across lines.
 * A line ends a paragraph when a blank line follows, when the next line starts a list item, or
 * when it ends a sentence well before the usual line width (the typical width of the document's
 * full lines is measured, so both PDF text and one-paragraph-per-line text work).
 */
import type { Line } from "./cleanLines.js";

/** Words that follow a hyphen in "hälso- och sjukvård", "barn- och ungdomsvård": keep the hyphen. */
const CONJUNCTIONS = /^(och|eller|samt|respektive|till|som|resp\.?|&|,)(\s|$|[,.])/i;
/** A hyphen used as a dash at the end of a line ("lokal socialtjänst- vi anser …"): a short word follows. */
const DASH_FOLLOWERS =
  /^(vi|jag|du|ni|de|det|den|man|att|men|är|har|i|på|för|med|en|ett|dvs\.?|t\.?ex\.?|tex|bl\.?a\.?|så|då|nu|detta|denna|vilket)(\s|$|[,.])/;

/** How two wrapped lines meet: drop a soft hyphen at the end of the first? a space between? */
function seam(a: string, b: string): { dropHyphen: boolean; space: boolean } {
  const hy = /([\p{L}\d])-$/u.exec(a.slice(-2));
  if (!hy) return { dropHyphen: false, space: true };
  // "hälso-" + "och": a list of compounds, not a broken word; "socialtjänst-" + "vi anser": a dash
  if (CONJUNCTIONS.test(b) || DASH_FOLLOWERS.test(b)) return { dropHyphen: false, space: true };
  // "2020-05-" + "04", "EU-" + "medborgare": the hyphen belongs to the word
  const lastWord = a.slice(a.lastIndexOf(" ", a.length - 1) + 1);
  if (/\d$/.test(hy[1]!) || /^\p{Lu}{2,}-$/u.test(lastWord))
    return { dropHyphen: false, space: false };
  // a soft break of one word: "funktions-" + "nedsättning"
  return { dropHyphen: /^\p{Ll}/u.test(b), space: false };
}

/** Join two wrapped lines, repairing a word hyphenated across them. */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const s = seam(a, b);
  return (s.dropHyphen ? a.slice(0, -1) : a) + (s.space ? " " : "") + b;
}

/** Lines of one paragraph as one text (linear in its length). */
export function joinLines(lines: readonly string[]): string {
  const pieces: string[] = [];
  for (const raw of lines) {
    const b = raw.trim();
    if (!b) continue;
    const last = pieces.length - 1;
    if (last < 0) {
      pieces.push(b);
      continue;
    }
    const s = seam(pieces[last]!, b);
    if (s.dropHyphen) pieces[last] = pieces[last]!.slice(0, -1);
    pieces.push(s.space ? ` ${b}` : b);
  }
  return pieces.join("").replace(/\s+/g, " ").trim();
}

/** The width of a full line in this document (characters). */
export function typicalWidth(lines: readonly Line[]): number {
  const lengths = lines
    .map((l) => l.text.length)
    .filter((n) => n >= 25)
    .sort((x, y) => x - y);
  if (lengths.length < 5) return 70;
  return lengths[Math.floor(lengths.length * 0.8)] ?? 70;
}

export const LIST_MARKER = /^(\d{1,2}[.)]|[A-Za-z][.)]|[-–•*·]|att\s)\s*/;

/** Does the line end a paragraph (looking at it and the next one)? */
export function endsParagraph(line: string, next: Line | undefined, width: number): boolean {
  if (!next) return true;
  // lines far longer than a printed line are whole paragraphs (Word, text files)
  if (width > 110) return true;
  if (next.breakBefore) return true;
  // a list item starts: "1. …", "2.Därutöver …", "A. …", "- …"
  if (/^(\d{1,2}[.)](\s|\p{Lu})|[A-Z][.)]\s|[-–•*·]\s)/u.test(next.text)) return true;
  if (/^att\s/.test(next.text) && /[,;.]$/.test(line)) return true; // "att"-satser
  const short = line.length < width * 0.75;
  if (short && /[.!?:;”"»]$/.test(line)) return true;
  return false;
}

/** Group lines into paragraphs (each a list of lines). */
export function paragraphsOf(lines: readonly Line[], width: number): Line[][] {
  const out: Line[][] = [];
  let current: Line[] = [];
  lines.forEach((l, i) => {
    current.push(l);
    if (endsParagraph(l.text, lines[i + 1], width)) {
      out.push(current);
      current = [];
    }
  });
  if (current.length) out.push(current);
  return out;
}
