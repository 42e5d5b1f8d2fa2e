import { describe, expect, it } from "vitest";
import type { Problem } from "../../schemas/rules/problem.js";
import { createFile } from "../../schemas/file.js";
import { schema } from "../../schemas/schema.js";
import { moveItemTo } from "../editor/commands.js";
import { setProblems } from "../editor/problemsPlugin.js";
import { createEditorState } from "../editor/setup.js";
import { outlineCache, outlineEntries, outlineHeading } from "./outline.js";
import { panelProtocol } from "./panelProtocol.testkit.js";

const error = (item: string): Problem =>
  ({
    rule: "test-rule",
    severity: "error",
    message: "x",
    reference: null,
    item,
    from: 1,
    to: 2,
  }) as unknown as Problem;

describe("the outline of §§", () => {
  it("lists every § with its number, title, place and count of rule errors", () => {
    let state = createEditorState(panelProtocol());
    state = state.apply(
      setProblems(state.tr, [
        error("a2"),
        error("a2"),
        { ...error("a3"), severity: "warning" } as Problem,
      ]),
    );
    const entries = outlineEntries(state);
    expect(entries.map((e) => [e.id, e.number, e.title, e.errors])).toEqual([
      ["a1", 7, "Val av justerare", 0],
      ["a2", 8, "Budget för nästa år", 2],
      ["a3", 9, "Bidrag till föreningen", 0],
    ]);
    expect(entries.map((e) => state.doc.nodeAt(e.pos)?.attrs.id)).toEqual(["a1", "a2", "a3"]);
    expect(outlineHeading(state)).toBe("Paragrafer");
  });

  it("follows a move and a retyped title, also when it keeps its cache between states", () => {
    const cache = outlineCache();
    let state = createEditorState(panelProtocol());
    expect(outlineEntries(state, cache)[0]!.title).toBe("Val av justerare");
    moveItemTo(schema.nodes.agenda_item!, 2, 0)(state, (tr) => (state = state.apply(tr)));
    state = state.apply(state.tr.insertText("Nytt: ", 2));
    expect(outlineEntries(state, cache).map((e) => [e.number, e.title])).toEqual([
      [7, "Nytt: Bidrag till föreningen"],
      [8, "Val av justerare"],
      [9, "Budget för nästa år"],
    ]);
  });

  it("lists a kallelse's ärenden by position, under the heading Ärenden", () => {
    const n = schema.nodes;
    const entry = (id: string, title: string) =>
      n.agenda_entry!.create({ id }, [n.item_title!.create(null, schema.text(title))]);
    const doc = n.doc.create(null, [entry("e1", "Första ärendet"), entry("e2", "Andra ärendet")]);
    doc.check();
    const state = createEditorState(createFile("kallelse", { body: { name: "Testnämnden" } }, doc));
    expect(outlineHeading(state)).toBe("Ärenden");
    expect(outlineEntries(state).map((e) => [e.number, e.title])).toEqual([
      [1, "Första ärendet"],
      [2, "Andra ärendet"],
    ]);
  });
});
