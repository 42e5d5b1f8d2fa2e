/**
 * reservant-eligible: a reservant took part in the decision: served for that §, was not jävig, did
 * not abstain (KL 4 kap. 27 §). Without a ledger only staff and abstainers are reported.
 */
import { votersFor } from "../generated.js";
import { atBlock, electedRoles, idsOf, lastVote, nameOf, ofType } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

export const reservantEligible: ItemRule = {
  id: "reservant-eligible",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const last = lastVote(ctx);
    const abstained = new Set(last ? votersFor(last.node, "avstår") : []);
    for (const b of ofType(ctx, "reservation")) {
      for (const id of idsOf(b.node, "reservants")) {
        const name = nameOf(ctx.persons, id);
        const person = ctx.persons.get(id);
        const fix = {
          label: `Ta bort ${name} från reservationen`,
          action: { type: "remove-person" as const, pos: b.pos, attr: "reservants", person: id },
        };
        let message: string | null = null;
        if (person && !electedRoles.has(person.role))
          message = `${name} är inte ledamot eller ersättare och kan därför inte reservera sig i ${ctx.label}.`;
        else if (ctx.att.recused.has(id))
          message = `${name} var jävig i ${ctx.label} och kan därför inte reservera sig.`;
        else if (abstained.has(id))
          message = `${name} avstod från att rösta i ${ctx.label} och kan därför inte reservera sig.`;
        else if (ctx.known && !ctx.att.serving.has(id))
          message = `${name} tjänstgjorde inte när beslutet i ${ctx.label} fattades och kan därför inte reservera sig.`;
        if (message) out.push(atBlock(this, ctx, b, message, { fix }));
      }
    }
    return out;
  },
};
