/**
 * adjustment-stated: the protocol states the time and place of justering and who justerar, and has
 * a "Val av justerare" § (KL 5:69, practice). The day itself is checked by adjustment-date and the
 * justerare by adjusters; this says what is missing from what the protocol tells its reader.
 */
import { problem, textOf } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentRule } from "./types.js";

/** A § about the choice of justerare: its title or text speaks of justerare or justering. */
export const adjustmentItemPattern = /justera/i;

export const adjustmentStated: DocumentRule = {
  id: "adjustment-stated",
  severity: "warning",
  scope: "document",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const at = (message: string) => problem(this, { message, item: null, from: 0, to: 0 });
    if (!ctx.meta.adjustment.place?.trim()) out.push(at("Protokollet anger inte var justeringen sker."));
    const hasItem = ctx.items.some((it) => adjustmentItemPattern.test(textOf(it.node)));
    if (ctx.items.length > 0 && !hasItem) out.push(at("Protokollet saknar en paragraf om val av justerare och tid och plats för justering."));
    return out;
  },
};
