/**
 * written-reservation-deadline: a written motivation of a reservation arrived before the time set
 * for justering (KL 4 kap. 27 §). Compared by date with meta.adjustment.date (a motivation that
 * came in on the justering day itself is accepted: the time of day of justering is not recorded).
 */
import { swedishLongDate } from "../dates.js";
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
    for (const r of ofType(ctx, "reservation")) {
      if (!r.node.attrs.written) continue;
      const who = namesOf(ctx.persons, idsOf(r.node, "reservants")) || "reservanten";
      const received = r.node.attrs.receivedAt as string | null;
      if (!received) {
        out.push(atBlock(this, ctx, r, `Den skriftliga reservationen från ${who} i ${ctx.label}: ange när motiveringen kom in.`));
        continue;
      }
      if (adjustment && received.slice(0, 10) > adjustment)
        out.push(
          atBlock(this, ctx, r, `Den skriftliga motiveringen från ${who} i ${ctx.label} kom in ${swedishLongDate(received.slice(0, 10))}, efter justeringen ${swedishLongDate(adjustment)}. Den ska lämnas före justeringen.`),
        );
    }
    return out;
  },
};
