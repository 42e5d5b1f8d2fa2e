/**
 * confidential-masked: a § marked sekretess carries its OSL reference (the public version replaces
 * the § by it), and personal identity numbers never appear in the public version (OSL, GDPR).
 * The public export masks every valid personnummer it recognises (schemas/render/
 * maskPersonalNumbers.ts); this rule reports the ones written so that the mask would miss them
 * (spaces inside the number) as errors, and the recognised ones in §§ that are not marked
 * sekretess as warnings (they are masked in the public version but stay in the full protocol).
 */
import { luhnValid, maskPersonalNumbers } from "../render/maskPersonalNumbers.js";
import { atItem, problem } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

/** An OSL reference: "OSL 26 kap. 1 §", "26 kap. 1 § offentlighets- och sekretesslagen". */
const oslReference = /\d+\s*kap\.?\s*\d+\s*[a-z]?\s*§|\bOSL\b|offentlighets-\s*och\s*sekretesslagen/i;
/** A personnummer-shaped run with spaces the mask does not accept: "121212 1212", "19121212 - 1212". */
const spaced = /(?<!\d)((?:19|20)?\d{6})\s+[-+]?\s*(\d{4})(?!\d)|(?<!\d)((?:19|20)?\d{6})\s*[-+]\s+(\d{4})(?!\d)/g;
const candidate = /(?<![\d-])((?:19|20)?\d{6})([-+]?)(\d{4})(?!\d)/g;

function plausible(datePart: string, last4: string): boolean {
  const yymmdd = datePart.length === 8 ? datePart.slice(2) : datePart;
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (day > 60) day -= 60;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && luhnValid(yymmdd + last4);
}

export const confidentialMasked: ItemRule = {
  id: "confidential-masked",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const confidential = ctx.item.node.attrs.confidential as string | null;
    if (confidential !== null && !oslReference.test(confidential))
      out.push(
        atItem(this, ctx, `${ctx.label} är markerad med sekretess men ”${confidential}” anger inte bestämmelsen i offentlighets- och sekretesslagen (t.ex. ”OSL 26 kap. 1 §”). Den visas i stället för paragrafen i den offentliga versionen.`),
      );
    const start = ctx.item.pos;
    ctx.item.node.descendants((node, offset) => {
      if (!node.isText) return true;
      const text = node.text ?? "";
      const pos = start + 1 + offset;
      spaced.lastIndex = 0;
      for (let m = spaced.exec(text); m; m = spaced.exec(text)) {
        const datePart = m[1] ?? m[3]!;
        const last4 = m[2] ?? m[4]!;
        if (!plausible(datePart, last4) || maskPersonalNumbers(m[0]) !== m[0]) continue;
        out.push(
          problem(this, {
            message: `Det som ser ut som ett personnummer i ${ctx.label} är skrivet med mellanslag och skulle inte maskeras i den offentliga versionen. Skriv det utan mellanslag (ÅÅMMDD-NNNN) eller ta bort det.`,
            item: ctx.item.id,
            from: pos + m.index,
            to: pos + m.index + m[0].length,
          }),
        );
      }
      if (confidential === null) {
        candidate.lastIndex = 0;
        for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
          if (!plausible(m[1]!, m[3]!)) continue;
          out.push(
            problem(this, {
              message: `${ctx.label} innehåller ett personnummer. Det maskeras i den offentliga versionen men står kvar i protokollet – behövs det?`,
              item: ctx.item.id,
              from: pos + m.index,
              to: pos + m.index + m[0].length,
              severity: "warning",
            }),
          );
        }
      }
      return false;
    });
    return out;
  },
};
