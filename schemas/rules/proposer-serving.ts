/**
 * proposer-serving: a yrkande is made by someone who serves for that § (KL 6:17, unverified); a
 * non-serving ersättare may not make yrkanden. Without a ledger only staff and others (who can
 * never yrka) are reported. A jävig proposer is reported by recusal-absent instead.
 */
import { electedRoles, idsOf, nameOf, ofType } from "./helpers.js";
import { atBlock } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

export const proposerServing: ItemRule = {
  id: "proposer-serving",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    for (const b of ofType(ctx, "proposal")) {
      for (const id of idsOf(b.node, "proposers")) {
        if (ctx.att.recused.has(id)) continue;
        const person = ctx.persons.get(id);
        const name = nameOf(ctx.persons, id);
        const fix = {
          label: `Ta bort ${name} från yrkandet`,
          action: { type: "remove-person" as const, pos: b.pos, attr: "proposers", person: id },
        };
        if (person && !electedRoles.has(person.role)) {
          out.push(
            atBlock(
              this,
              ctx,
              b,
              `${name} är inte ledamot eller ersättare och kan inte yrka i ${ctx.label}.`,
              { fix },
            ),
          );
          continue;
        }
        if (!ctx.known || ctx.att.serving.has(id)) continue;
        out.push(
          atBlock(
            this,
            ctx,
            b,
            ctx.att.present.has(id)
              ? `${name} tjänstgjorde inte i ${ctx.label} och fick därför inte yrka (en ersättare som inte tjänstgör får yttra sig men inte yrka).`
              : `${name} yrkar i ${ctx.label} men finns inte bland dem som tjänstgjorde.`,
            { fix },
          ),
        );
      }
    }
    return out;
  },
};
