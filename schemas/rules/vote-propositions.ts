/**
 * vote-propositions: the propositions (ja/nej) name proposals that exist in the §, and the order in
 * which the chair put them is recorded in a beslutsordning (KL 5:67 p2–3).
 */
import { addProcedureFix, atBlock, ofType } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

export const voteProposition: ItemRule = {
  id: "vote-propositions",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const votes = ofType(ctx, "vote");
    if (votes.length === 0) return out;
    for (const v of votes) {
      for (const side of ["yes", "no"] as const) {
        const id = v.node.attrs[side] as string | null;
        const word = side === "yes" ? "Ja" : "Nej";
        if (!id)
          out.push(
            atBlock(
              this,
              ctx,
              v,
              `${word}-propositionen i omröstningen i ${ctx.label} anger inget förslag.`,
            ),
          );
        else if (!ctx.proposals.has(id))
          out.push(
            atBlock(
              this,
              ctx,
              v,
              `${word}-propositionen i ${ctx.label} anger ett yrkande som inte finns i paragrafen.`,
            ),
          );
        else if (ctx.proposals.get(id)!.node.attrs.withdrawn)
          out.push(
            atBlock(
              this,
              ctx,
              v,
              `${word}-propositionen i ${ctx.label} anger ett yrkande som togs tillbaka.`,
            ),
          );
      }
      if (v.node.attrs.yes && v.node.attrs.yes === v.node.attrs.no)
        out.push(
          atBlock(this, ctx, v, `Ja- och nej-propositionen i ${ctx.label} anger samma förslag.`),
        );
    }
    const procedures = ofType(ctx, "decision_procedure");
    const active = ofType(ctx, "proposal").filter((p) => !p.node.attrs.withdrawn);
    if (procedures.length === 0 && active.length <= 1) {
      const first = votes[0]!;
      const order = [first.node.attrs.yes, first.node.attrs.no].filter(
        (x): x is string => typeof x === "string" && ctx.proposals.has(x),
      );
      out.push(
        atBlock(
          this,
          ctx,
          first,
          `${ctx.label} har en omröstning men ingen beslutsordning som visar i vilken ordning ordföranden ställde förslagen.`,
          { fix: addProcedureFix(first.pos, order) },
        ),
      );
    }
    for (const p of procedures) {
      const order = p.node.attrs.order as string[];
      for (const v of votes)
        for (const id of [v.node.attrs.yes, v.node.attrs.no] as (string | null)[])
          if (id && ctx.proposals.has(id) && order.length > 0 && !order.includes(id))
            out.push(
              atBlock(
                this,
                ctx,
                p,
                `Beslutsordningen i ${ctx.label} nämner inte ett av de förslag som ställdes mot varandra i omröstningen.`,
              ),
            );
    }
    return out;
  },
};
