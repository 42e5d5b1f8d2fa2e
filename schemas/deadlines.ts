/**
 * The legal calendar: deadlines after a meeting, computed from the dates in `meta`.
 * - justering at most 14 days after the meeting (KL 5:69; 6:35 for nämnder);
 * - the notice (anslag) posted at the latest the 2nd day after justering (KL 8:12);
 * - the appeal period: three weeks from the day the notice was posted (KL 13:5).
 * Every one of them is a statutory last day, so lag (1930:173) om beräkning av lagstadgad tid,
 * 2 §, applies to all three alike: a last day on a Saturday, Sunday, public holiday,
 * midsommarafton, julafton or nyårsafton moves to the next weekday (`statutoryLastDay`).
 * The notice stays up the whole appeal period: it may be taken down the day after it ends at the
 * earliest. A § justerad at the meeting (omedelbar justering) has its own anslag and appeal period
 * (`itemDeadlines`).
 */
import { addDays, parseIsoDate, toIsoDate } from "./dates.js";
import type { HistoryEntry, Meta } from "./meta.js";

/** Easter Sunday (Gregorian, anonymous algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100;
  const d = Math.floor(b / 4),
    e = b % 4,
    f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30,
    i = Math.floor(c / 4),
    k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
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

/** Swedish public holidays (allmänna helgdagar) of a year, and the days lag (1930:173) treats like them. */
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

/**
 * The statutory last day `days` days after `from`, moved past Saturdays, Sundays, public holidays,
 * midsommarafton, julafton and nyårsafton to the next weekday (lag (1930:173) 2 §). The one
 * function every deadline here goes through: justering, anslag and the appeal period.
 */
export function statutoryLastDay(from: string, days: number): string {
  return nextWorkingDay(addDays(from, days));
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
  /** Whether `noticePosted` is the recorded posting date (false: an estimate, to be shown as "senast …"). */
  noticePostedRecorded: boolean;
  /** Last day of the appeal period (the latest possible one while the posting date is not recorded). */
  appealEnds: string | null;
  /** The earliest day the notice may be taken down: the day after the appeal period ends. */
  noticeDown: string | null;
}

const valid = (iso: string | null | undefined): iso is string =>
  !!iso && parseIsoDate(iso) !== null;

export function deadlines(
  meeting: string | null,
  adjusted: string | null,
  posted: string | null,
): Deadlines {
  const adjustmentBy = valid(meeting) ? statutoryLastDay(meeting, ADJUSTMENT_MAX_DAYS) : null;
  const noticeBy = valid(adjusted)
    ? statutoryLastDay(adjusted, NOTICE_MAX_DAYS_AFTER_ADJUSTMENT)
    : null;
  const noticePostedRecorded = valid(posted);
  const noticePosted = noticePostedRecorded ? posted : noticeBy;
  const appealEnds = noticePosted ? statutoryLastDay(noticePosted, APPEAL_WEEKS * 7) : null;
  const noticeDown = appealEnds ? addDays(appealEnds, 1) : null;
  return { adjustmentBy, noticeBy, noticePosted, noticePostedRecorded, appealEnds, noticeDown };
}

/** The protocol's own deadlines (justering of the whole protocol and its anslag). */
function protocolDeadlines(meta: Pick<Meta, "meeting" | "adjustment" | "notice">): Deadlines {
  return deadlines(meta.meeting.date, meta.adjustment.date, meta.notice.posted);
}

export interface ItemDeadlines extends Deadlines {
  /** The § was justerad at the meeting (omedelbar justering) or is marked for it. */
  immediate: boolean;
  /** The day the § was (or, marked but not yet justerad, will be) justerad. */
  adjusted: string | null;
}

/**
 * A §'s anslag and appeal period. A § justerad at the meeting (omedelbar justering: marked
 * `immediate`, or with an `adjusted` history entry of its own) is made known by its own anslag, at
 * the latest the 2nd day after its justering, and its appeal period runs from that anslag; the
 * posting date is `meta.itemNotices`. Other §§ share the protocol's dates. Pure: the extract
 * renderer and the Justering panel both call it.
 */
export function itemDeadlines(
  file: {
    meta: Pick<Meta, "meeting" | "adjustment" | "notice" | "itemNotices">;
    history: readonly Pick<HistoryEntry, "kind" | "item" | "at">[];
  },
  itemId: string,
  marked = false,
): ItemDeadlines {
  const entry = file.history.find((h) => h.kind === "adjusted" && h.item === itemId);
  if (entry || marked) {
    const adjusted = entry ? entry.at.slice(0, 10) : file.meta.meeting.date;
    const posted = file.meta.itemNotices?.find((n) => n.item === itemId)?.posted ?? null;
    return {
      ...deadlines(file.meta.meeting.date, valid(adjusted) ? adjusted : null, posted),
      immediate: true,
      adjusted: valid(adjusted) ? adjusted : null,
    };
  }
  return {
    ...protocolDeadlines(file.meta),
    immediate: false,
    adjusted: valid(file.meta.adjustment.date) ? file.meta.adjustment.date : null,
  };
}

export { toIsoDate };
