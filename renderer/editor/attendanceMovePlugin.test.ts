import { undo } from "prosemirror-history";
import type { EditorState, Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { resolveAttendance } from "../../schemas/attendance.js";
import { decision, item, protocol } from "../../schemas/build.js";
import { createFile } from "../../schemas/file.js";
import { schema } from "../../schemas/schema.js";
import { attendanceMoveNotes } from "./attendanceMovePlugin.js";
import { moveItemTo } from "./commands.js";
import { metaOf } from "./documentPlugin.js";
import { createEditorState } from "./setup.js";

function sample(): EditorState {
  const doc = protocol(
    item({ id: "a", title: "Ett" }, decision("A.")),
    item({ id: "b", title: "Två" }, decision("B.")),
    item({ id: "c", title: "Tre" }, decision("C.")),
    item({ id: "d", title: "Fyra" }, decision("D.")),
  );
  const file = createFile(
    "protokoll",
    {
      body: { name: "Nämnden" },
      persons: [
        { id: "m", name: "Maja Ledamot", role: "member" },
        { id: "s", name: "Sven Ersättare", role: "substitute" },
      ],
      attendance: [
        { person: "m", status: "serving", from: "a", to: "a" },
        { person: "s", status: "serving", from: "b", to: null, replaces: "m" },
      ],
    },
    doc,
  );
  return createEditorState(file);
}

const serving = (state: EditorState) => {
  const r = resolveAttendance(state.doc, metaOf(state));
  return Object.fromEntries([...r.byItem].map(([id, a]) => [id, [...a.serving].sort()]));
};

function run(
  state: EditorState,
  cmd: (s: EditorState, d?: (tr: Transaction) => void) => boolean,
): EditorState {
  let next = state;
  expect(cmd(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}

describe("moving a § in the editor", () => {
  it("keeps who served in each §, shows what the move changed, and undoes the move and the ledger together", () => {
    const state = sample();
    const was = serving(state);
    // The last § (served by the ersättare) moved first: before, it would have been served by the ledamot.
    const moved = run(state, moveItemTo(schema.nodes.agenda_item!, 3, 0));
    expect(moved.doc.child(0).attrs.id).toBe("d");
    expect(serving(moved)).toEqual(was);
    expect(attendanceMoveNotes(moved).join(" ")).toMatch(
      /^Sven Ersättare tjänstgör för Maja Ledamot fortfarande i samma ärenden; efter flyttningen är det § 1 och §§ 3–4\.$/,
    );
    const back = run(moved, undo);
    expect(back.doc.eq(state.doc)).toBe(true);
    expect(metaOf(back).attendance).toEqual(metaOf(state).attendance);
  });

  it("keeps what the move changed while a § is written in, and drops it when a § is added or removed", () => {
    const moved = run(sample(), moveItemTo(schema.nodes.agenda_item!, 3, 0));
    const notes = attendanceMoveNotes(moved);
    expect(notes.length).toBeGreaterThan(0);
    // typing in the first § keeps the set of §§: the notes stay
    const typed = moved.apply(moved.tr.insertText("x", 2));
    expect(attendanceMoveNotes(typed)).toEqual(notes);
    // a new § changes the set of §§: the notes go
    const added = typed.apply(
      typed.tr.insert(typed.doc.content.size, item({ id: "e", title: "Fem" }, decision("E."))),
    );
    expect(attendanceMoveNotes(added)).toEqual([]);
    // and so does removing one, after a new move
    const again = run(added, moveItemTo(schema.nodes.agenda_item!, 0, 3));
    expect(attendanceMoveNotes(again).length).toBeGreaterThan(0);
    const first = again.doc.child(0);
    expect(attendanceMoveNotes(again.apply(again.tr.delete(0, first.nodeSize)))).toEqual([]);
  });
});
