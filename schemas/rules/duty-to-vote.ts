/**
 * duty-to-vote: in a § that is myndighetsutövning mot enskild (listed in `meta.authorityItems`), a
 * serving member may not abstain — röstplikt (KL 4:24, unverified). Jäviga take no part at all.
 */
import { votersFor } from "../generated.js";
import { atBlock, namesOf, ofType } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

export const dutyToVote: ItemRule = {
  id: "duty-to-vote",
  severity: "warning",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    if (!ctx.meta.authorityItems?.includes(ctx.item.id)) return out;
    for (const v of ofType(ctx, "vote")) {
      const abstained = votersFor(v.node, "avstår").filter((id) => !ctx.att.recused.has(id));
      if (abstained.length)
        out.push(
          atBlock(
            this,
            ctx,
            v,
            `${ctx.label} gäller myndighetsutövning mot enskild, där den som deltar är skyldig att rösta, men ${namesOf(ctx.persons, abstained)} avstod.`,
          ),
        );
    }
    return out;
  },
};
