/**
 * A table with merged cells (a table the secretary wrote, render model `spans`) as Word XML: the
 * grid of columns, a cell that spans columns as `w:gridSpan`, one that spans rows as `w:vMerge`
 * ("restart" in its first row, a continuing empty cell in each row below), the header row marked
 * `w:tblHeader` so Word repeats it on every page. Borders, margins and widths as the other body
 * tables (writeDocx.ts `WordTable`, which calls this for a table with `spans`).
 */
import { EMPTY_OBJECT, type IXmlableObject } from "docx";
import type { Block, CellSpan } from "../../schemas/render/renderModel.js";

type TableBlock = Extract<Block, { type: "table" }>;

const CELL_BORDER = { _attr: { "w:val": "single", "w:color": "808080", "w:sz": 4 } };
const dxa = (name: string, w: number) => ({ [name]: { _attr: { "w:type": "dxa", "w:w": w } } });
const BOLD = { "w:rPr": [{ "w:b": EMPTY_OBJECT }, { "w:bCs": EMPTY_OBJECT }] };

/** A cell's paragraph: its lines as runs with line breaks (bold in the header row). */
function cellParagraph(text: string, bold: boolean, align: string | undefined): IXmlableObject {
  const p: unknown[] = align ? [{ "w:pPr": [{ "w:jc": { _attr: { "w:val": align } } }] }] : [];
  if (text !== "")
    text.split("\n").forEach((line, i) => {
      const run: unknown[] = bold ? [BOLD] : [];
      if (i > 0) run.push({ "w:br": EMPTY_OBJECT });
      run.push({ "w:t": [{ _attr: { "xml:space": "preserve" } }, line] });
      p.push({ "w:r": run });
    });
  return { "w:p": p.length ? p : EMPTY_OBJECT };
}

/** The `w:tbl` of a table whose `spans` say which cells are merged; `textWidth` in twips. */
export function spannedTableXml(b: TableBlock, textWidth: number): IXmlableObject {
  const total = b.columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = b.columns.map((c) => Math.round((c.width / total) * textWidth));
  const lines = b.headerRow ? [b.columns.map((c) => c.header), ...b.rows] : b.rows;
  const spans = b.spans ?? [];
  // Which merged cell covers each place below its first row: the continuing cells of `w:vMerge`.
  const covering = lines.map(() => [] as ({ colSpan: number } | undefined)[]);
  spans.forEach((row, r) =>
    row.forEach((s, c) => {
      const rowSpan = s?.rowSpan ?? 1;
      for (let dr = 1; dr < rowSpan && r + dr < lines.length; dr++)
        covering[r + dr]![c] = { colSpan: s?.colSpan ?? 1 };
    }),
  );
  const width = (c: number, n: number) => widths.slice(c, c + n).reduce((s, w) => s + w, 0);
  const tc = (
    c: number,
    span: CellSpan,
    merge: "restart" | "continue" | null,
    content: IXmlableObject,
  ): IXmlableObject => {
    const n = span.colSpan ?? 1;
    const tcPr: IXmlableObject[] = [dxa("w:tcW", width(c, n))];
    if (n > 1) tcPr.push({ "w:gridSpan": { _attr: { "w:val": n } } });
    if (merge === "restart") tcPr.push({ "w:vMerge": { _attr: { "w:val": "restart" } } });
    if (merge === "continue") tcPr.push({ "w:vMerge": EMPTY_OBJECT });
    return { "w:tc": [{ "w:tcPr": tcPr }, content] };
  };
  const rows = lines.map((cells, r): IXmlableObject => {
    const header = b.headerRow && r === 0;
    const out: IXmlableObject[] = [
      {
        "w:trPr": header
          ? [{ "w:cantSplit": EMPTY_OBJECT }, { "w:tblHeader": EMPTY_OBJECT }]
          : [{ "w:cantSplit": EMPTY_OBJECT }],
      },
    ];
    for (let c = 0; c < widths.length;) {
      const span = spans[r]?.[c];
      const above = covering[r]![c];
      if (span === null && above) {
        out.push(tc(c, above, "continue", cellParagraph("", false, undefined)));
        c += above.colSpan;
      } else if (span === null)
        c++; // covered by a cell to the left: part of its gridSpan
      else {
        const s = span ?? {};
        const align = b.columns[c]?.align;
        out.push(
          tc(
            c,
            s,
            (s.rowSpan ?? 1) > 1 ? "restart" : null,
            cellParagraph(
              cells[c] ?? "",
              header,
              align === "center" || align === "right" ? align : undefined,
            ),
          ),
        );
        c += s.colSpan ?? 1;
      }
    }
    return { "w:tr": out };
  });
  return {
    "w:tbl": [
      {
        "w:tblPr": [
          dxa("w:tblW", textWidth),
          {
            "w:tblBorders": (["top", "left", "bottom", "right", "insideH", "insideV"] as const).map(
              (side) => ({ [`w:${side}`]: CELL_BORDER }),
            ),
          },
          { "w:tblLayout": { _attr: { "w:type": "fixed" } } },
          {
            "w:tblCellMar": [
              dxa("w:top", 40),
              dxa("w:left", 80),
              dxa("w:bottom", 40),
              dxa("w:right", 80),
            ],
          },
        ],
      },
      { "w:tblGrid": widths.map((w) => ({ "w:gridCol": { _attr: { "w:w": w } } })) },
      ...rows,
    ],
  };
}
