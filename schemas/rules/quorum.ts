/**
 * quorum: more than half of the body's ledamöter are present for each § (KL 6:27 for a nämnd,
 * 5:45 for fullmäktige; unverified). Counts those who serve for the § (ledamöter and tjänstgörande
 * ersättare; jäviga are not counted). Needs the ledger and reglemente.members.
 */
import { atItem } from "./helpers.js";
import type { ItemRule } from "./types.js";

export const quorum: ItemRule = {
  id: "quorum",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const members = ctx.meta.body.reglemente.members;
    if (!ctx.known || members === null) return [];
    const serving = ctx.att.serving.size;
    if (serving * 2 > members) return [];
    const needed = Math.floor(members / 2) + 1;
    return [
      atItem(
        this,
        ctx,
        `${ctx.meta.body.name} var inte beslutför i ${ctx.label}: ${serving} av ${members} ledamöter tjänstgjorde, minst ${needed} behövs.`,
      ),
    ];
  },
};
