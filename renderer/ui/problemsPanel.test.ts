import { describe, expect, it } from "vitest";
import type { EditorState } from "prosemirror-state";
import type { Problem } from "../../schemas/rules/problem.js";
import { moveItemTo } from "../editor/commands.js";
import { setProblems } from "../editor/problemsPlugin.js";
import { createEditorState } from "../editor/setup.js";
import { liveValidation } from "../editor/validation.js";
import { schema } from "../../schemas/schema.js";
import { countText, problemGroups } from "./problemsPanel.js";
import { panelProtocol } from "./panelProtocol.testkit.js";

const problem = (
  item: string | null,
  severity: Problem["severity"],
  from: number,
  message: string,
): Problem =>
  ({
    rule: "test-rule",
    severity,
    message,
    reference: null,
    item,
    from,
    to: from + 1,
  }) as unknown as Problem;

function withProblems(problems: Problem[]): EditorState {
  const state = createEditorState(panelProtocol());
  return state.apply(setProblems(state.tr, problems));
}

describe("the problems panel", () => {
  it("groups the problems by §, the whole document first, then in § order, each group under its number and title", () => {
    const state = withProblems([
      problem("a3", "warning", 90, "C"),
      problem(null, "error", 0, "Hela"),
      problem("a1", "warning", 5, "A"),
    ]);
    expect(
      problemGroups(state).map((g) => [g.item, g.title, g.problems.map(({ p }) => p.message)]),
    ).toEqual([
      [null, "Hela dokumentet", ["Hela"]],
      ["a1", "§ 7 Val av justerare", ["A"]],
      ["a3", "§ 9 Bidrag till föreningen", ["C"]],
    ]);
  });

  it("lists a §'s errors before its warnings, each in the order of the text", () => {
    const state = withProblems([
      problem("a2", "warning", 40, "w2"),
      problem("a2", "error", 50, "e2"),
      problem("a2", "warning", 30, "w1"),
      problem("a2", "error", 45, "e1"),
    ]);
    expect(problemGroups(state)[0]!.problems.map(({ p }) => p.message)).toEqual([
      "e1",
      "e2",
      "w1",
      "w2",
    ]);
  });

  it("follows the state: moving a § renumbers its group's heading", () => {
    let state = withProblems([problem("a3", "warning", 90, "C")]);
    moveItemTo(schema.nodes.agenda_item!, 2, 0)(state, (tr) => (state = state.apply(tr)));
    expect(problemGroups(state).map((g) => g.title)).toEqual(["§ 7 Bidrag till föreningen"]);
  });

  it("shows every problem the rules report exactly once", () => {
    const state = createEditorState(panelProtocol());
    const reported = liveValidation()(state);
    expect(reported.length).toBeGreaterThan(0);
    const shown = problemGroups(state.apply(setProblems(state.tr, reported))).flatMap((g) =>
      g.problems.map(({ p }) => p),
    );
    expect(shown).toHaveLength(reported.length);
    expect(new Set(shown)).toEqual(new Set(reported));
  });

  it("counts errors and warnings in Swedish", () => {
    expect(countText([])).toBe("Inga problem");
    expect(countText([problem(null, "error", 0, "x"), problem(null, "warning", 0, "y")])).toBe(
      "1 fel, 1 varning",
    );
    expect(countText([problem(null, "warning", 0, "x"), problem(null, "warning", 0, "y")])).toBe(
      "0 fel, 2 varningar",
    );
  });

  it("has nothing to list before the rules have run", () => {
    expect(problemGroups(createEditorState(panelProtocol()))).toEqual([]);
  });
});
