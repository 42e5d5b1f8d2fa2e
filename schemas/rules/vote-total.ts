/**
 * vote-total: ja + nej + avstår equals the number serving for that § (derived). With the individual
 * votes recorded, the recorded totals (tally) must also agree with them.
 */
import { ballotsOf, voteCount } from "../generated.js";
import { atBlock, ofType } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

export const voteTotal: ItemRule = {
  id: "vote-total",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    for (const v of ofType(ctx, "vote")) {
      const ballots = ballotsOf(v.node);
      const tally = v.node.attrs.tally as { ja: number; nej: number; avstår: number } | null;
      const c = voteCount(v.node);
      const total = c.ja + c.nej + c.avstår;
      if (ballots.length > 0 && tally) {
        const fromBallots = { ja: 0, nej: 0, avstår: 0 };
        for (const b of ballots) fromBallots[b.vote]++;
        if (
          fromBallots.ja !== tally.ja ||
          fromBallots.nej !== tally.nej ||
          fromBallots.avstår !== tally.avstår
        )
          out.push(
            atBlock(
              this,
              ctx,
              v,
              `Röstsiffrorna i ${ctx.label} (${tally.ja} ja, ${tally.nej} nej, ${tally.avstår} avstår) stämmer inte med de enskilda rösterna (${fromBallots.ja} ja, ${fromBallots.nej} nej, ${fromBallots.avstår} avstår).`,
              {
                fix: {
                  label: "Räkna om från rösterna",
                  action: { type: "set-attrs", pos: v.pos, attrs: { tally: fromBallots } },
                },
              },
            ),
          );
      }
      if (!ctx.known || (ballots.length === 0 && !tally)) continue;
      const serving = ctx.att.serving.size;
      if (total !== serving)
        out.push(
          atBlock(
            this,
            ctx,
            v,
            `Omröstningen i ${ctx.label} har ${total} röster (ja, nej och avstår) men ${serving} tjänstgjorde.`,
          ),
        );
    }
    return out;
  },
};
