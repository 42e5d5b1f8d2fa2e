/**
 * immutable-after-adjustment: a justerad protocol is not changed except by a recorded rättelse
 * that says what changed, when and by whom (a rättelse of skrivfel, räknefel or förbiseende: FL 36 §, JO 581-2013).
 *
 * - status justerad needs a seal;
 * - with the history given (files, the CLI), the seal is recomputed (schemas/review/seal.ts) and
 *   must match, and each rättelse must say what, why and by whom;
 * - a § justerad at the meeting (omedelbar justering, an `adjusted` history entry for the §) must
 *   still have the hash it was justerad with — in any status.
 * Without the history (the editor's live check passes doc and meta only) the seal cannot be
 * recomputed; the editor refuses edits of a justerad protocol anyway (schemas/review/reviewStatus.ts).
 */
import type { Node } from "prosemirror-model";
import type { HistoryEntry, Meta } from "../meta.js";
import { findItem, itemHash } from "../review/items.js";
import { verifySeal } from "../review/seal.js";
import { problem } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentContext, DocumentRule } from "./types.js";

let last: {
  doc: Node;
  meta: Meta;
  history: HistoryEntry[];
  result: ReturnType<typeof verifySeal>;
} | null = null;
function sealCheck(ctx: DocumentContext, history: HistoryEntry[]) {
  if (last && last.doc === ctx.doc && last.meta === ctx.meta && last.history === history)
    return last.result;
  const result = verifySeal({
    kind: ctx.kind,
    meta: ctx.meta,
    doc: ctx.doc,
    history,
    review: { comments: [], approvals: [], lastSeen: {} },
  });
  last = { doc: ctx.doc, meta: ctx.meta, history, result };
  return result;
}

export const immutableAfterAdjustment: DocumentRule = {
  id: "immutable-after-adjustment",
  severity: "error",
  scope: "document",
  kinds: ["protokoll", "interpellationssvar"],
  check(ctx) {
    const out: Problem[] = [];
    const at = (message: string, item: string | null = null, from = 0, to = 0) =>
      problem(this, { message, item, from, to });
    const history = ctx.history;
    if (ctx.meta.status === "adjusted") {
      if (!ctx.meta.seal)
        out.push(
          at(
            "Protokollet är markerat som justerat men saknar sigill – det går inte att visa att det är oförändrat sedan justeringen.",
          ),
        );
      else if (history) {
        const v = sealCheck(ctx, history);
        if (!v.ok && v.reason !== "not_adjusted")
          out.push(at(`${v.message} Ändringar efter justering får bara göras som rättelse.`));
      }
    }
    if (!history) return out;
    for (const h of history) {
      if (h.kind !== "correction") continue;
      if (!h.what.trim() || !h.why?.trim() || !h.by.trim())
        out.push(
          at(
            `Rättelsen ${h.at} anger inte ${!h.what.trim() ? "vad som ändrades" : !h.why?.trim() ? "varför" : "av vem"}.`,
          ),
        );
    }
    for (const h of history) {
      if (h.kind !== "adjusted" || h.item === null || !h.seal) continue;
      const node = findItem(ctx.doc, h.item);
      const it = ctx.items.find((i) => i.id === h.item);
      if (!node || !it)
        out.push(at(`En paragraf som justerades omedelbart på sammanträdet har tagits bort.`));
      else if (itemHash(node) !== h.seal.sha256)
        out.push(
          at(
            `§ ${it.number} justerades omedelbart på sammanträdet och har ändrats efteråt. Ändringar får bara göras som rättelse.`,
            it.id,
            it.pos,
            it.pos + it.node.nodeSize,
          ),
        );
    }
    return out;
  },
};
