/**
 * Deadlines after a meeting, computed from the dates in `meta`:
 * - justering at most 14 days after the meeting (KL 5:69, per municipal guides);
 * - the notice (anslag) posted at the latest the 2nd day after justering (KL 8:12);
 * - the appeal period: three weeks from the day the notice was posted (KL 13:5); a period that
 *   ends on a Saturday, Sunday or public holiday ends on the next weekday
 *   (lag (1930:173) om beräkning av lagstadgad tid).
 */
import { addDays, parseIsoDate, toIsoDate } from "./dates.js";

/** Easter Sunday (Gregorian, anonymous algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(new Date(Date.UTC(year, month - 1, day)));
}

/** The Saturday in a date range (midsommardagen, alla helgons dag). */
function saturdayBetween(year: number, month: number, fromDay: number): string {
  for (let day = fromDay; day < fromDay + 7; day++) {
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCDay() === 6) return toIsoDate(d);
  }
  throw new Error("unreachable");
}

/** Swedish public holidays (allmänna helgdagar) of a year, and the days treated like them for deadlines. */
export function swedishHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year);
  const midsummerDay = saturdayBetween(year, 6, 20);
  const y = String(year);
  return new Map<string, string>([
    [`${y}-01-01`, "nyårsdagen"],
    [`${y}-01-06`, "trettondedag jul"],
    [addDays(easter, -2), "långfredagen"],
    [easter, "påskdagen"],
    [addDays(easter, 1), "annandag påsk"],
    [`${y}-05-01`, "första maj"],
    [addDays(easter, 39), "Kristi himmelsfärdsdag"],
    [addDays(easter, 49), "pingstdagen"],
    [`${y}-06-06`, "Sveriges nationaldag"],
    [addDays(midsummerDay, -1), "midsommarafton"],
    [midsummerDay, "midsommardagen"],
    [saturdayBetween(year, 10, 31), "alla helgons dag"],
    [`${y}-12-24`, "julafton"],
    [`${y}-12-25`, "juldagen"],
    [`${y}-12-26`, "annandag jul"],
    [`${y}-12-31`, "nyårsafton"],
  ]);
}

/** A day on which a deadline cannot end: Saturday, Sunday, a public holiday, midsommar-, jul- or nyårsafton. */
export function isNonWorkingDay(iso: string): boolean {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`Ogiltigt datum: ${iso}`);
  const wd = d.getUTCDay();
  return wd === 0 || wd === 6 || swedishHolidays(d.getUTCFullYear()).has(iso);
}

/** The same day or, if it is not a working day, the next one that is. */
export function nextWorkingDay(iso: string): string {
  let day = iso;
  while (isNonWorkingDay(day)) day = addDays(day, 1);
  return day;
}

export const ADJUSTMENT_MAX_DAYS = 14;
export const NOTICE_MAX_DAYS_AFTER_ADJUSTMENT = 2;
export const APPEAL_WEEKS = 3;

export interface Deadlines {
  /** Last day for justering. */
  adjustmentBy: string | null;
  /** Last day to post the notice. */
  noticeBy: string | null;
  /** The day the notice is (or will be) posted: the recorded date, or else the last allowed day. */
  noticePosted: string | null;
  /** Last day of the appeal period; the notice may be taken down after it. */
  appealEnds: string | null;
}

export function deadlines(meeting: string | null, adjusted: string | null, posted: string | null): Deadlines {
  const adjustmentBy = meeting && parseIsoDate(meeting) ? addDays(meeting, ADJUSTMENT_MAX_DAYS) : null;
  const noticeBy = adjusted && parseIsoDate(adjusted) ? addDays(adjusted, NOTICE_MAX_DAYS_AFTER_ADJUSTMENT) : null;
  const noticePosted = posted && parseIsoDate(posted) ? posted : noticeBy;
  const appealEnds = noticePosted ? nextWorkingDay(addDays(noticePosted, APPEAL_WEEKS * 7)) : null;
  return { adjustmentBy, noticeBy, noticePosted, appealEnds };
}

export { toIsoDate };
