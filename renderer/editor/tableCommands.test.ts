import { EditorState, TextSelection } from "prosemirror-state";
import { CellSelection } from "prosemirror-tables";
import { describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { createFile } from "../../schemas/file.js";
import { schema } from "../../schemas/schema.js";
import { createEditorState } from "./setup.js";
import { insertTable, tableActions } from "./tableCommands.js";

const stateWith = (...paragraphs: string[]) =>
  createEditorState(
    createFile(
      "protokoll",
      { body: { name: "Nämnden" } },
      b.protocol(
        b.item({ id: "p1", title: "Budget" }, b.background(...paragraphs.map((t) => b.p(t)))),
      ),
    ),
  );

/** The cursor at the end of the paragraph whose text is `text`. */
function at(state: EditorState, text: string): EditorState {
  let pos = -1;
  state.doc.descendants((n, p) => {
    if (n.type.name === "paragraph" && n.textContent === text) pos = p + 1 + n.content.size;
  });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
}

function run(
  state: EditorState,
  cmd: (s: EditorState, d?: (tr: import("prosemirror-state").Transaction) => void) => boolean,
): EditorState {
  let next = state;
  expect(cmd(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}

const action = (command: string) => tableActions.find((a) => a.command === command)!.run;
const tables = (state: EditorState) => {
  const out: import("prosemirror-model").Node[] = [];
  state.doc.descendants((n) => {
    if (n.type.name === "table") out.push(n);
  });
  return out;
};

describe("table commands", () => {
  it("insert a 3 × 3 table with a header row after the paragraph, with the cursor in its first cell", () => {
    const state = run(
      at(stateWith("Budgeten:", "Efter tabellen."), "Budgeten:"),
      insertTable(schema),
    );
    const [table] = tables(state);
    expect(table!.childCount).toBe(3);
    expect(table!.child(0).child(0).type.name).toBe("table_header");
    expect(table!.child(1).child(0).type.name).toBe("table_cell");
    const background = state.doc.child(0).child(1);
    expect(background.child(0).textContent).toBe("Budgeten:");
    expect(background.child(1).type.name).toBe("table");
    expect(background.child(2).textContent).toBe("Efter tabellen.");
    expect(state.selection.$from.parent.type.name).toBe("paragraph");
    expect(state.selection.$from.node(-1).type.name).toBe("table_header");
  });

  it("replace an empty paragraph instead of leaving it above the table", () => {
    const state = run(at(stateWith("Budgeten:", ""), ""), insertTable(schema));
    const background = state.doc.child(0).child(1);
    expect(background.childCount).toBe(2);
    expect(background.child(1).type.name).toBe("table");
  });

  it("add a row and a column, merge two header cells and toggle the header row", () => {
    let state = run(at(stateWith("Budgeten:"), "Budgeten:"), insertTable(schema, 2, 2));
    state = run(state, action("table.addRowAfter"));
    state = run(state, action("table.addColumnAfter"));
    let [table] = tables(state);
    expect(table!.childCount).toBe(3);
    expect(table!.child(0).childCount).toBe(3);
    // Select the first two header cells and merge them.
    let tablePos = -1;
    state.doc.descendants((n, p) => {
      if (n.type.name === "table") tablePos = p;
    });
    const first = tablePos + 2;
    const second = first + table!.child(0).child(0).nodeSize;
    state = state.apply(state.tr.setSelection(CellSelection.create(state.doc, first, second)));
    state = run(state, action("table.mergeCells"));
    [table] = tables(state);
    expect(table!.child(0).childCount).toBe(2);
    expect(table!.child(0).child(0).attrs.colspan).toBe(2);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, first + 2)));
    state = run(state, action("table.toggleHeaderRow"));
    [table] = tables(state);
    expect(table!.child(0).child(0).type.name).toBe("table_cell");
  });

  it("do not apply outside a table", () => {
    const state = at(stateWith("Budgeten:"), "Budgeten:");
    for (const a of tableActions) expect(a.run(state), a.command).toBe(false);
  });
});
