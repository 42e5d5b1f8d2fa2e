/** dnr-format: a Dnr looks like the body's pattern (reglemente.dnrPattern) or a common form (practice). */
import { atBlock, ofType } from "./helpers.js";
import type { ItemRule } from "./types.js";

/** Common forms: "1.7.1-213/2020", "KS 2020/393", "2019:11", "SN 2020.123". */
export const commonDnr =
  /^(?:[A-ZÅÄÖ][A-ZÅÄÖa-zåäö-]{0,9}\s?)?(?:\d+(?:\.\d+)*-\d+\/\d{4}|\d{4}[/:.\-]\d+(?:[/:.\-]\d+)*|\d+[/:]\d{4})$/;

const compiled = new Map<string, RegExp | null>();
function bodyPattern(source: string | null): RegExp | null {
  if (!source) return null;
  if (!compiled.has(source)) {
    try {
      compiled.set(source, new RegExp(source));
    } catch {
      compiled.set(source, null);
    }
  }
  return compiled.get(source) ?? null;
}

/** The Dnr without a leading "Dnr", "Dnr.", "Dnr:". */
export const bareDnr = (text: string) =>
  text
    .trim()
    .replace(/^dnr\.?:?\s*/i, "")
    .trim();

export const dnrFormat: ItemRule = {
  id: "dnr-format",
  severity: "warning",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out = [];
    const pattern = bodyPattern(ctx.meta.body.reglemente.dnrPattern);
    for (const b of ofType(ctx, "dnr")) {
      const dnr = bareDnr(b.node.textContent);
      if (dnr === "") {
        out.push(atBlock(this, ctx, b, `Diarienumret i ${ctx.label} är tomt.`));
        continue;
      }
      const ok = pattern ? pattern.test(dnr) : commonDnr.test(dnr);
      if (!ok)
        out.push(
          atBlock(
            this,
            ctx,
            b,
            pattern
              ? `Diarienumret ”${dnr}” i ${ctx.label} följer inte nämndens mönster för diarienummer.`
              : `Diarienumret ”${dnr}” i ${ctx.label} ser inte ut som ett diarienummer (t.ex. 1.7.1-213/2020 eller KS 2020/393).`,
          ),
        );
    }
    return out;
  },
};
