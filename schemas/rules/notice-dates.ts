/**
 * notice-dates: the notice of justering is posted at the latest the 2nd day after justering (KL
 * 8:12; a last day on a weekend or holiday moves to the next weekday, lag 1930:173), it stays up
 * the whole appeal period (KL 13:5), and it says where the protocol is kept. A § justerad at the
 * meeting (omedelbar justering) has its own anslag (`meta.itemNotices`), checked the same way from
 * its own justering. The day the notice is taken down is not in the model, so it is shown (the day
 * after the appeal period, schemas/deadlines.ts) rather than checked.
 */
import { parseIsoDate, swedishLongDate } from "../dates.js";
import { deadlines, itemDeadlines } from "../deadlines.js";
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
    const at = (
      message: string,
      item: string | null = null,
      from = 0,
      to = 0,
      severity?: "warning",
    ) => problem(this, { message, item, from, to, ...(severity ? { severity } : {}) });
    const { notice, adjustment, meeting } = ctx.meta;
    // Omedelbart justerade §§: their own anslag, from their own justering.
    for (const it of ctx.items) {
      const justeredAtMeeting = ctx.history?.some((h) => h.kind === "adjusted" && h.item === it.id);
      if (!justeredAtMeeting) continue;
      const d = itemDeadlines({ meta: ctx.meta, history: ctx.history ?? [] }, it.id);
      const posted = ctx.meta.itemNotices?.find((n) => n.item === it.id)?.posted ?? null;
      const label = `§ ${it.number}`;
      if (!posted) {
        if (ctx.meta.status === "adjusted")
          out.push(
            at(
              `${label} justerades omedelbart; ange när dess anslag sattes upp (senast ${swedishLongDate(d.noticeBy ?? "")}).`,
              it.id,
              it.pos,
              it.pos + it.node.nodeSize,
              "warning",
            ),
          );
        continue;
      }
      if (d.adjusted && posted < d.adjusted)
        out.push(
          at(
            `Anslaget för ${label} är daterat ${swedishLongDate(posted)}, före paragrafens justering ${swedishLongDate(d.adjusted)}.`,
            it.id,
            it.pos,
            it.pos + it.node.nodeSize,
          ),
        );
      else if (d.noticeBy && posted > d.noticeBy)
        out.push(
          at(
            `Anslaget för ${label} sattes upp ${swedishLongDate(posted)}, men ska sättas upp senast andra dagen efter den omedelbara justeringen (${swedishLongDate(d.noticeBy)}).`,
            it.id,
            it.pos,
            it.pos + it.node.nodeSize,
          ),
        );
    }
    if (ctx.meta.status !== "adjusted") return out;
    if (!notice.keptAt?.trim())
      out.push(at("Anslaget ska ange var protokollet förvaras – förvaringsplats saknas."));
    const posted = notice.posted;
    if (posted && parseIsoDate(posted) && adjustment.date && parseIsoDate(adjustment.date)) {
      const d = deadlines(meeting.date, adjustment.date, posted);
      if (posted < adjustment.date)
        out.push(
          at(
            `Anslaget är daterat ${swedishLongDate(posted)}, före justeringen ${swedishLongDate(adjustment.date)}.`,
          ),
        );
      else if (d.noticeBy && posted > d.noticeBy)
        out.push(
          at(
            `Anslaget sattes upp ${swedishLongDate(posted)}, men ska sättas upp senast andra dagen efter justeringen (${swedishLongDate(d.noticeBy)}).`,
          ),
        );
    }
    return out;
  },
};
