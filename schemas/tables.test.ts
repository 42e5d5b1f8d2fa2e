import { describe, expect, it } from "vitest";
import * as b from "./build.js";
import { createFile, parse, serialize } from "./file.js";
import { renderDocument } from "./render/renderDocument.js";
import { schema } from "./schema.js";
import { MAX_COLSPAN, tableGrid } from "./tables.js";
import { budgetTable, cell } from "./tables.testkit.js";

const n = schema.nodes;

const fileWith = (...prose: ReturnType<typeof b.p>[]) =>
  createFile(
    "protokoll",
    { body: { name: "Nämnden" } },
    b.protocol(b.item({ id: "p1", title: "Budget" }, b.background(b.p("Budgeten:"), ...prose))),
  );

describe("tables in the document", () => {
  it("places merged cells on the grid where they start and marks what they cover", () => {
    const grid = tableGrid(budgetTable());
    expect(grid.columns).toBe(3);
    expect(grid.rows).toBe(3);
    expect(grid.at[0]![2]).toBe(grid.at[0]![1]);
    expect(grid.at[2]![0]?.node.textContent).toBe("Drift");
    expect(grid.at[2]![1]?.node.textContent).toBe("2026");
  });

  it("saves and reopens a table with its spans and header cells unchanged", () => {
    const file = fileWith(budgetTable());
    const r = parse(serialize(file));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.file.doc.eq(file.doc)).toBe(true);
  });

  it("cuts down a cell's spans that reach past its table when a file is opened", () => {
    const json = JSON.parse(serialize(fileWith(budgetTable())));
    const table = json.doc.content[0].content[1].content[1];
    expect(table.type).toBe("table");
    table.content[1].content[0].attrs.rowspan = 500;
    table.content[0].content[1].attrs.colspan = 10_000;
    table.content[0].content[1].attrs.colwidth = Array.from({ length: 70 }, () => 50);
    const r = parse(JSON.stringify(json));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const opened = r.file.doc.child(0).child(1).child(1);
    expect(opened.child(1).child(0).attrs.rowspan).toBe(2);
    expect(opened.child(0).child(1).attrs.colspan).toBe(MAX_COLSPAN);
    expect((opened.child(0).child(1).attrs.colwidth as number[]).length).toBe(MAX_COLSPAN);
  });

  it("refuses a file whose table cell has a span that is not a number", () => {
    const json = JSON.parse(serialize(fileWith(budgetTable())));
    json.doc.content[0].content[1].content[1].content[0].content[0].attrs.colwidth = "wide";
    const r = parse(JSON.stringify(json));
    expect(r.ok).toBe(false);
  });

  it("renders a table with its header row and merged cells for the exporters", () => {
    const r = renderDocument(fileWith(budgetTable()), { output: "full", draft: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const table = r.rendered.blocks.find((x) => x.type === "table" && x.role === "content");
    expect(table).toMatchObject({
      type: "table",
      role: "content",
      headerRow: true,
      columns: [{ header: "Post" }, { header: "Kostnad (tkr)" }, { header: "" }],
      rows: [
        ["Drift", "2025", "1 200"],
        ["", "2026", "1 450"],
      ],
      spans: [
        [{}, { colSpan: 2 }, null],
        [{ rowSpan: 2 }, {}, {}],
        [null, {}, {}],
      ],
    });
  });

  it("renders a table without merged cells as a plain table (no spans)", () => {
    const plain = n.table.create(null, [
      n.table_row.create(null, [cell("År"), cell("Kostnad")]),
      n.table_row.create(null, [cell("2025"), cell("1 200")]),
    ]);
    const r = renderDocument(fileWith(plain), { output: "full", draft: true });
    if (!r.ok) throw new Error(r.error);
    const table = r.rendered.blocks.find((x) => x.type === "table" && x.role === "content");
    expect(table).toMatchObject({
      headerRow: false,
      rows: [
        ["År", "Kostnad"],
        ["2025", "1 200"],
      ],
    });
    expect(table && "spans" in table).toBe(false);
  });
});
