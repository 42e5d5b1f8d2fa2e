/**
 * The small factories every renderer builds its blocks from (the protocol's, the kallelse's):
 * a paragraph, a heading, the two-column form of meeting facts, a table of persons, and a date
 * in Swedish long form. Declared once so the outputs of every kind look alike.
 */
import { swedishLongDate } from "../dates.js";
import type { Block } from "./renderModel.js";

export const para = (
  text: string,
  style: "body" | "meta" | "note" | "center" | "lead" = "body",
): Block => ({ type: "paragraph", style, runs: [{ text }] });

export const heading = (level: 1 | 2 | 3, text: string, bookmark?: string): Block => ({
  type: "heading",
  level,
  runs: [{ text }],
  ...(bookmark ? { bookmark } : {}),
});

/** Meeting facts as label–value rows (Sammanträdesdatum, Plats, …). */
export const form = (rows: [string, string][]): Block => ({
  type: "table",
  role: "form",
  columns: [
    { header: "", width: 38 },
    { header: "", width: 62 },
  ],
  rows,
  headerRow: false,
  totalsRow: false,
});

/** A captioned table of persons (name, party, a third column such as Anmärkning or Uppdrag); nothing when there are none. */
export function personTable(
  caption: string,
  third: { header: string; widths: [number, number, number] },
  rows: string[][],
): Block[] {
  const [name, party, note] = third.widths;
  return rows.length
    ? [
        heading(3, caption),
        {
          type: "table",
          role: "attendance",
          caption,
          columns: [
            { header: "Namn", width: name },
            { header: "Parti", width: party },
            { header: third.header, width: note },
          ],
          rows,
          headerRow: true,
          totalsRow: false,
        },
      ]
    : [];
}

/** "den 25 augusti 2020" (or without "den", or with the weekday); "" for no date. */
export const long = (
  iso: string | null | undefined,
  opts: { den?: boolean; weekday?: boolean } = {},
) => (iso ? swedishLongDate(iso, opts) : "");
