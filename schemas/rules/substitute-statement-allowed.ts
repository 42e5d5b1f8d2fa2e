/**
 * substitute-statement-allowed: an ersättaryttrande appears only where the reglemente allows it,
 * by a present, non-serving ersättare (reglemente).
 */
import { atBlock, idsOf, nameOf, ofType } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

export const substituteStatementAllowed: ItemRule = {
  id: "substitute-statement-allowed",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    for (const b of ofType(ctx, "substitute_statement")) {
      if (!ctx.meta.body.reglemente.substituteStatements) {
        out.push(
          atBlock(
            this,
            ctx,
            b,
            `${ctx.meta.body.name}s reglemente ger inte ersättare rätt att lämna ersättaryttrande (${ctx.label}).`,
          ),
        );
        continue;
      }
      if (idsOf(b.node, "persons").length === 0)
        out.push(
          atBlock(this, ctx, b, `Ersättaryttrandet i ${ctx.label} anger inte vem som lämnade det.`),
        );
      for (const id of idsOf(b.node, "persons")) {
        const name = nameOf(ctx.persons, id);
        const person = ctx.persons.get(id);
        const fix = {
          label: `Ta bort ${name}`,
          action: { type: "remove-person" as const, pos: b.pos, attr: "persons", person: id },
        };
        if (person && person.role !== "substitute")
          out.push(
            atBlock(
              this,
              ctx,
              b,
              `${name} är inte ersättare och kan inte lämna ersättaryttrande (${ctx.label}).`,
              { fix },
            ),
          );
        else if (ctx.known && ctx.att.serving.has(id))
          out.push(
            atBlock(
              this,
              ctx,
              b,
              `${name} tjänstgjorde i ${ctx.label} och deltog i beslutet – ett ersättaryttrande lämnas bara av en ersättare som inte tjänstgör.`,
              { fix },
            ),
          );
        else if (ctx.known && !ctx.att.present.has(id))
          out.push(
            atBlock(this, ctx, b, `${name} finns inte bland de närvarande i ${ctx.label}.`, {
              fix,
            }),
          );
      }
    }
    return out;
  },
};
