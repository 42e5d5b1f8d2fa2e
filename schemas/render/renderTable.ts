/**
 * A table the secretary wrote (the `table` node) → the render model's table block: the first row
 * is the header row when all its cells are header cells, the columns' widths follow the widths set
 * in the editor (even where none were set), a cell's paragraphs become lines, and merged cells
 * become `spans` (left out when nothing is merged, so the block is like any other table).
 */
import type { Node } from "prosemirror-model";
import { tableGrid } from "../tables.js";
import type { Block, CellSpan, TableColumn } from "./renderModel.js";

/** The text of a cell: its paragraphs as lines; `text` renders a paragraph's inline content. */
type CellText = (paragraph: Node) => string;

export function renderTable(table: Node, text: CellText): Extract<Block, { type: "table" }> {
  const grid = tableGrid(table);
  const first = grid.at[0] ?? [];
  const headerRow =
    grid.rows > 1 && first.length > 0 && first.every((c) => c !== null && c.header && c.row === 0);
  const lines: string[][] = [];
  const spans: (CellSpan | null)[][] = [];
  let merged = false;
  grid.at.forEach((line, r) => {
    lines.push(
      line.map((cell, c) => {
        if (!cell || cell.row !== r || cell.col !== c) return "";
        const paragraphs: string[] = [];
        cell.node.forEach((p) => paragraphs.push(text(p)));
        return paragraphs.join("\n");
      }),
    );
    spans.push(
      line.map((cell, c) => {
        if (!cell) return {};
        if (cell.row !== r || cell.col !== c) return null;
        const span: CellSpan = {};
        if (cell.colSpan > 1) span.colSpan = cell.colSpan;
        if (cell.rowSpan > 1) span.rowSpan = cell.rowSpan;
        if (cell.colSpan > 1 || cell.rowSpan > 1) merged = true;
        return span;
      }),
    );
  });
  const known = grid.widths.filter((w): w is number => w !== null);
  const fallback = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const columns: TableColumn[] = grid.widths.map((w, c) => ({
    header: headerRow ? (lines[0]![c] ?? "") : "",
    width: w ?? fallback,
  }));
  return {
    type: "table",
    role: "content",
    columns,
    rows: headerRow ? lines.slice(1) : lines,
    headerRow,
    totalsRow: false,
    ...(merged ? { spans } : {}),
  };
}
