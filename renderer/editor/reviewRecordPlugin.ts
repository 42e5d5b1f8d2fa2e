/**
 * The document's review record and history in the editor state: the comments, approvals and
 * "last seen" of the justering, and the history of sending, justering, rättelser and anslag. They
 * are saved in the file beside the text (`review`, `history`), and change only through a
 * transaction carrying `setReviewRecord`, so the panels, the rules and the justering plugin read
 * one state — the one the view shows — instead of a copy kept beside the editor.
 *
 * A review change is not a text edit: it is dispatched with `addToHistory: false`, so Ctrl+Z
 * never takes back a comment or an approval (they are saved at once). A new status, seal or
 * rättelse replaces the whole state (the document is reloaded), so the undo history starts afresh.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import type { ProtokollFile } from "../../schemas/file.js";

export type ReviewRecord = Pick<ProtokollFile, "review" | "history">;

export const reviewRecordKey = new PluginKey<ReviewRecord>("reviewRecord");

/** An empty record: a new document that has not been sent for review. */
export const emptyReviewRecord = (): ReviewRecord => ({
  review: { comments: [], approvals: [], lastSeen: {} },
  history: [],
});

export function reviewRecordPlugin(initial: ReviewRecord): Plugin<ReviewRecord> {
  return new Plugin<ReviewRecord>({
    key: reviewRecordKey,
    state: {
      init: () => ({ review: initial.review, history: initial.history }),
      apply(tr, value) {
        const next = tr.getMeta(reviewRecordKey) as Partial<ReviewRecord> | undefined;
        if (!next) return value;
        return { review: next.review ?? value.review, history: next.history ?? value.history };
      },
    },
  });
}

export function reviewRecordOf(state: EditorState): ReviewRecord {
  const record = reviewRecordKey.getState(state);
  if (!record) throw new Error("reviewRecordPlugin saknas i editorns tillstånd");
  return record;
}

/** Replace the review part or the history (or both); not undoable, like saving a comment. */
export function setReviewRecord(tr: Transaction, next: Partial<ReviewRecord>): Transaction {
  return tr.setMeta(reviewRecordKey, next).setMeta("addToHistory", false);
}

/** Did this transaction change the review record? */
export function changesReviewRecord(tr: Transaction): boolean {
  return tr.getMeta(reviewRecordKey) !== undefined;
}
