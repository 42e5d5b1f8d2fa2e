/**
 * The document structure: one ProseMirror schema for both kinds of document.
 *
 * A protocol (`kind: "protokoll"`) is a sequence of `agenda_item` (§). The § number is never
 * stored: it is derived from the position and the body's first number of the year
 * (`numbering.ts`), so reordering renumbers and `item_ref` always shows the current number.
 * An answer to an interpellation (`kind: "interpellationssvar"`) is one `answer`.
 *
 * Persons inside blocks are ids of `meta.persons`; proposals are referenced by their `id` attribute
 * within the same §. The text that can be generated from those (lead-ins of yrkanden and
 * reservations, the beslutsordning sentence) is not stored: the blocks' content is the secretary's
 * own prose around it.
 */
import { Schema, type NodeSpec, type MarkSpec, type AttributeSpec } from "prosemirror-model";
import { z } from "zod";
import { attrValidator, Ballot, Id, IsoDateTime, PersonIds, ProposalKind, Tally } from "./attrs.js";
import { clampSpan, MAX_COLSPAN, MAX_COLWIDTH, MAX_ROWSPAN } from "./tables.js";

const attr = (schema: z.ZodType, dflt: unknown): AttributeSpec => ({
  default: dflt,
  validate: attrValidator(schema),
});
const idAttr: AttributeSpec = { default: "", validate: attrValidator(z.string().max(100)) };
const personsAttr = attr(PersonIds, []);
const nullableId = attr(Id.nullable(), null);

/** Blocks that hold persons' statements: who made them, with "m.fl." for some of them. */
const statement = (tag: string, label: string): NodeSpec => ({
  group: "item_block",
  content: "prose*",
  attrs: { persons: personsAttr, andOthers: personsAttr },
  defining: true,
  parseDOM: [{ tag: `section[data-block=${tag}]` }],
  toDOM: () => ["section", { "data-block": tag, "aria-label": label }, 0],
});

/**
 * A table cell's attributes, as prosemirror-tables names them: how many columns and rows it spans,
 * and the widths of the columns it covers (px, set by dragging a column border; null = even).
 * Spans read from HTML (pasted from Word, Excel, LibreOffice) are capped as a file's are.
 */
const cellAttrs = {
  colspan: attr(z.number().int().min(1).max(MAX_COLSPAN), 1),
  rowspan: attr(z.number().int().min(1).max(MAX_ROWSPAN), 1),
  colwidth: attr(
    z.array(z.number().int().min(1).max(MAX_COLWIDTH)).max(MAX_COLSPAN).nullable(),
    null,
  ),
};
const cellFromDOM = (dom: HTMLElement) => {
  const colspan = clampSpan(dom.getAttribute("colspan") ?? 1, MAX_COLSPAN);
  const widths = (dom.getAttribute("data-colwidth") ?? "")
    .split(",")
    .map((w) => Math.round(Number(w)));
  const colwidth =
    widths.length === colspan && widths.every((w) => w >= 1 && w <= MAX_COLWIDTH) ? widths : null;
  return { colspan, rowspan: clampSpan(dom.getAttribute("rowspan") ?? 1, MAX_ROWSPAN), colwidth };
};
const cellToDOM = (n: { attrs: Record<string, unknown> }): Record<string, string> => {
  const a: Record<string, string> = {};
  if (n.attrs.colspan !== 1) a.colspan = String(n.attrs.colspan);
  if (n.attrs.rowspan !== 1) a.rowspan = String(n.attrs.rowspan);
  if (n.attrs.colwidth) a["data-colwidth"] = (n.attrs.colwidth as number[]).join(",");
  return a;
};

export const nodes = {
  doc: { content: "agenda_item+ | answer | agenda_entry+" },

  // ---- protokoll ----
  agenda_item: {
    content: "item_title item_subtitle? dnr? (item_block | prose)*",
    attrs: {
      id: idAttr,
      /** OSL reference when the § is covered by sekretess (masked in the public version). */
      confidential: attr(z.string().min(1).nullable(), null),
      /** Omedelbar justering: this § is justerat at the meeting. */
      immediate: attr(z.boolean(), false),
    },
    defining: true,
    isolating: true,
    parseDOM: [
      {
        tag: "article[data-item]",
        getAttrs: (d: HTMLElement) => ({ id: d.getAttribute("data-item") ?? "" }),
      },
    ],
    toDOM: (n) => ["article", { "data-item": n.attrs.id, class: "agenda-item" }, 0],
  },
  item_title: {
    content: "text*",
    marks: "",
    defining: true,
    parseDOM: [{ tag: "h2" }],
    toDOM: () => ["h2", { class: "item-title" }, 0],
  },
  item_subtitle: {
    content: "text*",
    marks: "",
    defining: true,
    parseDOM: [{ tag: "h3.item-subtitle" }],
    toDOM: () => ["h3", { class: "item-subtitle" }, 0],
  },
  dnr: {
    content: "text*",
    marks: "",
    defining: true,
    parseDOM: [{ tag: "p.dnr" }],
    toDOM: () => ["p", { class: "dnr" }, 0],
  },
  /** Beslut: numbered decision points ("att"-satser) or prose. */
  decision: {
    group: "item_block",
    content: "decision_point+ | prose+",
    defining: true,
    parseDOM: [{ tag: "section[data-block=decision]" }],
    toDOM: () => ["section", { "data-block": "decision", "aria-label": "Beslut" }, 0],
  },
  decision_point: {
    content: "inline*",
    defining: true,
    parseDOM: [{ tag: "p.decision-point" }],
    toDOM: () => ["p", { class: "decision-point" }, 0],
  },
  /** Ärendet: the background. */
  background: {
    group: "item_block",
    content: "prose+",
    defining: true,
    parseDOM: [{ tag: "section[data-block=background]" }],
    toDOM: () => ["section", { "data-block": "background", "aria-label": "Ärendet" }, 0],
  },
  /** Beslutsordning / propositionsordning: the order the chair put the proposals, and the outcome. */
  decision_procedure: {
    group: "item_block",
    content: "prose*",
    attrs: {
      /** Proposal ids in the order the chair put them. */
      order: attr(z.array(Id), []),
      /** The proposal the chair found adopted. */
      adopted: nullableId,
    },
    defining: true,
    parseDOM: [{ tag: "section[data-block=decision_procedure]" }],
    toDOM: () => [
      "section",
      { "data-block": "decision_procedure", "aria-label": "Beslutsordning" },
      0,
    ],
  },
  /** Yrkande. */
  proposal: {
    group: "item_block",
    content: "prose*",
    attrs: {
      id: idAttr,
      kind: attr(ProposalKind, "bifall"),
      proposers: personsAttr,
      andOthers: personsAttr,
      /** Another proposal in the § this one supports (bifall till …), if any. */
      supports: nullableId,
      /** What the yrkande is about in words, e.g. "förvaltningens förslag till beslut". */
      subject: attr(z.string().max(2000), ""),
      withdrawn: attr(z.boolean(), false),
    },
    defining: true,
    parseDOM: [{ tag: "section[data-block=proposal]" }],
    toDOM: () => ["section", { "data-block": "proposal", "aria-label": "Yrkande" }, 0],
  },
  /** Omröstning. */
  vote: {
    group: "item_block",
    content: "prose*",
    attrs: {
      id: idAttr,
      /** Open vote (each member's vote is recorded) or closed (sluten, in elections). */
      open: attr(z.boolean(), true),
      /** An election (val): a tie is decided by lot rather than the chair's vote. */
      election: attr(z.boolean(), false),
      /** Proposal ids the ja and nej propositions name. */
      yes: nullableId,
      no: nullableId,
      ballots: attr(z.array(Ballot), []),
      /** Totals as recorded in the text (used when the individual votes are not known). */
      tally: attr(Tally.nullable(), null),
      tieBreak: attr(z.enum(["chair", "lot"]).nullable(), null),
      result: attr(z.enum(["ja", "nej"]).nullable(), null),
    },
    defining: true,
    parseDOM: [{ tag: "section[data-block=vote]" }],
    toDOM: () => ["section", { "data-block": "vote", "aria-label": "Omröstning" }, 0],
  },
  reservation: {
    group: "item_block",
    content: "prose*",
    attrs: {
      reservants: personsAttr,
      andOthers: personsAttr,
      /** The proposal the reservation is "till förmån för". */
      favouring: nullableId,
      /** The reservation was motivated in writing; when the motivation was received. */
      written: attr(z.boolean(), false),
      receivedAt: attr(IsoDateTime.nullable(), null),
    },
    defining: true,
    parseDOM: [{ tag: "section[data-block=reservation]" }],
    toDOM: () => ["section", { "data-block": "reservation", "aria-label": "Reservation" }, 0],
  },
  special_statement: statement("special_statement", "Särskilt uttalande"),
  protocol_note: statement("protocol_note", "Protokollsanteckning"),
  substitute_statement: statement("substitute_statement", "Ersättaryttrande"),
  recusal: {
    group: "item_block",
    content: "prose*",
    attrs: { persons: personsAttr },
    defining: true,
    parseDOM: [{ tag: "section[data-block=recusal]" }],
    toDOM: () => ["section", { "data-block": "recusal", "aria-label": "Jäv" }, 0],
  },
  /**
   * Expedieras till: who receives the protokollsutdrag, a typed list of `recipient`s (issue 18).
   * The prose form (`prose+`) is the shape files had before format version 2; it stays valid only
   * so that what was sealed or approved in that shape keeps its hash (the migration in
   * schemas/migrateRecipients.ts leaves such §§ as they are). The editor, the importers and
   * "Skapa protokoll från kallelsen" make recipients; a block is one shape or the other, never mixed.
   */
  distribution: {
    group: "item_block",
    content: "recipient* | prose+",
    defining: true,
    parseDOM: [{ tag: "section[data-block=distribution]" }],
    toDOM: () => ["section", { "data-block": "distribution", "aria-label": "Expedieras till" }, 0],
  },
  /** One recipient (a body, a unit, a person or a group) of "Expedieras till": a line of plain text. */
  recipient: {
    content: "text*",
    marks: "",
    parseDOM: [{ tag: "p[data-recipient]", context: "distribution/", priority: 60 }],
    toDOM: () => ["p", { "data-recipient": "", class: "recipient" }, 0],
  },

  // ---- interpellationssvar ----
  answer: {
    content: "ip_title (ip_question | prose)+ signature",
    parseDOM: [{ tag: "article.answer" }],
    toDOM: () => ["article", { class: "answer" }, 0],
  },
  ip_title: {
    content: "text*",
    marks: "",
    defining: true,
    parseDOM: [{ tag: "h1" }],
    toDOM: () => ["h1", { class: "ip-title" }, 0],
  },
  /** One of the interpellation's numbered questions (number derived from its position). */
  ip_question: {
    content: "(paragraph | bullet_list)+",
    defining: true,
    parseDOM: [{ tag: "section.ip-question" }],
    toDOM: () => ["section", { class: "ip-question", "aria-label": "Fråga" }, 0],
  },
  /** Place, date, name and title of the one who answers; shown from `meta.interpellation`. */
  signature: {
    atom: true,
    selectable: true,
    parseDOM: [{ tag: "footer.signature" }],
    toDOM: () => ["footer", { class: "signature" }],
  },

  // ---- kallelse (schemas/agenda/) ----
  /**
   * One ärende of the föredragningslista. Its number is derived from its position (1, 2, 3 …);
   * the förslag till beslut is a `decision` (its points), the Sammanfattning a `background`.
   */
  agenda_entry: {
    content: "item_title dnr? decision? background? supporting_documents?",
    attrs: {
      id: idAttr,
      /** Föredragande (a name as written; the tjänsteman or politician presenting the ärende). */
      presenter: attr(z.string().max(300), ""),
      /** Informationsärende: nothing is decided. */
      information: attr(z.boolean(), false),
      /** OSL reference when the ärende is covered by sekretess. */
      confidential: attr(z.string().min(1).nullable(), null),
      /** The body prepares the ärende for decision in fullmäktige ("för beslut i KF"). */
      forCouncil: attr(z.boolean(), false),
      /** Utgår: struck from the list at the meeting (recorded in "Godkännande av dagordning"). */
      withdrawn: attr(z.boolean(), false),
      /** Extra ärende: added at the meeting (recorded in "Godkännande av dagordning"). */
      extra: attr(z.boolean(), false),
      /** Expedieras till: who receives the protokollsutdrag, one recipient (group) each. */
      recipients: attr(z.array(z.string().min(1).max(300)), []),
    },
    defining: true,
    isolating: true,
    parseDOM: [
      {
        tag: "article[data-entry]",
        getAttrs: (d: HTMLElement) => ({ id: d.getAttribute("data-entry") ?? "" }),
      },
    ],
    toDOM: (n) => ["article", { "data-entry": n.attrs.id, class: "agenda-entry" }, 0],
  },
  /** Beslutsunderlag: the documents the ärende is decided on (a list). */
  supporting_documents: {
    content: "prose+",
    defining: true,
    parseDOM: [{ tag: "section[data-block=supporting_documents]" }],
    toDOM: () => [
      "section",
      { "data-block": "supporting_documents", "aria-label": "Beslutsunderlag" },
      0,
    ],
  },

  // ---- ordinary prose ----
  paragraph: {
    group: "prose",
    content: "inline*",
    parseDOM: [{ tag: "p" }],
    toDOM: () => ["p", 0],
  },
  ordered_list: {
    group: "prose",
    content: "list_item+",
    attrs: {
      /** decimal (1. 2. 3.) or upper-alpha (A. B. C., anmälningsärenden) */
      style: attr(z.enum(["decimal", "upper-alpha", "lower-alpha"]), "decimal"),
      start: attr(z.number().int().min(0), 1),
    },
    parseDOM: [{ tag: "ol" }],
    toDOM: (n) => ["ol", { "data-style": n.attrs.style, start: String(n.attrs.start) }, 0],
  },
  bullet_list: {
    group: "prose",
    content: "list_item+",
    parseDOM: [{ tag: "ul" }],
    toDOM: () => ["ul", 0],
  },
  list_item: {
    content: "paragraph prose*",
    defining: true,
    parseDOM: [{ tag: "li" }],
    toDOM: () => ["li", 0],
  },
  quote: {
    group: "prose",
    content: "prose+",
    defining: true,
    parseDOM: [{ tag: "blockquote" }],
    toDOM: () => ["blockquote", 0],
  },
  /** Sidbrytning: the next block starts on a new page in the DOCX and the PDF. */
  page_break: {
    group: "prose",
    atom: true,
    selectable: true,
    parseDOM: [
      { tag: "hr.page-break" },
      { tag: "br[style*='page-break-before']" },
      { tag: "br[style*='break-before']" },
    ],
    toDOM: () => ["hr", { class: "page-break", "data-label": "Sidbrytning" }],
  },
  /**
   * A table (prosemirror-tables): rows of cells, the first row often of header cells (rubrikrad).
   * Pasted tables from Word, Excel and LibreOffice parse into it; exported as a Word table and a
   * tagged PDF table with the cells' spans.
   */
  table: {
    group: "prose",
    content: "table_row+",
    tableRole: "table",
    isolating: true,
    parseDOM: [{ tag: "table" }],
    toDOM: () => ["table", { class: "table" }, ["tbody", 0]],
  },
  table_row: {
    content: "(table_cell | table_header)*",
    tableRole: "row",
    parseDOM: [{ tag: "tr" }],
    toDOM: () => ["tr", 0],
  },
  table_cell: {
    content: "paragraph+",
    attrs: cellAttrs,
    tableRole: "cell",
    isolating: true,
    parseDOM: [{ tag: "td", getAttrs: cellFromDOM }],
    toDOM: (n) => ["td", cellToDOM(n), 0],
  },
  /** A header cell (the rubrikrad is a row of them); cells of a pasted table's `thead` are headers too. */
  table_header: {
    content: "paragraph+",
    attrs: cellAttrs,
    tableRole: "header_cell",
    isolating: true,
    parseDOM: [
      { tag: "th", getAttrs: cellFromDOM },
      { tag: "thead td", priority: 60, getAttrs: cellFromDOM },
    ],
    toDOM: (n) => ["th", cellToDOM(n), 0],
  },
  text: { group: "inline" },
  hard_break: {
    inline: true,
    group: "inline",
    selectable: false,
    parseDOM: [{ tag: "br" }],
    toDOM: () => ["br"],
  },
  /** A reference to another § by its id: always shows that §'s current number. */
  item_ref: {
    inline: true,
    group: "inline",
    atom: true,
    attrs: { target: attr(Id, "x") },
    parseDOM: [
      {
        tag: "span[data-item-ref]",
        getAttrs: (d: HTMLElement) => ({ target: d.getAttribute("data-item-ref") }),
      },
    ],
    toDOM: (n) => ["span", { "data-item-ref": n.attrs.target, class: "item-ref" }],
  },
  /**
   * A reference to a bilaga (meta.attachments) by its id: always shows its current number, "bilaga 3",
   * or with `withTitle` "Bilaga 3 – Voteringslista" (schemas/attachments.ts).
   */
  attachment_ref: {
    inline: true,
    group: "inline",
    atom: true,
    attrs: { target: attr(Id, "x"), withTitle: attr(z.boolean(), false) },
    parseDOM: [
      {
        tag: "span[data-attachment-ref]",
        getAttrs: (d: HTMLElement) => ({
          target: d.getAttribute("data-attachment-ref"),
          withTitle: d.getAttribute("data-with-title") === "true",
        }),
      },
    ],
    toDOM: (n) => [
      "span",
      {
        "data-attachment-ref": n.attrs.target,
        "data-with-title": String(n.attrs.withTitle),
        class: "attachment-ref",
      },
    ],
  },
} satisfies Record<string, NodeSpec>;

export const marks = {
  strong: {
    parseDOM: [{ tag: "strong" }, { tag: "b" }],
    toDOM: () => ["strong", 0],
  },
  em: {
    parseDOM: [{ tag: "em" }, { tag: "i" }],
    toDOM: () => ["em", 0],
  },
} satisfies Record<string, MarkSpec>;

export type NodeName = keyof typeof nodes;
export type MarkName = keyof typeof marks;

export const schema = new Schema<NodeName, MarkName>({ nodes, marks });

/** The structured blocks of a § (everything in the item_block group). */
export const itemBlockNames = [
  "decision",
  "background",
  "decision_procedure",
  "proposal",
  "vote",
  "reservation",
  "special_statement",
  "protocol_note",
  "substitute_statement",
  "recusal",
  "distribution",
] as const satisfies readonly NodeName[];
export type ItemBlockName = (typeof itemBlockNames)[number];
