import { describe, expect, it } from "vitest";
import { ITEM_CHOICE_TITLE_LENGTH } from "../../schemas/itemChoices.js";
import { derivedOf } from "../editor/derivedPlugin.js";
import { updateMeta } from "../editor/documentPlugin.js";
import { createEditorState } from "../editor/setup.js";
import { itemOptions } from "./itemOptions.js";
import { panelProtocol } from "./panelProtocol.testkit.js";

describe("the § options of the ledger, bilaga, reference and extract lists", () => {
  it("offers every § by the number the editor shows and its title", () => {
    const state = createEditorState(panelProtocol());
    expect(itemOptions(state)).toEqual([
      ["a1", "§ 7 Val av justerare"],
      ["a2", "§ 8 Budget för nästa år"],
      ["a3", "§ 9 Bidrag till föreningen"],
    ]);
    const d = derivedOf(state);
    expect(itemOptions(state).map(([id]) => `§ ${d.numbers.get(id)}`)).toEqual(
      itemOptions(state).map(([, label]) => label.split(" ").slice(0, 2).join(" ")),
    );
  });

  it("follows a new first § number set in the metadata (undoable, through the editor state)", () => {
    let state = createEditorState(panelProtocol());
    state = state.apply(
      updateMeta(state, (m) => ({
        ...m,
        body: { ...m.body, reglemente: { ...m.body.reglemente, firstItemNumber: 120 } },
      })),
    );
    expect(itemOptions(state).map(([, label]) => label)).toEqual([
      "§ 120 Val av justerare",
      "§ 121 Budget för nästa år",
      "§ 122 Bidrag till föreningen",
    ]);
  });

  it("cuts a long title typed in the editor with an ellipsis", () => {
    const state = createEditorState(panelProtocol());
    const end = 1 + 1 + "Bidrag till föreningen".length;
    const at = end + state.doc.child(0).nodeSize + state.doc.child(1).nodeSize;
    const long = state.apply(state.tr.insertText(" och om mycket annat som också ska med", at));
    const label = itemOptions(long)[2]![1];
    expect(label).toBe("§ 9 Bidrag till föreningen och om mycket annat som…");
    expect(label.length).toBeLessThanOrEqual("§ 9 ".length + ITEM_CHOICE_TITLE_LENGTH + 1);
  });
});
