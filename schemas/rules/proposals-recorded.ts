/**
 * proposals-recorded: every yrkande made is recorded with who made it, and a beslutsordning exists
 * where there was more than one proposal (KL 5:67 p1–2).
 */
import { addProcedureFix, atBlock, atItem, idsOf, ofType } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

export const proposalsRecorded: ItemRule = {
  id: "proposals-recorded",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const proposals = ofType(ctx, "proposal");
    for (const p of proposals)
      if (idsOf(p.node, "proposers").length === 0)
        out.push(atBlock(this, ctx, p, `Ett yrkande i ${ctx.label} anger inte vem som yrkade.`));
    const active = proposals.filter((p) => !p.node.attrs.withdrawn);
    if (active.length > 1 && ofType(ctx, "decision_procedure").length === 0) {
      const first = proposals[0]!;
      out.push(
        atItem(
          this,
          ctx,
          `${ctx.label} har ${active.length} yrkanden men ingen beslutsordning: ange i vilken ordning ordföranden ställde förslagen och vad nämnden beslutade.`,
          {
            fix: addProcedureFix(
              first.pos,
              active.map((p) => p.node.attrs.id as string),
            ),
          },
        ),
      );
    }
    return out;
  },
};
