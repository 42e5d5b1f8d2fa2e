/**
 * confidential-masked: a § marked sekretess carries its OSL reference (the public version replaces
 * the § by it), and personal identity numbers never appear in the public version (OSL 21:1
 * practice, GDPR) — in protocols and in answers to interpellations alike.
 *
 * Personnummer are found by the one detector (schemas/personalNumbers.ts) that the public
 * version's masking uses, over each paragraph's whole text — so a number split by formatting
 * ("19460619-" in bold, "3029" plain) or written with an en dash, a non-breaking hyphen, a space
 * or "+" is found as the export finds it. Each is a warning where it stays readable in the full
 * document (a § not marked sekretess, an answer): it is masked in the public version, but does it
 * belong in the protocol at all?
 */
import type { Node } from "prosemirror-model";
import { findPersonalNumbers } from "../personalNumbers.js";
import { atItem, problem } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentRule, ItemRule } from "./types.js";

/** An OSL reference: "OSL 26 kap. 1 §", "26 kap. 1 § offentlighets- och sekretesslagen". */
const oslReference =
  /\d+\s*kap\.?\s*\d+\s*[a-z]?\s*§|\bOSL\b|offentlighets-\s*och\s*sekretesslagen/i;

/**
 * The personnummer in the paragraphs under `node` (at document position `start`, the position
 * before `node`'s content), with their document ranges. A paragraph's text is joined over its
 * text nodes (marks split them); any other inline node counts as one character.
 */
export function personalNumbersIn(
  node: Node,
  start: number,
): { from: number; to: number; text: string }[] {
  const out: { from: number; to: number; text: string }[] = [];
  node.descendants((child, offset) => {
    if (!child.isTextblock) return true;
    const base = start + offset + 1;
    let text = "";
    const pos: number[] = [];
    child.forEach((inline, o) => {
      if (inline.isText) {
        const t = inline.text ?? "";
        for (let i = 0; i < t.length; i++) pos.push(base + o + i);
        text += t;
      } else {
        pos.push(base + o);
        text += "\uFFFC";
      }
    });
    for (const m of findPersonalNumbers(text))
      out.push({ from: pos[m.start]!, to: pos[m.end - 1]! + 1, text: m.text });
    return false;
  });
  return out;
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
        atItem(
          this,
          ctx,
          `${ctx.label} är markerad med sekretess men ”${confidential}” anger inte bestämmelsen i offentlighets- och sekretesslagen (t.ex. ”OSL 26 kap. 1 §”). Den visas i stället för paragrafen i den offentliga versionen.`,
        ),
      );
    // A § with sekretess is left out of the public version whole: its numbers are covered by that.
    if (confidential === null)
      for (const m of personalNumbersIn(ctx.item.node, ctx.item.pos + 1))
        out.push(
          problem(this, {
            message: `${ctx.label} innehåller ett personnummer (${m.text}). Det maskeras i den offentliga versionen men står kvar i protokollet – behövs det?`,
            item: ctx.item.id,
            from: m.from,
            to: m.to,
            severity: "warning",
          }),
        );
    return out;
  },
};

/** The same check in an answer to an interpellation (no §§: the whole answer). */
export const confidentialMaskedAnswer: DocumentRule = {
  id: "confidential-masked",
  severity: "error",
  scope: "document",
  kinds: ["interpellationssvar"],
  check(ctx) {
    return personalNumbersIn(ctx.doc, 0).map((m) =>
      problem(this, {
        message: `Svaret innehåller ett personnummer (${m.text}). Det maskeras i den offentliga versionen men står kvar i svaret – behövs det?`,
        item: null,
        from: m.from,
        to: m.to,
        severity: "warning",
      }),
    );
  },
};
