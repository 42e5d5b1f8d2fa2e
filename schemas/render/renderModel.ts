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

export type Block =
  /**
   * Level 1: the document's title; level 2: a § ("§ 5 Motion om …") or a main part of the
   * document (Närvarande, Underskrifter, ANSLAG/BEVIS); level 3: a part of a § ("Socialnämndens
   * beslut", "Ärendet", "Yrkanden"). `bookmark` puts the heading in the PDF outline.
   */
  | ({ type: "heading"; level: 1 | 2 | 3; runs: Run[]; bookmark?: string } & HeadingMarks)
  | { type: "paragraph"; style: ParagraphStyle; runs: Run[] }
  /** A list: decision points (decimal), anmälningsärenden (A. B. C.), bullets. Items hold blocks. */
  | { type: "list"; style: ListStyle; start: number; items: Block[][] }
  /** Quoted text: a reservation's or statement's own words. */
  | { type: "quote"; blocks: Block[] }
  /**
   * A table: a vote with each member's vote (`role: "vote"`, last row the totals), the attendance
   * (`attendance`) or a form of labels and values (`form`: ANSLAG/BEVIS).
   */
  | { type: "table"; role: "vote" | "attendance" | "form"; caption?: string; columns: TableColumn[]; rows: string[][]; headerRow: boolean; totalsRow: boolean }
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

// ── Issue 15 (PDF writer, pdf branch): optional additions. A writer that does not know a field
// ── ignores it; a document without them renders as before. To be reconciled with the render
// ── model owner's names (outputs branch).

/** Marks on a heading. */
export interface HeadingMarks {
  /**
   * On a § heading: the § is under sekretess, with its own OSL reference ("OSL 26 kap. 1 §").
   * The PDF prints "Sekretess enligt OSL 26 kap. 1 §" in the heading and names it in the §'s
   * structure element.
   */
  confidential?: string;
}

/** A § under sekretess, for the list on the first page. */
export interface ConfidentialItem {
  /** "§ 7" */
  label: string;
  title: string;
  /** "OSL 26 kap. 1 §" */
  reference: string;
}

/** The municipality's profile as the writers use it (already read and checked). */
export interface RenderProfile {
  /** "Exempelby kommun": printed in the page header. */
  municipality: string;
  /** The logo: PNG bytes (any colour type; flattened on white in the PDF) and/or SVG text. */
  logo?: { png?: Uint8Array; svg?: string };
  /** Colours as "#rrggbb": headings and header rule (`primary`), header text (`secondary`). */
  colors?: { primary?: string; secondary?: string };
  /** An embeddable TrueType font for the body text, by style; missing styles use DejaVu Serif. */
  font?: { name: string; regular: Uint8Array; bold?: Uint8Array; italic?: Uint8Array; boldItalic?: Uint8Array };
  /** Postal address, telephone, web: the first page's footer. */
  addressLine?: string;
}

export interface RenderedDocument {
  /** The municipality's profile; absent: the look without a profile. */
  profile?: RenderProfile;
  /** The §§ under sekretess, listed on the first page (full protocol). */
  confidentialItems?: ConfidentialItem[];
}
