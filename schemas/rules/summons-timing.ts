/**
 * summons-timing: the kallelse goes out early enough before the meeting — the reglemente's number
 * of days (Reglemente.summonsDays), else a week for fullmäktige (whose time, place and ärenden are
 * posted at least a week before, KL 5 kap.) and five days for other bodies. Counted backwards from
 * the meeting (`latestBefore`), never with the forward-moving legal calendar.
 */
import { swedishLongDate } from "../dates.js";
import { latestBefore, summonsDays } from "../agenda/summonsDeadline.js";
import { problem } from "./helpers.js";
import type { DocumentRule } from "./types.js";

export const summonsTiming: DocumentRule = {
  id: "summons-timing",
  severity: "warning",
  scope: "document",
  kinds: ["kallelse"],
  check(ctx) {
    const meeting = ctx.meta.meeting.date;
    const title = ctx.doc.firstChild?.firstChild;
    const at = { item: null, from: 1, to: 1 + (title?.nodeSize ?? 0) };
    if (!meeting)
      return [problem(this, { ...at, message: "Sammanträdets datum saknas i kallelsen." })];
    const days = summonsDays(ctx.meta.body);
    const latest = latestBefore(meeting, days);
    const issued = ctx.meta.summons?.issued;
    if (!issued)
      return [
        problem(this, {
          ...at,
          message: `Kallelsens datum saknas. Den ska skickas senast ${swedishLongDate(latest, { den: true })} (${days} dagar före sammanträdet).`,
        }),
      ];
    if (issued > latest)
      return [
        problem(this, {
          ...at,
          message: `Kallelsen är daterad ${swedishLongDate(issued, { den: true })}, men ska skickas senast ${swedishLongDate(latest, { den: true })} (${days} dagar före sammanträdet enligt reglementet).`,
        }),
      ];
    if (issued > meeting)
      return [problem(this, { ...at, message: "Kallelsen är daterad efter sammanträdet." })];
    return [];
  },
};
