/**
 * authority-decision: a § marked myndighetsutövning mot enskild (`meta.authorityItems`) has a
 * motivering — the reasons for the decision — and tells how to appeal (överklagandehänvisning),
 * FL 32–33 §§. Recognised from the §'s text; a warning, since both may be in an attachment.
 */
import { atItem, textOf } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

const reasons =
  /\b(?:skäl|motiver|bedöm|eftersom|med hänsyn till|mot bakgrund av|på grund av|då\s+\p{L}+\s+(?:inte|saknar|har|är))/iu;
const appeal = /överklag/i;

export const authorityDecision: ItemRule = {
  id: "authority-decision",
  severity: "warning",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    if (!ctx.meta.authorityItems?.includes(ctx.item.id)) return out;
    const text = textOf(ctx.item.node);
    if (!reasons.test(text))
      out.push(
        atItem(
          this,
          ctx,
          `${ctx.label} är myndighetsutövning mot enskild: beslutet ska motiveras – ange skälen (FL 32 §).`,
        ),
      );
    if (!appeal.test(text))
      out.push(
        atItem(
          this,
          ctx,
          `${ctx.label} är myndighetsutövning mot enskild: ange hur beslutet kan överklagas (FL 33 §).`,
        ),
      );
    return out;
  },
};
