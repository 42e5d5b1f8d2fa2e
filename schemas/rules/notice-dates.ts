/**
 * notice-dates: the notice of justering is posted at the latest the 2nd day after justering, it
 * stays up the 3 weeks of the appeal period, and it says where the protocol is kept (KL 8:12,
 * 13:5). Checked once the protocol is justerat. The day the notice is taken down is not in the
 * model, so "stays up 3 weeks" is shown (the last day of appeal) rather than checked.
 */
import { parseIsoDate, swedishLongDate } from "../dates.js";
import { deadlines } from "../deadlines.js";
import { problem } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentRule } from "./types.js";

export const noticeDates: DocumentRule = {
  id: "notice-dates",
  severity: "error",
  scope: "document",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    if (ctx.meta.status !== "adjusted") return out;
    const at = (message: string) => problem(this, { message, item: null, from: 0, to: 0 });
    const { notice, adjustment, meeting } = ctx.meta;
    if (!notice.keptAt?.trim()) out.push(at("Anslaget ska ange var protokollet förvaras – förvaringsplats saknas."));
    const posted = notice.posted;
    if (posted && parseIsoDate(posted) && adjustment.date && parseIsoDate(adjustment.date)) {
      const d = deadlines(meeting.date, adjustment.date, posted);
      if (posted < adjustment.date) out.push(at(`Anslaget är daterat ${swedishLongDate(posted)}, före justeringen ${swedishLongDate(adjustment.date)}.`));
      else if (d.noticeBy && posted > d.noticeBy)
        out.push(at(`Anslaget sattes upp ${swedishLongDate(posted)}, men ska sättas upp senast andra dagen efter justeringen (${swedishLongDate(d.noticeBy)}).`));
    }
    return out;
  },
};
