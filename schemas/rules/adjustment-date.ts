/**
 * adjustment-date: the justering date is on or after the meeting date and at most 14 days after it
 * (KL 5:69; 6:35 for nämnder); a 14th day on a weekend, holiday, midsommar-, jul- or nyårsafton
 * moves to the next weekday (lag 1930:173). Uses schemas/deadlines.ts.
 */
import { daysBetween, parseIsoDate, swedishLongDate } from "../dates.js";
import { ADJUSTMENT_MAX_DAYS, deadlines } from "../deadlines.js";
import { problem } from "./helpers.js";
import type { DocumentRule } from "./types.js";

export const adjustmentDate: DocumentRule = {
  id: "adjustment-date",
  severity: "error",
  scope: "document",
  kinds: ["protokoll"],
  check(ctx) {
    const meeting = ctx.meta.meeting.date;
    const adjusted = ctx.meta.adjustment.date;
    const at = (message: string) => [problem(this, { message, item: null, from: 0, to: 0 })];
    if (!meeting || !parseIsoDate(meeting))
      return at("Sammanträdets datum saknas. Det behövs för justeringsdagen och anslaget.");
    if (!adjusted || !parseIsoDate(adjusted)) return at("Dag för justering är inte angiven.");
    const days = daysBetween(meeting, adjusted);
    if (days < 0)
      return at(
        `Justeringsdagen (${swedishLongDate(adjusted)}) ligger före sammanträdet (${swedishLongDate(meeting)}).`,
      );
    const by = deadlines(meeting, adjusted, null).adjustmentBy!;
    if (adjusted > by)
      return at(
        `Justeringen ska ske senast ${ADJUSTMENT_MAX_DAYS} dagar efter sammanträdet, det vill säga senast ${swedishLongDate(by)}; angiven dag är ${swedishLongDate(adjusted)}.`,
      );
    return [];
  },
};
