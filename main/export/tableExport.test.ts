import { describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { createFile } from "../../schemas/file.js";
import { budgetTable } from "../../schemas/tables.testkit.js";
import { exportDocument } from "./exportDocument.js";
import { docxParts, readPdf } from "./readBack.testkit.js";

const file = () =>
  createFile(
    "protokoll",
    { body: { name: "Nämnden" } },
    b.protocol(
      b.item({ id: "p1", title: "Budget" }, b.background(b.p("Budgeten:"), budgetTable())),
    ),
  );

const exported = async (format: "docx" | "pdf") => {
  const r = await exportDocument(file(), { format, output: "full", draft: true });
  if (!r.ok) throw new Error(r.error);
  return r.bytes;
};

describe("a table with merged cells in the exports", () => {
  it("is a Word table with a repeated header row, gridSpan and vMerge", async () => {
    const xml = docxParts(await exported("docx"))["word/document.xml"]!;
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const table = tables.find((t) => t.includes("Kostnad (tkr)"))!;
    expect(table).toBeDefined();
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain("<w:tblHeader/>");
    expect(rows[1]).not.toContain("<w:tblHeader/>");
    // Header: "Post" and "Kostnad (tkr)" spanning two grid columns.
    expect(rows[0]!.match(/<w:tc>/g)).toHaveLength(2);
    expect(rows[0]).toMatch(/<w:gridSpan w:val="2"\/>[\s\S]*Kostnad \(tkr\)/);
    // "Drift" starts a vertical merge; the row below continues it with an empty cell.
    expect(rows[1]).toMatch(/<w:vMerge w:val="restart"\/>[\s\S]*?Drift/);
    expect(rows[2]!.match(/<w:tc>/g)).toHaveLength(3);
    expect(rows[2]).toMatch(
      /^<w:tr>.*?<w:tc><w:tcPr><w:tcW [^>]*\/><w:vMerge\/><\/w:tcPr><w:p\/><\/w:tc>/s,
    );
    expect(table.match(/<w:gridCol /g)).toHaveLength(3);
  });

  it("is a tagged PDF table whose merged cells carry ColSpan and RowSpan", async () => {
    const bytes = await exported("pdf");
    const raw = Buffer.from(bytes).toString("latin1");
    // Structure elements are plain (uncompressed) objects in pdfkit's output.
    const th = [...raw.matchAll(/<<\n\/S \/TH\n[\s\S]*?>>\n/g)].map((m) => m[0]);
    expect(th).toHaveLength(2);
    expect(th.every((t) => /\/Scope \/Column/.test(t))).toBe(true);
    expect(th.some((t) => /\/ColSpan 2/.test(t))).toBe(true);
    const td = [...raw.matchAll(/<<\n\/S \/TD\n[\s\S]*?>>\n/g)].map((m) => m[0]);
    expect(td.filter((t) => /\/RowSpan 2/.test(t))).toHaveLength(1);
    expect(td.filter((t) => /\/ColSpan/.test(t))).toHaveLength(0);
    const text = (await readPdf(bytes)).pages.join("\n");
    for (const s of ["Post", "Kostnad (tkr)", "Drift", "2025", "1 200", "2026", "1 450"])
      expect(text).toContain(s);
  });
});
