/**
 * interpellation-timing: an interpellation bör besvaras vid det sammanträde som följer närmast
 * efter det där den ställdes (KL 5:63). Needs the body's meeting dates from the workspace (rule
 * context) and the date it was asked (`interpellation.asked`); without them that part is silent.
 * The answer's own date is checked against the meeting where it is answered (`interpellation.meeting`):
 * not after it — that needs only the file.
 */
import { swedishLongDate } from "../dates.js";
import { problem } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentRule } from "./types.js";

export const interpellationTiming: DocumentRule = {
  id: "interpellation-timing",
  severity: "warning",
  scope: "document",
  kinds: ["interpellationssvar"],
  check(ctx) {
    const out: Problem[] = [];
    const dates = ctx.context?.meetingDates;
    const ip = ctx.meta.interpellation;
    if (!ip) return out;
    const at = (message: string) => problem(this, { message, item: null, from: 0, to: 0 });
    // The answer's own date against the meeting where it is given: the file alone says this.
    if (ip.meeting && ip.date && ip.date > ip.meeting)
      out.push(
        at(
          `Svaret är daterat ${swedishLongDate(ip.date)}, efter sammanträdet ${swedishLongDate(ip.meeting)} där det besvaras.`,
        ),
      );
    // "The meeting following the one where it was asked" needs the body's meeting dates (rule context).
    if (!dates) return out;
    const answeredAt = ip.meeting ?? (ip.date ? (dates.find((d) => d >= ip.date!) ?? null) : null);
    if (ip.asked && answeredAt) {
      const next = dates.find((d) => d > ip.asked!);
      if (next && answeredAt > next)
        out.push(
          at(
            `Interpellationen ställdes ${swedishLongDate(ip.asked)} och bör besvaras vid närmast följande sammanträde, ${swedishLongDate(next)}; den besvaras ${swedishLongDate(answeredAt)}.`,
          ),
        );
    }
    return out;
  },
};
