/** Tables for the tests: a budget with a header row and merged cells. */
import * as b from "./build.js";
import { schema } from "./schema.js";

const n = schema.nodes;
export const cell = (text: string, attrs: Record<string, unknown> = {}, header = false) =>
  (header ? n.table_header : n.table_cell).create(attrs, b.p(text));
/** Budget table: header row, "Kostnad" over two columns, "Drift" over two rows. */
export const budgetTable = () =>
  n.table.create(null, [
    n.table_row.create(null, [cell("Post", {}, true), cell("Kostnad (tkr)", { colspan: 2 }, true)]),
    n.table_row.create(null, [cell("Drift", { rowspan: 2 }), cell("2025"), cell("1 200")]),
    n.table_row.create(null, [cell("2026"), cell("1 450")]),
  ]);
