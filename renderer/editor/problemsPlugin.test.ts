import { describe, expect, it } from "vitest";
import type { EditorState } from "prosemirror-state";
import type { Problem } from "../../schemas/rules/problem.js";
import { panelProtocol } from "../ui/panelProtocol.testkit.js";
import { foundProblems, problemsOf, setProblems } from "./problemsPlugin.js";
import { createEditorState } from "./setup.js";

/** Text positions: where the tests type (the start of the first text) and a later word's range. */
function places(state: EditorState): { at: number; from: number; to: number } {
  const texts: number[] = [];
  state.doc.descendants((n, pos) => {
    if (n.isText && n.text!.length > 3) texts.push(pos);
  });
  return { at: texts[0]!, from: texts[1]!, to: texts[1]! + 3 };
}

const problem = (from: number, to: number, message: string): Problem =>
  ({
    rule: "test-rule",
    severity: "warning",
    message,
    reference: null,
    item: null,
    from,
    to,
  }) as unknown as Problem;

function withProblems(): { state: EditorState; at: number; from: number; to: number } {
  const state = createEditorState(panelProtocol());
  const { at, from, to } = places(state);
  const found = state.apply(setProblems(state.tr, [problem(from, to, "Ett problem")]));
  return { state: found, at, from, to };
}

describe("the problems plugin", () => {
  it("moves a problem's place with every edit before it, and keeps the found list as it was", () => {
    const { state, at, from, to } = withProblems();
    const found = foundProblems(state);
    let s = state;
    // three letters typed before the problem, one deleted
    for (const ch of "abc") s = s.apply(s.tr.insertText(ch, at));
    s = s.apply(s.tr.delete(at, at + 1));
    expect(problemsOf(s).map((p) => [p.from, p.to])).toEqual([[from + 2, to + 2]]);
    expect(foundProblems(s)).toBe(found);
    expect(found[0]!.from).toBe(from);
    expect(s.doc.textBetween(problemsOf(s)[0]!.from, problemsOf(s)[0]!.to)).toBe(
      state.doc.textBetween(from, to),
    );
  });

  it("gives a state its own places when two edits were made from the same state", () => {
    const { state, at, from } = withProblems();
    const typed = state.apply(state.tr.insertText("xy", at));
    const other = state.apply(state.tr.insertText("z", at));
    const later = typed.apply(typed.tr.insertText("w", at));
    expect(problemsOf(other)[0]!.from).toBe(from + 1);
    expect(problemsOf(typed)[0]!.from).toBe(from + 2);
    expect(problemsOf(later)[0]!.from).toBe(from + 3);
    // a branch taken after the later state was made does not change it
    const branch = typed.apply(typed.tr.insertText("uvw", at));
    expect(problemsOf(branch)[0]!.from).toBe(from + 5);
    expect(problemsOf(later)[0]!.from).toBe(from + 3);
  });

  it("takes the new list, and no moves, when the rules run again", () => {
    const { state, at } = withProblems();
    const typed = state.apply(state.tr.insertText("xy", at));
    const again = typed.apply(setProblems(typed.tr, [problem(5, 7, "Nytt")]));
    expect(problemsOf(again).map((p) => [p.message, p.from])).toEqual([["Nytt", 5]]);
    expect(foundProblems(again)).toBe(problemsOf(again));
  });
});
