/**
 * reservation-favouring: a reservation "till förmån för" names a proposal that exists in the §, was
 * not withdrawn and is not the one the body adopted (practice).
 */
import { adoptedProposal, atBlock, ofType, sameCause } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

export const reservationFavouring: ItemRule = {
  id: "reservation-favouring",
  severity: "warning",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const winner = adoptedProposal(ctx);
    for (const r of ofType(ctx, "reservation")) {
      const fav = r.node.attrs.favouring as string | null;
      if (!fav) continue;
      const clear = {
        label: "Ta bort ”till förmån för”",
        action: { type: "set-attrs" as const, pos: r.pos, attrs: { favouring: null } },
      };
      const p = ctx.proposals.get(fav);
      if (!p)
        out.push(
          atBlock(
            this,
            ctx,
            r,
            `Reservationen i ${ctx.label} är till förmån för ett yrkande som inte finns i paragrafen.`,
            { fix: clear },
          ),
        );
      else if (p.node.attrs.withdrawn)
        out.push(
          atBlock(
            this,
            ctx,
            r,
            `Reservationen i ${ctx.label} är till förmån för ett yrkande som togs tillbaka.`,
          ),
        );
      else if (winner && sameCause(p.node, winner.node))
        out.push(
          atBlock(
            this,
            ctx,
            r,
            `Reservationen i ${ctx.label} är till förmån för det förslag som nämnden beslutade enligt.`,
          ),
        );
    }
    return out;
  },
};
