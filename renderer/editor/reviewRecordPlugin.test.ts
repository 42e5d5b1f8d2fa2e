import { describe, expect, it } from "vitest";
import { undo } from "prosemirror-history";
import type { EditorState, Transaction } from "prosemirror-state";
import { addComment, markSeen, sendForReview } from "../../schemas/review/index.js";
import { must, sampleProtocol } from "../../schemas/review/sampleProtocol.testkit.js";
import { createEditorState } from "./setup.js";
import { reviewRecordOf, setReviewRecord } from "./reviewRecordPlugin.js";
import { liveValidation } from "./validation.js";
import { serialize } from "../../schemas/file.js";

/** Position just after the first occurrence of `text` in the document. */
function after(state: EditorState, text: string): number {
  let at = -1;
  state.doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text!.includes(text))
      at = pos + node.text!.indexOf(text) + text.length;
  });
  if (at < 0) throw new Error(`"${text}" is not in the document`);
  return at;
}

const run = (state: EditorState, tr: Transaction) => state.apply(tr);

describe("the review record in the editor state", () => {
  it("starts from the file's review and history, and the file saved from the state is the file opened", () => {
    const file = must(sendForReview(sampleProtocol(), "Sekreteraren", "2031-03-02T09:00"));
    const state = createEditorState(file);
    expect(reviewRecordOf(state).history).toEqual(file.history);
    expect(reviewRecordOf(state).review).toEqual(file.review);
    const reopened = serialize({
      kind: file.kind,
      meta: file.meta,
      doc: state.doc,
      ...reviewRecordOf(state),
    });
    expect(reopened).toBe(serialize(file));
  });

  it("is empty for a state made without one (a new document)", () => {
    const { kind, meta, doc } = sampleProtocol();
    expect(reviewRecordOf(createEditorState({ kind, meta, doc }))).toEqual({
      review: { comments: [], approvals: [], lastSeen: {} },
      history: [],
    });
  });

  it("changes with a transaction that sets it, leaves the text alone, and is not taken back by undo", () => {
    const file = must(sendForReview(sampleProtocol(), "Sekreteraren", "2031-03-02T09:00"));
    let state = createEditorState(file);
    // an edit of the text first, so there is something to undo
    state = run(state, state.tr.insertText(" Tillägg.", after(state, "Dagordningen godkänns.")));
    const commented = addComment(
      { ...file, doc: state.doc },
      {
        item: "p2",
        anchor: null,
        author: "Ada Exempel",
        text: "Stämmer detta?",
        at: "2031-03-03T10:00",
      },
    );
    if (!commented.ok) throw new Error(commented.error);
    const doc = state.doc;
    state = run(state, setReviewRecord(state.tr, { review: commented.file.review }));
    expect(state.doc).toBe(doc);
    expect(reviewRecordOf(state).review.comments.map((c) => c.text)).toEqual(["Stämmer detta?"]);
    expect(reviewRecordOf(state).history).toEqual(file.history);
    let undone = state;
    expect(undo(state, (tr) => (undone = state.apply(tr)))).toBe(true);
    expect(undone.doc.textContent).not.toContain("Tillägg.");
    expect(reviewRecordOf(undone).review.comments.map((c) => c.text)).toEqual(["Stämmer detta?"]);
  });

  it("is what the live rules read: a decision reworded after a justerare read it is reported until the record says it was read again", () => {
    const sent = must(sendForReview(sampleProtocol(), "Sekreteraren", "2031-03-02T09:00"));
    const read = must(markSeen(sent, "lv", "2031-03-02T12:00"));
    const lint = liveValidation();
    let state = createEditorState(read);
    const rule = (s: EditorState) => lint(s).filter((p) => p.rule === "decision-wording-changed");
    expect(rule(state)).toEqual([]);
    state = run(
      state,
      state.tr.insertText(" Med ändring.", after(state, "Dagordningen godkänns.")),
    );
    expect(rule(state).map((p) => p.item)).toEqual(["p2"]);
    const readAgain = must(markSeen({ ...read, doc: state.doc }, "lv", "2031-03-02T13:00"));
    state = run(state, setReviewRecord(state.tr, { review: readAgain.review }));
    expect(rule(state)).toEqual([]);
  });
});
