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
  /**
   * (issue 15) This run is a reference to a §: the `anchor` of that §'s heading. `text` is what
   * it reads now ("§ 5"). DOCX writes a REF field to the heading's bookmark (marked dirty, so Word
   * updates it on open when the secretary has renumbered); the PDF may link it to the heading's
   * named destination. Absent on ordinary text.
   */
  ref?: string;
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
  | {
      type: "heading";
      level: 1 | 2 | 3;
      runs: Run[];
      bookmark?: string;
      /**
       * (issue 15) A stable id of a § heading ("par_<agenda_item id>", letters, digits and "_",
       * ≤ 40 characters): the DOCX bookmark name (it covers the "§ 5" at the start of the heading)
       * and the PDF named destination that `Run.ref` points to. Only on § headings.
       */
      anchor?: string;
      /**
       * (issue 15) The sekretess marking of a confidential § in the full protocol, e.g.
       * "Sekretess enligt OSL 26 kap. 1 §". Writers print it as a second line of the same heading
       * (DOCX: a line break inside the Heading 2 paragraph; PDF: inside the same H2 structure
       * element), so the outline, the tags and a registrar reading the page all see it. Absent when
       * the § is not confidential (and in the public version, where the § is replaced).
       */
      marking?: string;
    }
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
  /**
   * (issue 15) The municipality profile's look (schemas/profile.ts, loaded by
   * main/export/loadProfile.ts), or absent/null: then every writer prints exactly as without a
   * profile. What the profile changes in the words and their order (municipality, förvaltningsrätt,
   * signatures on page 1) is already in `blocks`; this is only what the writers draw.
   */
  profile?: RenderProfile | null;
  blocks: Block[];
}

/** (issue 15) A logo, ready for both writers. */
export interface RenderLogo {
  /**
   * PNG, 8-bit RGB, no alpha channel (a transparent logo is flattened onto white), so it may go
   * into PDF/A-1b (no soft masks) and into the DOCX as is.
   */
  png: Uint8Array;
  /** Size of the PNG in pixels (for the aspect ratio). */
  width: number;
  height: number;
  /** The SVG text when the profile's logo is an SVG: the PDF may draw it as vectors (svg-to-pdfkit); the DOCX uses `png`. */
  svg?: string;
  /** Alternative text (the municipality's name): PDF /Alt of the Figure, DOCX wp:docPr descr. */
  alt: string;
}

/** (issue 15) An embeddable TrueType family from the profile. Missing styles fall back to `regular`. */
export interface RenderFont {
  /** The family name as Word should see it ("Exempel Sans"). */
  family: string;
  regular: Uint8Array;
  bold?: Uint8Array;
  italic?: Uint8Array;
  boldItalic?: Uint8Array;
}

/**
 * (issue 15) What a municipality profile changes in how a document is drawn.
 * - The letterhead: at the top of the FIRST page only, above the first block: the logo on the
 *   left (at most 20 mm high, 60 mm wide, aspect kept), beside it `municipality` in the heading
 *   font, bold, in `colours.accent`, and `addressLine` under it in small print. Without a logo the
 *   text starts at the left margin. In the PDF it is a Figure (Alt = logo.alt) followed by P.
 * - `colours.accent` (#RRGGBB) colours headings (levels 1–3) and the rule under the page header.
 * - `fonts.body` / `fonts.heading` replace DejaVu Serif / DejaVu Sans (PDF embeds them; DOCX
 *   names them in styles and fontTable.xml).
 */
export interface RenderProfile {
  /** "Exempelby kommun". */
  municipality: string;
  /** "Box 1, 123 45 Exempelby · 012-34 56 78", or null. */
  addressLine: string | null;
  logo: RenderLogo | null;
  colours: { accent: string | null };
  fonts: { body: RenderFont | null; heading: RenderFont | null };
}

/** Plain text of runs. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join("");
}
