/**
 * reservant-lost: a reservant did not vote for (or propose) the winning proposal — a reservation
 * is against the decision (KL 4 kap. 27 §, its purpose). Silent when the § does not record which
 * proposal won (no vote result and no `adopted` in the beslutsordning).
 */
import { votersFor } from "../generated.js";
import { adoptedProposal, atBlock, idsOf, lastVote, nameOf, ofType, sameCause } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

export const reservantLost: ItemRule = {
  id: "reservant-lost",
  severity: "warning",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const reservations = ofType(ctx, "reservation");
    if (reservations.length === 0) return out;
    const winner = adoptedProposal(ctx);
    const last = lastVote(ctx);
    const result = last?.node.attrs.result as "ja" | "nej" | null | undefined;
    const votedForWinner = new Set(last && result ? votersFor(last.node, result) : []);
    const proposedWinner = new Set<string>();
    if (winner)
      for (const p of ofType(ctx, "proposal"))
        if (!p.node.attrs.withdrawn && sameCause(p.node, winner.node))
          for (const id of idsOf(p.node, "proposers")) proposedWinner.add(id);
    for (const r of reservations)
      for (const id of idsOf(r.node, "reservants")) {
        const name = nameOf(ctx.persons, id);
        if (votedForWinner.has(id))
          out.push(
            atBlock(
              this,
              ctx,
              r,
              `${name} röstade för det förslag som vann i ${ctx.label} men reserverar sig mot beslutet.`,
            ),
          );
        else if (proposedWinner.has(id))
          out.push(
            atBlock(
              this,
              ctx,
              r,
              `${name} yrkade på det förslag som nämnden beslutade enligt i ${ctx.label} men reserverar sig mot beslutet.`,
            ),
          );
      }
    return out;
  },
};
