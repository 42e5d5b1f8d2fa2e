/**
 * A table with merged cells (a table the secretary wrote, render model `spans`) in the tagged PDF:
 * Table → TR → TH/TD, where a merged cell is one TH/TD carrying the standard table attributes
 * `/A << /O /Table /ColSpan n /RowSpan m >>` (pdfkit writes only `Scope`, so they are set on the
 * structure element's dictionary here), and header cells carry `/Scope /Column`. Rows joined by a
 * cell spanning them are kept on one page; the header row is repeated on a new page. Rules and
 * shading are artifacts, as in the other tables (writePdf.ts calls this for a table with `spans`).
 */
import type { Block, CellSpan } from "../../schemas/render/renderModel.js";
import type { FontName } from "./fonts.js";

type TableBlock = Extract<Block, { type: "table" }>;
type Struct = PDFKit.PDFStructureElement;

/** What the table needs from the PDF writer: the document, where the table goes and its helpers. */
export interface PdfTableHost {
  doc: PDFKit.PDFDocument;
  left: number;
  width: number;
  /** Lowest y the content may reach on a page; the first y of a page's content. */
  bottom: number;
  top: number;
  /** Set the font and size (and the text colour) of cell text. */
  font(name: FontName): void;
  artifact(draw: () => void): void;
  newPage(): void;
  /** The fill colour was changed (header shading): the writer's remembered colour is stale. */
  fillChanged(): void;
}

interface Placed {
  row: number;
  col: number;
  span: Required<CellSpan>;
  text: string;
  header: boolean;
}

const PAD = 4;

/** Put the standard table attributes on a TH/TD (before it is ended and written). */
function setTableAttributes(el: Struct, attrs: Record<string, unknown>): void {
  const data = (el as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data;
  data.A = { ...((data.A as Record<string, unknown> | undefined) ?? {}), O: "Table", ...attrs };
}

export function drawSpannedTable(host: PdfTableHost, b: TableBlock, parent: Struct): void {
  const { doc, left } = host;
  const total = b.columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = b.columns.map((c) => (c.width / total) * host.width);
  const lines = b.headerRow ? [b.columns.map((c) => c.header), ...b.rows] : b.rows;
  const spans = b.spans ?? [];
  const cells: Placed[][] = lines.map((texts, r) => {
    const out: Placed[] = [];
    texts.forEach((text, c) => {
      const s = spans[r]?.[c];
      if (s === null) return;
      const colSpan = Math.max(1, Math.min(s?.colSpan ?? 1, widths.length - c));
      const rowSpan = Math.max(1, Math.min(s?.rowSpan ?? 1, lines.length - r));
      out.push({
        row: r,
        col: c,
        span: { colSpan, rowSpan },
        text,
        header: b.headerRow && r === 0,
      });
    });
    return out;
  });
  const x = (c: number) => left + widths.slice(0, c).reduce((s, w) => s + w, 0);
  const w = (cell: Placed) =>
    widths.slice(cell.col, cell.col + cell.span.colSpan).reduce((s, v) => s + v, 0);
  const textHeight = (cell: Placed) => {
    host.font(cell.header ? "serifBold" : "serif");
    return (
      doc.heightOfString(cell.text || " ", { width: Math.max(1, w(cell) - 2 * PAD), lineGap: 1 }) +
      2 * PAD
    );
  };
  // Row heights: the tallest single-row cell; a cell spanning rows stretches the last of them.
  const heights = cells.map((row) =>
    Math.max(12, ...row.filter((c) => c.span.rowSpan === 1).map(textHeight)),
  );
  for (const row of cells)
    for (const cell of row.filter((c) => c.span.rowSpan > 1)) {
      const have = heights.slice(cell.row, cell.row + cell.span.rowSpan).reduce((s, h) => s + h, 0);
      const need = textHeight(cell);
      if (need > have) heights[cell.row + cell.span.rowSpan - 1]! += need - have;
    }
  // Groups of rows that a cell spanning rows ties together: each group stays on one page.
  const groups: [number, number][] = [];
  for (let r = 0; r < lines.length;) {
    let end = r;
    for (let i = r; i <= end; i++)
      for (const cell of cells[i]!) end = Math.max(end, cell.row + cell.span.rowSpan - 1);
    groups.push([r, end]);
    r = end + 1;
  }
  const height = (from: number, to: number) =>
    heights.slice(from, to + 1).reduce((s, h) => s + h, 0);

  const t = doc.struct("Table");
  parent.add(t);
  const drawGroup = ([from, to]: [number, number]) => {
    const y0 = doc.y;
    const top = (r: number) => y0 + height(from, r - 1);
    host.artifact(() => {
      for (let r = from; r <= to; r++)
        for (const cell of cells[r]!) {
          const h = height(cell.row, cell.row + cell.span.rowSpan - 1);
          if (cell.header) {
            doc.rect(x(cell.col), top(r), w(cell), h).fillColor("#eeeeee").fill();
            host.fillChanged();
          }
          doc.lineWidth(0.5).strokeColor("#808080").rect(x(cell.col), top(r), w(cell), h).stroke();
        }
    });
    for (let r = from; r <= to; r++) {
      const tr = doc.struct("TR");
      t.add(tr);
      for (const cell of cells[r]!) {
        const el = doc.struct(cell.header ? "TH" : "TD");
        const attrs: Record<string, number | string> = cell.header ? { Scope: "Column" } : {};
        if (cell.span.colSpan > 1) attrs.ColSpan = cell.span.colSpan;
        if (cell.span.rowSpan > 1) attrs.RowSpan = cell.span.rowSpan;
        if (Object.keys(attrs).length) setTableAttributes(el, attrs);
        tr.add(el);
        el.add(() => {
          host.font(cell.header ? "serifBold" : "serif");
          doc.text(cell.text || " ", x(cell.col) + PAD, top(r) + PAD, {
            width: Math.max(1, w(cell) - 2 * PAD),
            align: b.columns[cell.col]?.align ?? "left",
            lineGap: 1,
          });
        });
        el.end();
      }
      tr.end();
    }
    doc.y = y0 + height(from, to);
    doc.x = host.left;
  };
  const headerGroup = b.headerRow && groups[0]?.[1] === 0 ? groups[0] : null;
  groups.forEach((g, i) => {
    const need =
      height(g[0], g[1]) +
      (i === 0 && headerGroup && groups[1] ? height(groups[1][0], groups[1][1]) : 0);
    if (doc.y + need > host.bottom && doc.y > host.top + 1) {
      host.newPage();
      if (headerGroup && i > 0) drawGroup(headerGroup);
    }
    drawGroup(g);
  });
  t.end();
  doc.moveDown(0.6);
}
