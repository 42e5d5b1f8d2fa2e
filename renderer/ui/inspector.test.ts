import { describe, expect, it } from "vitest";
import { NodeSelection, TextSelection, type EditorState } from "prosemirror-state";
import * as b from "../../schemas/build.js";
import { createEditorState } from "../editor/setup.js";
import { updateMeta } from "../editor/documentPlugin.js";
import { inspectorTarget, itemParticipants } from "./inspector.js";
import { panelProtocol } from "./panelProtocol.testkit.js";

/** The panel protocol with a protokollsanteckning by the ersättare in its second §. */
function withNote(): EditorState {
  const f = panelProtocol();
  const second = f.doc.child(1);
  const note = b.protocolNote({ by: ["ers"] }, b.p("Jag vill att det antecknas."));
  const item = second.copy(second.content.addToEnd(note));
  return createEditorState({ ...f, doc: f.doc.copy(f.doc.content.replaceChild(1, item)) });
}

/** Position just inside the first text that reads `text`. */
function at(state: EditorState, text: string): number {
  let pos = -1;
  state.doc.descendants((n, p) => {
    if (pos < 0 && n.isText && n.text!.includes(text)) pos = p + n.text!.indexOf(text) + 1;
  });
  return pos;
}

const labels = (ps: ReturnType<typeof itemParticipants>) =>
  ps.map((p) => `${p.person.name}${p.note ? ` (${p.note})` : ""}`);

describe("the inspector", () => {
  it("finds the structured block under the cursor and its §", () => {
    let state = withNote();
    state = state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, at(state, "antecknas"))),
    );
    const t = inspectorTarget(state)!;
    expect(t.item.attrs.id).toBe("a2");
    expect(t.block?.type.name).toBe("protocol_note");
    expect(state.doc.nodeAt(t.blockPos)).toBe(t.block);
    expect(state.doc.nodeAt(t.itemPos)).toBe(t.item);
  });

  it("inspects the § alone when the cursor is in text that is no structured block, and nothing outside a §", () => {
    let state = withNote();
    state = state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, at(state, "antar budgeten"))),
    );
    expect(inspectorTarget(state)).toMatchObject({ block: null });
    expect(inspectorTarget(state)!.item.attrs.id).toBe("a2");
    state = state.apply(state.tr.setSelection(NodeSelection.create(state.doc, 0)));
    expect(inspectorTarget(state)!.item.attrs.id).toBe("a1");
  });

  it("offers the §'s serving members first, then (in the order of the persons) who is present without serving or jävig", () => {
    const state = withNote();
    expect(labels(itemParticipants(state, "a2"))).toEqual([
      "Olga Ordförande",
      "Jens Justerare",
      "Erik Ersättare (tjänstgör)",
      "Lea Ledamot (närvarande, tjänstgör ej)",
    ]);
    expect(labels(itemParticipants(state, "a3"))).toEqual([
      "Olga Ordförande",
      "Erik Ersättare (tjänstgör)",
      "Jens Justerare (jäv)",
      "Lea Ledamot (närvarande, tjänstgör ej)",
    ]);
  });

  it("offers every elected member and ersättare, not the secretary, while there is no ledger", () => {
    let state = withNote();
    state = state.apply(updateMeta(state, (m) => ({ ...m, attendance: [], recusals: [] })));
    expect(labels(itemParticipants(state, "a2"))).toEqual([
      "Olga Ordförande",
      "Jens Justerare",
      "Lea Ledamot",
      "Erik Ersättare",
    ]);
  });
});
