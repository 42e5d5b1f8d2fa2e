/**
 * Keeps the opening § (val av justerare, tid och plats för justering) in step with the meeting
 * facts: after a transaction that changes the metadata, the § is rewritten from them while it still
 * reads as generated (schemas/openingItems.ts). The rewrite joins the same undo step.
 */
import { Plugin } from "prosemirror-state";
import { syncAdjustmentItem } from "../../schemas/openingItems.js";
import { changesMeta, metaOf } from "./documentPlugin.js";

export function openingItemsPlugin(): Plugin {
  return new Plugin({
    appendTransaction(trs, oldState, newState) {
      if (!trs.some(changesMeta)) return null;
      const before = metaOf(oldState);
      const after = metaOf(newState);
      if (before === after) return null;
      const r = syncAdjustmentItem(newState.doc, before, after);
      if (!r) return null;
      return newState.tr.insertText(r.text, r.from, r.to);
    },
  });
}
