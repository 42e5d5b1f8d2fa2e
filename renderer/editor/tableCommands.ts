/**
 * Tables in the editor (prosemirror-tables): inserting a table where the cursor is, and the
 * table's own commands with their Swedish names — one list (`tableActions`) for the Tabell menu,
 * the Electron menu's commands and the help. The commands are prosemirror-tables' own; they return
 * false outside a table, so a menu can grey them out.
 */
import type { NodeType, Schema } from "prosemirror-model";
import type { MenuCommand } from "../../schemas/contract.js";
import { TextSelection, type Command } from "prosemirror-state";
import {
  addColumnAfter,
  addColumnBefore,
  addRowAfter,
  addRowBefore,
  deleteColumn,
  deleteRow,
  deleteTable,
  goToNextCell,
  mergeCells,
  splitCell,
  toggleHeaderRow,
} from "prosemirror-tables";

/**
 * A table of `rows` × `columns` (the first row header cells when `header`) after the paragraph the
 * cursor is in — in place of it when it is empty — at the first level that may hold a table
 * (inside Ärendet, a statement, a list item or the § itself). The cursor goes to the first cell.
 */
export function insertTable(schema: Schema, rows = 3, columns = 3, header = true): Command {
  const n = schema.nodes;
  return (state, dispatch) => {
    const table = n.table!;
    const cell = (type: NodeType) => type.createAndFill()!;
    const node = table.create(
      null,
      Array.from({ length: rows }, (_r, r) =>
        n.table_row!.create(
          null,
          Array.from({ length: columns }, () =>
            cell(r === 0 && header ? n.table_header! : n.table_cell!),
          ),
        ),
      ),
    );
    const { $from } = state.selection;
    for (let d = $from.depth; d > 0; d--) {
      const parent = $from.node(d - 1);
      const index = $from.index(d - 1);
      const here = $from.node(d);
      // An empty paragraph is replaced; otherwise the table goes after the block at this level.
      const replace = d === $from.depth && here.type === n.paragraph && here.content.size === 0;
      if (
        replace
          ? !parent.canReplaceWith(index, index + 1, table)
          : !parent.canReplaceWith(index + 1, index + 1, table)
      )
        continue;
      if (dispatch) {
        const pos = replace ? $from.before(d) : $from.after(d);
        const tr = replace
          ? state.tr.replaceWith(pos, pos + here.nodeSize, node)
          : state.tr.insert(pos, node);
        // Table (pos) → row (+1) → cell (+2) → paragraph (+3): the text of the first cell.
        tr.setSelection(TextSelection.create(tr.doc, pos + 4));
        dispatch(tr.scrollIntoView());
      }
      return true;
    }
    return false;
  };
}

interface TableAction {
  /** The menu command's name (schemas/contract.ts, menuCommands). */
  command: Extract<MenuCommand, `table.${string}`>;
  label: string;
  run: Command;
}

/** What can be done to the table under the cursor, in menu order. */
export const tableActions: readonly TableAction[] = [
  { command: "table.addRowBefore", label: "Infoga rad ovanför", run: addRowBefore },
  { command: "table.addRowAfter", label: "Infoga rad nedanför", run: addRowAfter },
  { command: "table.addColumnBefore", label: "Infoga kolumn till vänster", run: addColumnBefore },
  { command: "table.addColumnAfter", label: "Infoga kolumn till höger", run: addColumnAfter },
  { command: "table.deleteRow", label: "Ta bort rad", run: deleteRow },
  { command: "table.deleteColumn", label: "Ta bort kolumn", run: deleteColumn },
  { command: "table.toggleHeaderRow", label: "Rubrikrad av/på", run: toggleHeaderRow },
  { command: "table.mergeCells", label: "Sammanfoga celler", run: mergeCells },
  { command: "table.splitCell", label: "Dela cell", run: splitCell },
  { command: "table.delete", label: "Ta bort tabell", run: deleteTable },
];

/** Tab and Shift+Tab move between cells (before the list keys, which take Tab otherwise). */
export const tableKeys: Record<string, Command> = {
  Tab: goToNextCell(1),
  "Shift-Tab": goToNextCell(-1),
};
