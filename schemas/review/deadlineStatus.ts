/**
 * The deadlines after a meeting as the UI and the CLI show them, on a given day: the justering
 * countdown (at most 14 days after the meeting), the last day for the notice on the anslagstavla
 * (2nd day after justering) and the end of the appeal period (3 weeks from the notice), each moved
 * past weekends and holidays (lag 1930:173). A posting date that is not recorded is never shown as
 * fact: the appeal period then ends "senast …". The dates come from schemas/deadlines.ts; this adds the countdown and
 * the Swedish sentences ("Justering senast tisdag den 8 september 2020 (5 dagar kvar)").
 */
import { daysBetween, parseIsoDate, swedishLongDate } from "../dates.js";
import { deadlines, swedishHolidays, type Deadlines } from "../deadlines.js";
import type { Meta } from "../meta.js";

export type DeadlineState = "upcoming" | "today" | "overdue" | "done" | "unknown";

export interface DeadlineLine {
  kind: "adjustment" | "notice" | "appeal";
  /** The deadline (ISO), or null when it cannot be computed yet. */
  date: string | null;
  /** Days from `today` to `date` (negative when past); null when not counting down. */
  daysLeft: number | null;
  state: DeadlineState;
  /** Swedish sentence for the UI and the CLI. */
  sentence: string;
}

export interface DeadlineStatus extends Deadlines {
  today: string;
  adjustment: DeadlineLine;
  notice: DeadlineLine;
  appeal: DeadlineLine;
}

/** "tisdag den 8 september 2020", with the holiday's name when the day is one ("fredag den 1 januari 2027 (nyårsdagen)"). */
export function longDay(iso: string): string {
  const d = parseIsoDate(iso);
  const holiday = d ? swedishHolidays(d.getUTCFullYear()).get(iso) : undefined;
  return swedishLongDate(iso, { weekday: true }) + (holiday ? ` (${holiday})` : "");
}

/** "(5 dagar kvar)", "(1 dag kvar)", "(i dag)", "(för 3 dagar sedan)". */
export function countdown(days: number): string {
  if (days === 0) return "(i dag)";
  if (days > 0) return `(${days} ${days === 1 ? "dag" : "dagar"} kvar)`;
  return `(för ${-days} ${days === -1 ? "dag" : "dagar"} sedan)`;
}

const stateOf = (days: number): DeadlineState =>
  days > 0 ? "upcoming" : days === 0 ? "today" : "overdue";

export function deadlineStatus(meta: Meta, today: string): DeadlineStatus {
  if (!parseIsoDate(today)) throw new RangeError(`Ogiltigt datum: ${today}`);
  const adjusted =
    meta.status === "adjusted" && meta.adjustment.date && parseIsoDate(meta.adjustment.date)
      ? meta.adjustment.date
      : null;
  const posted = meta.notice.posted && parseIsoDate(meta.notice.posted) ? meta.notice.posted : null;
  const d = deadlines(meta.meeting.date, adjusted, posted);

  let adjustment: DeadlineLine;
  if (!d.adjustmentBy)
    adjustment = {
      kind: "adjustment",
      date: null,
      daysLeft: null,
      state: "unknown",
      sentence: "Mötesdatum saknas – fristen för justering kan inte räknas ut.",
    };
  else if (adjusted) {
    const late = daysBetween(d.adjustmentBy, adjusted) > 0;
    adjustment = {
      kind: "adjustment",
      date: d.adjustmentBy,
      daysLeft: null,
      state: "done",
      sentence: `Justerat ${longDay(adjusted)}${late ? ` – efter fristen, som gick ut ${longDay(d.adjustmentBy)}` : ""}.`,
    };
  } else {
    const days = daysBetween(today, d.adjustmentBy);
    adjustment = {
      kind: "adjustment",
      date: d.adjustmentBy,
      daysLeft: days,
      state: stateOf(days),
      sentence:
        days >= 0
          ? `Justering senast ${longDay(d.adjustmentBy)} ${countdown(days)}.`
          : `Fristen för justering gick ut ${longDay(d.adjustmentBy)} ${countdown(days)}.`,
    };
  }

  let notice: DeadlineLine;
  if (posted)
    notice = {
      kind: "notice",
      date: d.noticeBy,
      daysLeft: null,
      state: "done",
      sentence: `Anslaget sattes upp ${longDay(posted)} och tas ned tidigast ${longDay(d.noticeDown!)}.`,
    };
  else if (!d.noticeBy)
    notice = {
      kind: "notice",
      date: null,
      daysLeft: null,
      state: "unknown",
      sentence: "Anslaget ska sättas upp på anslagstavlan senast andra dagen efter justeringen.",
    };
  else {
    const days = daysBetween(today, d.noticeBy);
    notice = {
      kind: "notice",
      date: d.noticeBy,
      daysLeft: days,
      state: stateOf(days),
      sentence:
        days >= 0
          ? `Anslag på anslagstavlan senast ${longDay(d.noticeBy)} ${countdown(days)}.`
          : `Anslaget skulle ha satts upp senast ${longDay(d.noticeBy)} ${countdown(days)}.`,
    };
  }

  let appeal: DeadlineLine;
  if (!d.appealEnds)
    appeal = {
      kind: "appeal",
      date: null,
      daysLeft: null,
      state: "unknown",
      sentence: "Överklagandetiden är tre veckor från den dag anslaget sätts upp.",
    };
  else {
    const days = daysBetween(today, d.appealEnds);
    // Not yet posted: the appeal period ends at the latest three weeks after the last day for the anslag.
    const estimate = posted ? "" : ` (om anslaget sätts upp senast ${longDay(d.noticePosted!)})`;
    const latest = posted ? "" : "senast ";
    appeal = {
      kind: "appeal",
      date: d.appealEnds,
      daysLeft: days,
      state: days < 0 ? "done" : stateOf(days),
      sentence:
        days >= 0
          ? `Överklagandetiden går ut ${latest}${longDay(d.appealEnds)}${estimate} ${countdown(days)}.`
          : posted
            ? `Överklagandetiden gick ut ${longDay(d.appealEnds)} – anslaget kan tas ned.`
            : `Överklagandetiden gick ut senast ${longDay(d.appealEnds)} (om anslaget sattes upp senast ${longDay(d.noticePosted!)}).`,
    };
  }
  return { ...d, today, adjustment, notice, appeal };
}
