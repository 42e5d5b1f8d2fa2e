/**
 * decision-unconfirmed: a § created from the kallelse carries the förslag till beslut as its standing
 * beslut; until the secretary confirms that this is what was decided (or writes what was), the §
 * is listed in `meta.unconfirmed` and reported here, so a förslag is never exported as a beslut.
 */
import { atItem } from "./helpers.js";
import type { ItemRule } from "./types.js";

export const decisionUnconfirmed: ItemRule = {
  id: "decision-unconfirmed",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    if (!ctx.meta.unconfirmed?.includes(ctx.item.id)) return [];
    return [
      atItem(
        this,
        ctx,
        `${ctx.label}: beslutet är förslaget från kallelsen och är inte bekräftat. Bekräfta beslutet eller skriv det som beslutades.`,
      ),
    ];
  },
};
