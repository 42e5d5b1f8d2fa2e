import { describe, expect, it } from "vitest";
import { createEditorState } from "../editor/setup.js";
import { updateMeta } from "../editor/documentPlugin.js";
import { servingSummary } from "./attendancePanel.js";
import { panelProtocol } from "./panelProtocol.testkit.js";

describe("the attendance panel", () => {
  it("names who serves in a §, and whom a serving ersättare replaces", () => {
    const state = createEditorState(panelProtocol());
    expect(servingSummary(state, "a1")).toEqual({
      number: 7,
      known: true,
      serving: ["Olga Ordförande (A)", "Jens Justerare (B)", "Lea Ledamot (C)"],
      present: [],
      recused: [],
    });
    const second = servingSummary(state, "a2");
    expect(second.serving).toEqual([
      "Olga Ordförande (A)",
      "Jens Justerare (B)",
      "Erik Ersättare (C) (ersätter Lea Ledamot)",
    ]);
    expect(second.present).toEqual(["Lea Ledamot (C)"]);
  });

  it("shows a jävig member as jävig, not serving, in that § only", () => {
    const state = createEditorState(panelProtocol());
    expect(servingSummary(state, "a3").recused).toEqual(["Jens Justerare (B)"]);
    expect(servingSummary(state, "a3").serving).not.toContain("Jens Justerare (B)");
    expect(servingSummary(state, "a2").recused).toEqual([]);
  });

  it("follows a change of the ledger made through the editor state (undoable metadata)", () => {
    let state = createEditorState(panelProtocol());
    state = state.apply(updateMeta(state, (m) => ({ ...m, recusals: [] })));
    expect(servingSummary(state, "a3").recused).toEqual([]);
  });

  it("says nobody is known to serve while the ledger is empty", () => {
    let state = createEditorState(panelProtocol());
    state = state.apply(updateMeta(state, (m) => ({ ...m, attendance: [], recusals: [] })));
    expect(servingSummary(state, "a1")).toMatchObject({ known: false, serving: [] });
  });
});
