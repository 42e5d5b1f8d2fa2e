import { undo } from "prosemirror-history";
import type { EditorState, Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { item, protocol, reservation } from "../../schemas/build.js";
import { createFile } from "../../schemas/file.js";
import { applyFix, validate } from "../../schemas/rules/index.js";
import { metaOf } from "./documentPlugin.js";
import { fixTransaction } from "./fixes.js";
import { createEditorState } from "./setup.js";

function file() {
  const doc = protocol(
    item({ id: "a", title: "Beslut saknas" }),
    item({ id: "b", title: "Reservation" }, reservation({ by: ["anna", "eve"] })),
  );
  return createFile(
    "protokoll",
    {
      body: { name: "Socialnämnden", reglemente: { members: 3 } },
      persons: [
        { id: "anna", name: "Anna Andersson", party: "S", role: "member" },
        { id: "eve", name: "Eve Ersättare", party: "L", role: "substitute" },
      ],
      attendance: [
        { person: "anna", status: "serving" },
        { person: "eve", status: "present" },
      ],
    },
    doc,
  );
}

const undoState = (s: EditorState) => {
  let next = s;
  undo(s, (tr: Transaction) => (next = s.apply(tr)));
  return next;
};

describe("quick fixes in the editor", () => {
  it("applies every fix the rules offer for this document exactly as applyFix does, each undoable", () => {
    const f = file();
    const problems = validate(f.doc, f.meta, "protokoll").filter((p) => p.fix);
    const kinds = new Set(problems.map((p) => p.fix!.action.type));
    expect(kinds.has("remove-person")).toBe(true);
    expect(kinds.has("insert-block")).toBe(true);
    for (const p of problems) {
      const state = createEditorState(f);
      const tr = fixTransaction(state, p.fix!.action);
      expect(tr, p.rule).not.toBeNull();
      const after = state.apply(tr!);
      const expected = applyFix(f.doc, f.meta, p.fix!.action);
      expect(after.doc.eq(expected.doc), p.rule).toBe(true);
      expect(metaOf(after), p.rule).toEqual(expected.meta);
      expect(undoState(after).doc.eq(f.doc), p.rule).toBe(true);
    }
  });

  it("removes the non-serving ersättare from the reservation, and the rule is then satisfied", () => {
    const f = file();
    const p = validate(f.doc, f.meta, "protokoll").find((x) => x.rule === "reservant-eligible")!;
    expect(p.message).toContain("Eve Ersättare");
    const after = createEditorState(f).apply(fixTransaction(createEditorState(f), p.fix!.action)!);
    expect(
      validate(after.doc, metaOf(after), "protokoll").some((x) => x.rule === "reservant-eligible"),
    ).toBe(false);
  });
});
