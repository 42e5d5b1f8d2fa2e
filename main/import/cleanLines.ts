/**
 * From extracted text to clean lines: the mess of PDF text is removed here so that nothing of it
 * reaches the document.
 * - "every line followed by a blank line" (PDF copy-paste) is detected and undone; a line of only
 *   spaces then still marks a paragraph break;
 * - running page headers and footers ("Socialnämnden / Protokoll / 2020-08-25", "Sida 3 (12)",
 *   "Justerandes signatur") are found by their shape and by repetition, wherever they occur, and
 *   what they say (body name, meeting date) is kept for the metadata;
 * - stray fragments (a tab and "HIER" at the end of seed 002) are dropped and reported.
 */
import { CONTINUED_ITEM_RE, isSectionHeading } from "./lexicon.js";
import { findDate, isDateLine } from "./swedishDate.js";

export interface Line {
  /** Trimmed, runs of white space collapsed. */
  text: string;
  /** As extracted, tabs expanded (column positions of tables and two-column lists). */
  raw: string;
  /** A paragraph break (blank line) came before this line. */
  breakBefore: boolean;
  /** A separator rule ("__________") came before this line: the section above it ended. */
  ruleBefore?: boolean;
}

export interface CleanResult {
  lines: Line[];
  /** Body names and dates read from running headers. */
  header: { bodies: string[]; dates: string[]; municipalities: string[] };
  /** Text that was removed as page furniture or stray fragments (for the report). */
  removed: string[];
}

const expandTabs = (s: string) => s.replace(/\t/g, "        ");

/** Typographic leftovers of PDFs: ligatures, hyphen look-alikes, soft hyphens, symbol-font bullets. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\ufb00/g, "ff")
    .replace(/\ufb01/g, "fi")
    .replace(/\ufb02/g, "fl")
    .replace(/\ufb03/g, "ffi")
    .replace(/\ufb04/g, "ffl")
    .replace(/[\u2010\u2011]/g, "-")
    .replace(/\u00ad(?=[ \t]*\n)/g, "-") // a soft hyphen at a line end is a hyphenation point
    .replace(/\u00ad/g, "")
    .replace(/^([ \t]*)[\uf0a7\uf0b7\uf0d8\uf0fc\u25aa\u25e6\u2023\u2043\u25cf\u25a0]/gmu, "$1•") // Symbol/Wingdings bullets
    .replace(/[\ue000-\uf8ff]/gu, "");
}
const norm = (s: string) => s.replace(/[\s\u00a0\u200b]+/g, " ").trim();

/** Names of bodies and organisations as they head a page. */
export const BODY_NAME_RE =
  /^[\p{Lu}][\p{L}-]*(?:[ -][\p{L}-]+){0,4}?[ -]?(nämnd(en)?|styrelse(n)?|fullmäktige|utskott(et)?|beredning(en)?|direktion(en)?|råd(et)?|kommun|stad|region)$/u;

/** Lines that only ever appear as page furniture. */
const FURNITURE_RE = [
  /^(sammanträdes)?protokoll(sutdrag)?$/i,
  /^(sammanträdesdatum|mötesdatum)(:?\s.*)?$/i,
  /^(sida|sid\.?|blad)\s*\d+(\s*(av|\(|\/)\s*\d+\)?)?$/i,
  /^\d+\s*\(\s*\d+\s*\)$/,
  /^-\s*\d+\s*-$/,
  /^\d+\s*(av|\/)\s*\d+$/i,
  /^justerandes?\s*(sign(atur(er)?)?\.?|signatur)$/i,
  /^utdragsbestyrkande$/i,
  /^(utkast|kopia|preliminär)$/i, // watermarks
  /^(ordförandes|sekreterarens)\s+sign(atur)?\.?$/i,
];
const isFurniture = (t: string) => FURNITURE_RE.some((re) => re.test(t));
/** "Sammanträdesprotokoll Barn- och utbildningsnämnden": a running header flattened to one line. */
const HEADER_WITH_BODY_RE = /^(?:sammanträdes)?protokoll(?:sutdrag)?\s+(.{3,80})$/iu;
/** Page numbers alone are furniture anywhere. */
const isPageNumber = (t: string) =>
  /^((sida|sid\.?|blad)\s*\d+(\s*(av|\(|\/)\s*\d+\)?)?|\d+\s*\(\s*\d+\s*\)|-\s*\d+\s*-)$/i.test(t);

export function cleanLines(text: string): CleanResult {
  const removed: string[] = [];
  const header = { bodies: [] as string[], dates: [] as string[], municipalities: [] as string[] };
  const rawLines = normalizeText(text.replace(/\r\n?/g, "\n")).replace(/\f/g, "\n\n").split("\n");

  // 1. Doubled lines: most text lines are followed by an exactly empty line.
  let textLines = 0;
  let followedByEmpty = 0;
  rawLines.forEach((l, i) => {
    if (l.trim() === "") return;
    textLines++;
    if (rawLines[i + 1] === "") followedByEmpty++;
  });
  const doubled = textLines >= 4 && followedByEmpty / textLines > 0.7;

  let lines: (Line & { tab: boolean })[] = [];
  let pendingBreak = false;
  for (const l of rawLines) {
    if (l.trim() === "") {
      // In doubled text only a line of spaces is a real break; the empty ones are the doubling.
      if (!doubled || l.length > 0) pendingBreak = true;
      continue;
    }
    lines.push({
      text: norm(l),
      raw: expandTabs(l.replace(/\s+$/, "")),
      breakBefore: pendingBreak,
      tab: /^\t/.test(l),
    });
    pendingBreak = false;
  }

  // 2. Stray fragments: a short tab-indented token, or a lone capitalised token at the very end.
  const stray = (l: Line & { tab: boolean }, last: boolean) =>
    (l.tab && /^\S{1,12}$/.test(l.text) && !/^\d+[.)]?$/.test(l.text)) ||
    (last && /^[\p{Lu}]{2,8}$/u.test(l.text) && !/^(BESLUT|ÄRENDET|JA|NEJ)$/.test(l.text));
  lines = lines.filter((l, i) => {
    const last = i === lines.length - 1;
    if (stray(l, last) && (last || lines.slice(i + 1).every((n) => stray(n, false)))) {
      removed.push(l.text);
      return false;
    }
    return true;
  });

  // 3. Running headers and footers.
  const drop = new Set<number>();
  /** Separator rules ("__________" under a decision) among the dropped lines. */
  const rules = new Set<number>();
  const harvest = (raw: string) => {
    const t = raw.replace(/^(organ|nämnd|instans)\s*:?\s+/i, "");
    if (/(kommun|stad|region)$/i.test(t) && /\s/.test(t)) header.municipalities.push(t);
    else if (BODY_NAME_RE.test(t) && !/^(kommun|stad|region)$/i.test(t)) header.bodies.push(t);
    if (isDateLine(t) || /^(sammanträdesdatum|mötesdatum)/i.test(t)) {
      const d = findDate(t);
      if (d) header.dates.push(d.iso);
    }
  };
  // "den 11 augusti 2020" starting with lower case continues a sentence; a header's date does not
  const headerish = (t: string) =>
    t.length <= 60 &&
    (isFurniture(t) ||
      (isDateLine(t) && /^[\p{Lu}\d]/u.test(t)) ||
      BODY_NAME_RE.test(t) ||
      isPageNumber(t));
  lines.forEach((l, i) => {
    if (!isFurniture(l.text)) return;
    // expand the block around the furniture line while neighbours look like header lines
    let a = i;
    let b = i;
    while (a > 0 && i - a < 4 && headerish(lines[a - 1]!.text) && !drop.has(a - 1)) a--;
    while (b < lines.length - 1 && b - i < 4 && headerish(lines[b + 1]!.text)) b++;
    for (let k = a; k <= b; k++) {
      drop.add(k);
      harvest(lines[k]!.text);
    }
  });
  // a header on one line, in columns: "Kommunstyrelsen    SAMMANTRÄDESPROTOKOLL    2021-03-15    3 (12)"
  lines.forEach((l, i) => {
    const cells = l.raw
      .split(/\s{2,}|\t/)
      .map((c) => c.trim())
      .filter(Boolean);
    if (cells.length >= 2 && cells.some(isFurniture) && cells.every(headerish)) {
      drop.add(i);
      cells.forEach(harvest);
    }
  });
  // Lines repeated on many pages (short, identical) that look like header lines.
  // the same header on every page, its page number aside ("Kommunstyrelsen 2021-03-15 Sida 3 (12)")
  const key = (t: string) =>
    t
      .replace(/\b(sida|sid\.?|blad)\s*\d+(\s*(av|\(|\/)\s*\d+\)?)?|\b\d+\s*\(\s*\d+\s*\)/gi, "#")
      .trim();
  const counts = new Map<string, number>();
  for (const l of lines)
    if (l.text.length <= 100) counts.set(key(l.text), (counts.get(key(l.text)) ?? 0) + 1);
  // bare numbers alone on a line that count up through the document are page numbers
  const bare = lines.flatMap((l, i) => (/^\d{1,3}$/.test(l.text) ? [{ i, n: +l.text }] : []));
  const rising = bare.filter((b, k) =>
    bare.some((o, m) => m !== k && Math.abs(o.n - b.n) === 1 && (o.n - b.n) * (o.i - b.i) > 0),
  );
  if (rising.length >= 3) for (const b of rising) drop.add(b.i);
  lines.forEach((l, i) => {
    if (CONTINUED_ITEM_RE.test(l.text)) drop.add(i);
    const hb = HEADER_WITH_BODY_RE.exec(l.text);
    if (hb && (BODY_NAME_RE.test(hb[1]!) || isDateLine(hb[1]!))) {
      drop.add(i);
      harvest(hb[1]!);
    }
    if (isPageNumber(l.text)) drop.add(i);
    // the organisation's footer: address, telephone, web, organisation number
    if (
      (counts.get(key(l.text)) ?? 0) >= 2 &&
      /(^|\s)(www\.|telefon|tfn|tel\.|postadress|besöksadress|e-post|org\.?\s?nr|organisationsnummer)/i.test(
        l.text,
      )
    )
      drop.add(i);
    if (/^[_.…=*~–—-]{3,}$/.test(l.text.replace(/\s/g, ""))) {
      drop.add(i); // signature and separator rules
      if (/^_{5,}$/.test(l.text.replace(/\s/g, ""))) rules.add(i);
    }
    const n = counts.get(key(l.text)) ?? 0;
    if (
      n >= 3 &&
      (findDate(l.text) ||
        /\b(sammanträdes)?protokoll(et|sutdrag)?\b|\bsida\b|\b(kommun|stad|region)$/i.test(
          l.text,
        ) ||
        BODY_NAME_RE.test(l.text)) &&
      !/[.:;]$/.test(l.text) &&
      !/^§/.test(l.text) &&
      // "Förslag till beslut i kommunstyrelsen" in many §§ ends like a body's name but heads a section
      !isSectionHeading(l.text)
    ) {
      drop.add(i);
      harvest(l.text);
    }
    // a label alone repeated on every page ("Datum" above the date of a running header)
    if (n >= 3 && /^(datum|sammanträdesdatum|mötesdatum)$/i.test(l.text)) drop.add(i);
  });

  // A page break inside a paragraph leaves blank space around the header; after a removed
  // header the paragraph only breaks if the text before it ended a sentence.
  const out: Line[] = [];
  let afterDropped = false;
  let afterRule = false;
  lines.forEach((l, i) => {
    if (drop.has(i)) {
      removed.push(l.text);
      afterDropped = true;
      if (rules.has(i)) afterRule = true;
      return;
    }
    const prev = out[out.length - 1];
    const breakBefore =
      afterRule ||
      (afterDropped ? l.breakBefore && !!prev && /[.!?:;”"]$/.test(prev.text) : l.breakBefore);
    out.push(
      afterRule
        ? { text: l.text, raw: l.raw, breakBefore, ruleBefore: true }
        : { text: l.text, raw: l.raw, breakBefore },
    );
    afterDropped = false;
    afterRule = false;
  });
  return { lines: out, header, removed };
}
