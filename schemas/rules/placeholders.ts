/**
 * placeholders: no unfilled template placeholder remains — a lone "…" or "...", a bracketed
 * "[namn]", "[datum]", or a date pattern "ÅÅÅÅ-MM-DD" (practice). An ellipsis that marks an
 * omission in a quotation ("[…]", "(…)", "i stort …”") is not a placeholder, nor a row of dots
 * (a table of contents' leader, a signature line). Templates mark with these where
 * the secretary fills in; an export that still has them is not a finished protocol or answer.
 */
import type { Node } from "prosemirror-model";
import { problem } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentRule } from "./types.js";

/** A placeholder in running text: an ellipsis standing alone, a bracketed lower-case word, a date or time mask. */
const placeholderPattern =
  /(?<![\p{L}\p{N}”“"’([.…])(?:…(?!…)|\.{3}(?!\.))(?![\p{L}\p{N}”"’)\]])|\[\p{Ll}[\p{Ll} ]{0,30}\]|ÅÅÅÅ-MM-DD|\bTT:MM\b/gu;

/** Where a placeholder is: the § (or null) and its document range. */
function findPlaceholders(
  doc: Node,
): { from: number; to: number; text: string; item: string | null }[] {
  const out: { from: number; to: number; text: string; item: string | null }[] = [];
  let item: string | null = null;
  doc.descendants((node, pos) => {
    if (node.type.name === "agenda_item") item = node.attrs.id as string;
    if (!node.isText) return true;
    for (const m of node.text!.matchAll(placeholderPattern))
      out.push({ from: pos + m.index, to: pos + m.index + m[0].length, text: m[0], item });
    return false;
  });
  return out;
}

export const placeholders: DocumentRule = {
  id: "placeholders",
  severity: "error",
  scope: "document",
  kinds: ["protokoll", "interpellationssvar"],
  check(ctx) {
    const out: Problem[] = [];
    for (const p of findPlaceholders(ctx.doc))
      out.push(
        problem(this, {
          message: `”${p.text}” är en platshållare från mallen som inte är ifylld.`,
          item: p.item,
          from: p.from,
          to: p.to,
        }),
      );
    return out;
  },
};
