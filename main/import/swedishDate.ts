/** Dates as protocols write them: "2020-08-25", "25 augusti 2020", "den 5 januari 2022", "25/8 2020". */
import { MONTHS, parseIsoDate } from "../../schemas/dates.js";

/** Full names and the abbreviations protocols use ("25 aug. 2020", "3 sept 2021"). */
const monthPattern = `${MONTHS.join("|")}|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec`;
const monthNumber = (m: string) =>
  MONTHS.findIndex((full) => full.startsWith(m.toLowerCase().replace(/\.$/, "").slice(0, 3))) + 1;
/** Matches one date anywhere in a text; group 0 is the date as written. */
export const DATE_RE = new RegExp(
  `\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b|\\b(\\d{1,2})(?::e|:a)?\\s+(${monthPattern})\\.?\\s+(\\d{4})\\b|\\b(\\d{1,2})/(\\d{1,2})\\s+(\\d{4})\\b`,
  "iu",
);

const pad = (n: number) => String(n).padStart(2, "0");

function iso(y: number, m: number, d: number): string | null {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return parseIsoDate(s) ? s : null;
}

/** The first real date in the text as ISO, with where it was found; null if there is none. */
export function findDate(text: string): { iso: string; index: number; length: number } | null {
  const re = new RegExp(DATE_RE.source, "giu");
  for (const m of text.matchAll(re)) {
    let value: string | null = null;
    if (m[1]) value = iso(+m[1], +m[2]!, +m[3]!);
    else if (m[4]) value = iso(+m[6]!, monthNumber(m[5]!), +m[4]);
    else if (m[7]) value = iso(+m[9]!, +m[8]!, +m[7]);
    if (value) return { iso: value, index: m.index ?? 0, length: m[0].length };
  }
  return null;
}

export function toIso(text: string): string | null {
  return findDate(text)?.iso ?? null;
}

/** A line that is nothing but a date (optionally with a weekday and "den"). */
export function isDateLine(text: string): boolean {
  const d = findDate(text);
  if (!d) return false;
  const rest = (text.slice(0, d.index) + text.slice(d.index + d.length)).trim();
  return /^((måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(en)?\s*)?(den\s*)?[,.]?$/i.test(
    rest,
  );
}

/** "kl. 13.00–15.30", "18:00 - 20:15", "klockan 9.00-12.00": start and end as "HH:MM". */
export function findTimes(text: string): { start: string | null; end: string | null } {
  const range =
    /(?:kl(?:\.|ockan)?\s*)?\b(\d{1,2})[.:](\d{2})\s*(?:[-–—]|till)\s*(?:kl(?:\.|ockan)?\s*)?(\d{1,2})[.:](\d{2})\b/iu.exec(
      text,
    );
  const ok = (h: string, m: string) => +h < 24 && +m < 60;
  if (range && ok(range[1]!, range[2]!) && ok(range[3]!, range[4]!))
    return { start: `${pad(+range[1]!)}:${range[2]}`, end: `${pad(+range[3]!)}:${range[4]}` };
  const single = /\bkl(?:\.|ockan)?\s*(\d{1,2})[.:](\d{2})\b/iu.exec(text);
  if (single && ok(single[1]!, single[2]!))
    return { start: `${pad(+single[1]!)}:${single[2]}`, end: null };
  return { start: null, end: null };
}
