/**
 * written-reservation-deadline: a written motivation of a reservation arrived before the time set
 * for justering (KL 4 kap. 27 §), or by the earlier day the reglemente sets (`reservationDays`
 * after the meeting). Compared by date (a motivation that came in on the last day itself is
 * accepted: the time of day is not recorded).
 */
import { addDays, parseIsoDate, swedishLongDate } from "../dates.js";
import { atBlock, namesOf, idsOf, ofType } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

export const writtenReservationDeadline: ItemRule = {
  id: "written-reservation-deadline",
  severity: "warning",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const adjustment = ctx.meta.adjustment.date;
    const days = ctx.meta.body.reglemente.reservationDays;
    const meeting = ctx.meta.meeting.date;
    const byReglemente =
      days !== undefined && meeting && parseIsoDate(meeting) ? addDays(meeting, days) : null;
    for (const r of ofType(ctx, "reservation")) {
      if (!r.node.attrs.written) continue;
      const who = namesOf(ctx.persons, idsOf(r.node, "reservants")) || "reservanten";
      const received = r.node.attrs.receivedAt as string | null;
      if (!received) {
        out.push(
          atBlock(
            this,
            ctx,
            r,
            `Den skriftliga reservationen från ${who} i ${ctx.label}: ange när motiveringen kom in.`,
          ),
        );
        continue;
      }
      if (
        byReglemente &&
        (!adjustment || byReglemente < adjustment) &&
        received.slice(0, 10) > byReglemente
      )
        out.push(
          atBlock(
            this,
            ctx,
            r,
            `Den skriftliga motiveringen från ${who} i ${ctx.label} kom in ${swedishLongDate(received.slice(0, 10))}, men reglementet kräver den senast ${swedishLongDate(byReglemente)}.`,
          ),
        );
      else if (adjustment && received.slice(0, 10) > adjustment)
        out.push(
          atBlock(
            this,
            ctx,
            r,
            `Den skriftliga motiveringen från ${who} i ${ctx.label} kom in ${swedishLongDate(received.slice(0, 10))}, efter justeringen ${swedishLongDate(adjustment)}. Den ska lämnas före justeringen.`,
          ),
        );
    }
    return out;
  },
};
