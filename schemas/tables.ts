/**
 * Tables the secretary writes (a budget, a time plan, a list of remissinstanser): the limits of
 * a cell's spans, the cap applied when a file is opened, and the grid of a table node — where each
 * cell starts and what it covers — shared by the render model and the tests. Pure (no DOM).
 *
 * A cell spans at most `MAX_COLSPAN` columns (Word's limit of columns in a table) and never more
 * rows than the table has below it: a file with a larger span opens with the span cut down instead
 * of being refused or laying out a table of a million rows.
 */
import type { Node } from "prosemirror-model";

/** Word allows 63 columns in a table. */
export const MAX_COLSPAN = 63;
/** More rows than any table in a protocol has; the real cap is the rows below the cell. */
export const MAX_ROWSPAN = 1000;
/** A column width (px in the editor) that is still a width and not a mistake. */
export const MAX_COLWIDTH = 5000;

/** Clamp a span read from a file or from pasted HTML to 1…max. */
export function clampSpan(value: unknown, max: number): number {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(Math.floor(n), max);
}

type JsonNode = { type?: unknown; attrs?: Record<string, unknown>; content?: unknown[] } & Record<
  string,
  unknown
>;
const isNode = (v: unknown): v is JsonNode =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const isCell = (n: JsonNode) => n.type === "table_cell" || n.type === "table_header";

/**
 * The document JSON with every table cell's `colspan` and `rowspan` cut down to what the table can
 * hold (and `colwidth` to as many widths as columns spanned). Returns the same object when nothing
 * had to change; never throws on malformed input (the schema check reports that afterwards).
 */
export function capTableSpans<T>(doc: T): T {
  if (!isNode(doc)) return doc;
  const visit = (node: JsonNode): JsonNode => {
    if (!Array.isArray(node.content)) return node;
    let changed = false;
    const rows = node.type === "table" ? node.content.length : 0;
    const content = node.content.map((child, rowIndex) => {
      if (!isNode(child)) return child;
      let next = visit(child);
      if (node.type === "table" && Array.isArray(next.content)) {
        let rowChanged = false;
        const cells = next.content.map((cell) => {
          if (!isNode(cell) || !isCell(cell) || !isNode(cell.attrs)) return cell;
          const a = cell.attrs;
          const colspan = clampSpan(a.colspan ?? 1, MAX_COLSPAN);
          const rowspan = clampSpan(
            a.rowspan ?? 1,
            Math.max(1, Math.min(MAX_ROWSPAN, rows - rowIndex)),
          );
          const widths = Array.isArray(a.colwidth) ? a.colwidth : null;
          const colwidth =
            widths && widths.length > colspan ? widths.slice(0, colspan) : a.colwidth;
          const same = (given: unknown, n: number) =>
            given === n || (given === undefined && n === 1);
          if (same(a.colspan, colspan) && same(a.rowspan, rowspan) && colwidth === a.colwidth)
            return cell;
          rowChanged = true;
          return {
            ...cell,
            attrs: { ...a, colspan, rowspan, ...(colwidth !== undefined ? { colwidth } : {}) },
          };
        });
        if (rowChanged) next = { ...next, content: cells };
      }
      if (next !== child) changed = true;
      return next;
    });
    return changed ? { ...node, content } : node;
  };
  return visit(doc) as T;
}

/** One cell of a table's grid, at the row and column where it starts. */
export interface GridCell {
  node: Node;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  header: boolean;
}

export interface TableGrid {
  rows: number;
  columns: number;
  /** The cells in reading order (row by row, left to right). */
  cells: GridCell[];
  /** `at[row][col]`: the cell covering that place, or null where a short row leaves a hole. */
  at: (GridCell | null)[][];
  /** Column widths from the cells' `colwidth` (px), null where no cell gives one. */
  widths: (number | null)[];
}

/**
 * The grid of a `table` node: each cell placed at the first free column of its row, spanning its
 * `colspan` columns and `rowspan` rows (never past the last row). Rows shorter than the widest are
 * left with holes (null) rather than invented cells.
 */
export function tableGrid(table: Node): TableGrid {
  const rows = table.childCount;
  const at: (GridCell | null)[][] = Array.from({ length: rows }, () => []);
  const cells: GridCell[] = [];
  let columns = 0;
  const widths: (number | null)[] = [];
  table.forEach((row, _o, r) => {
    let c = 0;
    row.forEach((node) => {
      while (at[r]![c]) c++;
      const colSpan = clampSpan(node.attrs.colspan, MAX_COLSPAN);
      const rowSpan = clampSpan(node.attrs.rowspan, rows - r);
      const cell: GridCell = {
        node,
        row: r,
        col: c,
        rowSpan,
        colSpan,
        header: node.type.name === "table_header",
      };
      cells.push(cell);
      const colwidth = node.attrs.colwidth as number[] | null;
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) at[r + dr]![c + dc] = cell;
      for (let dc = 0; dc < colSpan; dc++)
        if (colwidth?.[dc] && widths[c + dc] == null) widths[c + dc] = colwidth[dc]!;
      c += colSpan;
      columns = Math.max(columns, c);
    });
  });
  for (const line of at) for (let c = 0; c < columns; c++) line[c] ??= null;
  for (let c = 0; c < columns; c++) widths[c] ??= null;
  widths.length = columns;
  return { rows, columns, cells, at, widths };
}
