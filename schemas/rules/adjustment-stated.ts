/**
 * adjustment-stated: the protocol states the time and place of justering and who justerar (KL 5:69,
 * practice): either in a "Val av justerare" § or on the front page, which the exports print from
 * `meta.adjusters` and `meta.adjustment` (many municipalities write it there, not as a §). The day
 * itself is checked by adjustment-date and the justerare by adjusters; this says what is missing
 * from what the protocol tells its reader.
 */
import { problem, textOf } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentRule } from "./types.js";

/** A § about the choice of justerare: its title or text speaks of justerare or justering. */
const adjustmentItemPattern = /justera/i;

export const adjustmentStated: DocumentRule = {
  id: "adjustment-stated",
  severity: "warning",
  scope: "document",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const at = (message: string) => problem(this, { message, item: null, from: 0, to: 0 });
    if (!ctx.meta.adjustment.place?.trim())
      out.push(at("Protokollet anger inte var justeringen sker."));
    const hasItem = ctx.items.some((it) => adjustmentItemPattern.test(textOf(it.node)));
    if (ctx.items.length > 0 && !hasItem && ctx.meta.adjusters.length === 0)
      out.push(
        at(
          "Protokollet anger inte vem som justerar: utse justerare i Mötesuppgifter eller skriv en paragraf om val av justerare och tid och plats för justering.",
        ),
      );
    return out;
  },
};
