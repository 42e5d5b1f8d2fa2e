/**
 * The one detector of Swedish personal identity numbers (personnummer, samordningsnummer) in
 * text. Used by the public version's masking (schemas/render/maskPersonalNumbers.ts) and by the
 * rule confidential-masked, so what validate reports is exactly what the export masks.
 *
 * A personnummer is 10 or 12 digits — ÅÅMMDD NNNK or ÅÅÅÅMMDD NNNK — with between date and
 * number any of: "-", "+" (the holder is 100 or older), an en or em dash, a non-breaking or other
 * Unicode hyphen, a minus sign, a space (also non-breaking or narrow), a separator with spaces
 * around it, or nothing. It counts only when its last digit is the Luhn check digit of the
 * 10-digit form and its date part is a date: month 1–12 and a day that month has (day + 60 for a
 * samordningsnummer; with the century given, 29 February only in a leap year). Dnr, dates,
 * telephone numbers and digit runs with a wrong check digit are not personnummer.
 */

/** Everything that may stand between the date and the last four digits (besides nothing). */
const DASHES = "\\-+\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212\\uFE63\\uFF0D";
const SPACES = " \\u00A0\\u2007\\u202F";
/** Date part, separator, last four. Not inside a longer digit run or right after "1.7.1-" of a Dnr. */
const CANDIDATE = new RegExp(
  `(?<![0-9])(?<![0-9][.\\/${DASHES}])((?:18|19|20)?[0-9]{6})((?:[${SPACES}]?[${DASHES}][${SPACES}]?)|[${SPACES}])?([0-9]{4})(?![0-9])(?![${DASHES}.\\/][0-9])`,
  "g",
);

export interface PersonalNumberMatch {
  /** Offset of the first character (UTF-16 code units) in the searched text. */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** As written. */
  text: string;
  /** The 10-digit form ÅÅMMDDNNNK. */
  digits: string;
}

/** Luhn check of the 10-digit form (the check digit is the last of the ten). */
export function luhnValid(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Is ÅÅMMDD (or ÅÅÅÅMMDD) a date, with day + 60 allowed (samordningsnummer)? */
export function plausibleDate(datePart: string): boolean {
  const full = datePart.length === 8;
  const mmdd = datePart.slice(full ? 4 : 2);
  const month = Number(mmdd.slice(0, 2));
  let day = Number(mmdd.slice(2, 4));
  if (day > 60) day -= 60;
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29 && full) return leap(Number(datePart.slice(0, 4)));
  return day <= DAYS[month - 1]!;
}

/** Every personnummer in `text`, in order. */
export function findPersonalNumbers(text: string): PersonalNumberMatch[] {
  const out: PersonalNumberMatch[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const datePart = m[1]!;
    const digits = (datePart.length === 8 ? datePart.slice(2) : datePart) + m[3]!;
    if (plausibleDate(datePart) && luhnValid(digits))
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], digits });
  }
  return out;
}

/** Is this string, trimmed, exactly one personnummer? */
export function isPersonalNumber(s: string): boolean {
  const t = s.trim();
  const found = findPersonalNumbers(t);
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === t.length;
}
