import { undo, undoDepth } from "prosemirror-history";
import { Plugin, TextSelection, type EditorState } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { decision, item, protocol } from "../../schemas/build.js";
import { createFile, type ProtokollFile } from "../../schemas/file.js";
import type { Problem } from "../../schemas/rules/problem.js";
import { metaOf } from "./documentPlugin.js";
import { problemsOf, setProblems } from "./problemsPlugin.js";
import { createEditorState, reconfigureEditorState } from "./setup.js";

function sample(): ProtokollFile {
  return createFile(
    "protokoll",
    { body: { name: "Nämnden" } },
    protocol(
      item({ id: "a", title: "Ett" }, decision("Nämnden beslutar.")),
      item({ id: "b", title: "Två" }, decision("Lagt till handlingarna.")),
    ),
  );
}

/** The file of a state, as the app reads it back (App.currentFile). */
const fileOf = (state: EditorState, kind: ProtokollFile["kind"]) => ({
  kind,
  meta: metaOf(state),
  doc: state.doc,
});

function typed(state: EditorState, text: string): EditorState {
  const end = state.doc.child(0).nodeSize - 3; // inside the decision's paragraph, at its end
  const at = state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
  return at.apply(at.tr.insertText(text));
}

const problem: Problem = {
  rule: "test",
  severity: "warning",
  message: "Ett problem skrivet för testet.",
  reference: null,
  item: "a",
  from: 1,
  to: 2,
};

describe("the editor's plugins changed on an open document", () => {
  it("keep the text, the undo history, the problems and a plugin the app added", () => {
    const added = new Plugin({});
    const file = sample();
    let state = createEditorState(file, [], { extra: [added] });
    state = typed(state, " Tillägg");
    state = state.apply(setProblems(state.tr, [problem]));
    const text = state.doc.textContent;

    const next = reconfigureEditorState(
      state,
      fileOf(state, file.kind),
      [{ key: "Mod-Alt-q", label: "Prov", group: "Redigera", command: () => true }],
      { extra: [added] },
    );
    expect(next.doc.textContent).toBe(text);
    expect(next.selection.eq(state.selection)).toBe(true);
    expect(next.plugins).toContain(added);
    expect(problemsOf(next)).toEqual([problem]);
    expect(undoDepth(next)).toBe(1);
    let undone = next;
    expect(undo(next, (tr) => (undone = next.apply(tr)))).toBe(true);
    expect(undone.doc.textContent).not.toContain("Tillägg");
  });

  it("drop a plugin no longer given", () => {
    const added = new Plugin({});
    const file = sample();
    const state = createEditorState(file, [], { extra: [added] });
    const next = reconfigureEditorState(state, fileOf(state, file.kind));
    expect(next.plugins).not.toContain(added);
    expect(next.doc.eq(state.doc)).toBe(true);
  });
});
