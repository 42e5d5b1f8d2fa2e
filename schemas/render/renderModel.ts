/**
 * The neutral render model: what a document looks like, independent of the file format.
 * Document + meta + template → `RenderedDocument`; the DOCX and PDF writers (and the editor's
 * preview) are pure functions of it, so all of them print the same words in the same order.
 */

/** A piece of text with its emphasis. A "\n" inside `text` is a line break. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type ListStyle = "decimal" | "upper-alpha" | "lower-alpha" | "bullet";

/**
 * Paragraph styles: `body` running text; `lead` a generated lead-in (who proposed, who reserved);
 * `meta` a line under a heading (Dnr, subtitle); `note` small print; `signatureLine` the line to
 * sign on; `center` centred text (the ANSLAG/BEVIS heading lines).
 */
export type ParagraphStyle = "body" | "lead" | "meta" | "note" | "signatureLine" | "center";

export interface TableColumn {
  header: string;
  /** Relative width (the writers scale the columns to the text width). */
  width: number;
  align?: "left" | "center" | "right";
}

/** How far a table cell reaches beyond its own place (absent = 1). */
export interface CellSpan {
  colSpan?: number;
  rowSpan?: number;
}

export type Block =
  /**
   * Level 1: the document's title; level 2: a § ("§ 5 Motion om …") or a main part of the
   * document (Närvarande, Underskrifter, ANSLAG/BEVIS); level 3: a part of a § ("Socialnämndens
   * beslut", "Ärendet", "Yrkanden"). `bookmark` puts the heading in the PDF outline.
   */
  | { type: "heading"; level: 1 | 2 | 3; runs: Run[]; bookmark?: string }
  | { type: "paragraph"; style: ParagraphStyle; runs: Run[] }
  /** A list: decision points (decimal), anmälningsärenden (A. B. C.), bullets. Items hold blocks. */
  | { type: "list"; style: ListStyle; start: number; items: Block[][] }
  /** Quoted text: a reservation's or statement's own words. */
  | { type: "quote"; blocks: Block[] }
  /**
   * A table: a vote with each member's vote (`role: "vote"`, last row the totals), the attendance
   * (`attendance`) or a form of labels and values (`form`: ANSLAG/BEVIS).
   */
  | {
      type: "table";
      /** `content`: a table the secretary wrote in the text (schemas/render/renderTable.ts). */
      role: "vote" | "attendance" | "form" | "content";
      caption?: string;
      columns: TableColumn[];
      rows: string[][];
      headerRow: boolean;
      totalsRow: boolean;
      /**
       * Merged cells, when the table has any: one entry per printed row (the header row first when
       * `headerRow`) and column — the cell that starts there (`{}` or its spans), or null where a
       * merged cell covers the place (its text in `columns`/`rows` is "").
       */
      spans?: (CellSpan | null)[][];
    }
  /** Places to sign: one line per signatory, with the role above and the name under the line. */
  | { type: "signatures"; signers: { role: string; name: string }[] }
  | { type: "pageBreak" };

export type BlockType = Block["type"];

export interface PageHeader {
  /** The body, e.g. "Socialnämnden". */
  left: string;
  /** "Protokoll", "Protokollsutdrag", "Anslag". */
  center: string;
  /** The meeting date, "2020-08-25". */
  right: string;
}

export interface PageFooter {
  /** Number of "Justerandes signatur" boxes (chair + justerare); 0 for none. */
  signatureBoxes: number;
  /** Show "Sida X av Y". */
  pageNumbers: boolean;
}

export interface RenderedDocument {
  /** Title in the document properties and the PDF title bar. */
  title: string;
  subject: string;
  /** The author in the document properties (the secretary, or the body). */
  creator: string;
  language: "sv-SE";
  header: PageHeader | null;
  footer: PageFooter;
  /** Diagonal watermark on every page ("UTKAST" for a draft export), or null. */
  watermark: string | null;
  /** Keywords in the document properties: the status and, once justerat, the seal. */
  keywords?: string[];
  blocks: Block[];
}

/** Plain text of runs. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join("");
}
