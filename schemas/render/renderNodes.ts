/**
 * Document nodes → render blocks. One handler per node type in a `Record<NodeName, Handler>`, so
 * a new node type in the schema is a compile error here until the exporters know how to print it.
 * Generated text (lead-ins, beslutsordning, vote summary, "Socialnämndens beslut") comes from
 * schemas/generated.ts; § numbers from schemas/numbering.ts.
 */
import type { Node } from "prosemirror-model";
import type { ItemAttendance } from "../attendance.js";
import { swedishLongDate } from "../dates.js";
import {
  ballotsOf,
  decisionHeading,
  nameWithParty,
  procedureSentence,
  proposalLeadIn,
  reservationLeadIn,
  statementLeadIn,
  voteCount,
  voteSummary,
} from "../generated.js";
import { blockLabel } from "../labels.js";
import type { Meta } from "../meta.js";
import type { NodeName } from "../schema.js";
import { attachmentRefLabel } from "./renderAttachments.js";
import { runsText, type Block, type ListStyle, type Run } from "./renderModel.js";
import { renderTable } from "./renderTable.js";
import { itemTitleText } from "../titleText.js";

export interface RenderContext {
  meta: Meta;
  /** § id → current number. */
  numbers: Map<string, number>;
  /** § id → who served (from schemas/attendance.ts). */
  attendance: Map<string, ItemAttendance>;
  /** The § being rendered (for lead-ins that name proposals in it). */
  item: Node | null;
  /** Public version: §§ with sekretess are replaced by a line with the OSL reference. */
  maskConfidential: boolean;
  /** Bilaga id → its number and title (schemas/attachments.ts); absent: none are known. */
  attachments?: Map<string, { number: number; title: string }>;
}

export type Rendered = { blocks: Block[] } | { runs: Run[] };
export type Handler = (node: Node, ctx: RenderContext) => Rendered;

/** The blocks a node renders to (inline content wrapped in a paragraph). */
export function renderBlocks(node: Node, ctx: RenderContext): Block[] {
  const r = handlers[node.type.name as NodeName](node, ctx);
  return "blocks" in r ? r.blocks : [{ type: "paragraph", style: "body", runs: r.runs }];
}

/** The runs of a node's inline content. */
export function renderRuns(node: Node, ctx: RenderContext): Run[] {
  const out: Run[] = [];
  node.forEach((child) => {
    const r = handlers[child.type.name as NodeName](child, ctx);
    if ("runs" in r) out.push(...r.runs);
  });
  return out;
}

function childBlocks(node: Node, ctx: RenderContext): Block[] {
  const out: Block[] = [];
  node.forEach((child) => out.push(...renderBlocks(child, ctx)));
  return out;
}

const heading3 = (text: string): Block => ({ type: "heading", level: 3, runs: [{ text }] });
const lead = (text: string): Block => ({ type: "paragraph", style: "lead", runs: [{ text }] });
const para = (text: string, style: "body" | "meta" | "note" = "body"): Block => ({
  type: "paragraph",
  style,
  runs: [{ text }],
});

function attendanceOf(ctx: RenderContext): ItemAttendance | undefined {
  return ctx.item ? ctx.attendance.get(ctx.item.attrs.id as string) : undefined;
}

/** A statement's own words: quoted when it has several paragraphs or is a quotation already. */
function statementBody(node: Node, ctx: RenderContext): Block[] {
  return childBlocks(node, ctx);
}

/** The vote table: each member's vote where known, the totals in the last row. */
function voteTable(vote: Node, ctx: RenderContext): Block | null {
  const c = voteCount(vote);
  const ballots = ballotsOf(vote);
  const byId = new Map(ctx.meta.persons.map((p) => [p.id, p]));
  const att = attendanceOf(ctx);
  const rows: string[][] = [];
  if (vote.attrs.open)
    for (const b of ballots) {
      const p = byId.get(b.person);
      const substitute = att?.replaces.get(b.person);
      const name = p
        ? p.name + (substitute ? ` (ers. för ${byId.get(substitute)?.name ?? substitute})` : "")
        : b.person;
      rows.push([
        name,
        p?.party ?? "",
        b.vote === "ja" ? "X" : "",
        b.vote === "nej" ? "X" : "",
        b.vote === "avstår" ? "X" : "",
      ]);
    }
  if (rows.length === 0 && ballots.length === 0 && !vote.attrs.tally) return null;
  rows.push(["Summa", "", String(c.ja), String(c.nej), String(c.avstår)]);
  return {
    type: "table",
    role: "vote",
    caption: "Omröstningsresultat",
    columns: [
      { header: "Ledamot", width: 46 },
      { header: "Parti", width: 12 },
      { header: "Ja", width: 14, align: "center" },
      { header: "Nej", width: 14, align: "center" },
      { header: "Avstår", width: 14, align: "center" },
    ],
    rows,
    headerRow: true,
    totalsRow: true,
  };
}

const listStyle = (node: Node): ListStyle =>
  node.type.name === "bullet_list" ? "bullet" : (node.attrs.style as ListStyle);

function list(node: Node, ctx: RenderContext): Rendered {
  const items: Block[][] = [];
  node.forEach((li) => items.push(childBlocks(li, ctx)));
  return {
    blocks: [
      {
        type: "list",
        style: listStyle(node),
        start: node.type.name === "ordered_list" ? (node.attrs.start as number) : 1,
        items,
      },
    ],
  };
}

/** "§ 5" (or the id when the § is not in the document). */
export function renderedItemLabel(id: string, ctx: Pick<RenderContext, "numbers">): string {
  const n = ctx.numbers.get(id);
  return n === undefined ? "§ ?" : `§ ${n}`;
}

/**
 * The bookmark / named destination of a § heading, which `Run.ref` points to (stable across
 * renumbering): "par_" and the § id, letters, digits and "_" only and at most 40 characters, as
 * Word requires of a bookmark name.
 */
export function itemAnchor(id: string): string {
  return `par_${id.replace(/[^A-Za-z0-9_]/g, "_")}`.slice(0, 40);
}

/** The marking printed in the heading of a § with sekretess: "Sekretess enligt OSL 26 kap. 1 §". */
export function confidentialMarking(reference: string): string {
  return `Sekretess enligt ${reference}`;
}

/**
 * The heading of a §: "§ 5 Motion om …", bookmarked in the PDF outline, anchored for § references,
 * and — in the full protocol — carrying the sekretess marking of a confidential §.
 */
export function itemHeading(item: Node, ctx: RenderContext, titleOverride?: string): Block {
  const label = renderedItemLabel(item.attrs.id as string, ctx);
  const title = titleOverride ?? itemTitleText(item);
  const confidential = item.attrs.confidential as string | null;
  return {
    type: "heading",
    level: 2,
    runs: [{ text: `${label}  ${title}` }],
    bookmark: `${label} ${title}`,
    anchor: itemAnchor(item.attrs.id as string),
    ...(confidential && !ctx.maskConfidential
      ? { marking: confidentialMarking(confidential) }
      : {}),
  };
}

/** The generated sentence of an omedelbart justerad §, unless the secretary wrote it in the § already. */
export const IMMEDIATE_SENTENCE = "Paragrafen förklarades omedelbart justerad.";
const immediateWritten = /förklara(?:des|s)\s+omedelbart\s+justerad|justera(?:des|s)\s+omedelbart/i;
/** Whether a § gets the generated sentence (the editor shows it where the export writes it). */
export const needsImmediateSentence = (item: Node): boolean =>
  item.attrs.immediate === true && !immediateWritten.test(item.textContent);

/**
 * Does an answer already have its lead-in to the questions ("X har i sin interpellation ställt
 * följande frågor till mig:", "X ställer i en interpellation följande frågor …", "X frågar mig
 * följande:")? Looked for in the prose before the first question.
 */
export function hasQuestionLeadIn(answer: Node): boolean {
  let found = false;
  let before = true;
  answer.forEach((child) => {
    if (!before || found) return;
    if (child.type.name === "ip_question") {
      before = false;
      return;
    }
    if (child.type.name === "ip_title" || child.type.name === "signature") return;
    const t = child.textContent.trim();
    if (
      /\binterpellation\b[^.]*\bfråg/i.test(t) ||
      /\bfråg\w*\b[^.]*\btill mig\b/i.test(t) ||
      /\b(?:frågar|undrar)\b[^.]*:\s*$/i.test(t)
    )
      found = true;
  });
  return found;
}

function agendaItem(node: Node, ctx: RenderContext): Rendered {
  const inner: RenderContext = { ...ctx, item: node };
  const confidential = node.attrs.confidential as string | null;
  if (confidential && ctx.maskConfidential)
    return {
      blocks: [
        itemHeading(node, inner, "Sekretessbelagt ärende"),
        para(
          `Paragrafen omfattas av sekretess enligt ${confidential} och är borttagen i den offentliga versionen.`,
        ),
      ],
    };
  const blocks: Block[] = [itemHeading(node, inner)];
  let previous = "";
  node.forEach((child) => {
    const name = child.type.name as NodeName;
    if (name === "item_title") return;
    // Consecutive yrkanden share one heading, as protocols print them.
    if (name === "proposal" && previous !== "proposal") blocks.push(heading3("Yrkanden"));
    blocks.push(...renderBlocks(child, inner));
    previous = name;
  });
  // The generated sentence, unless the secretary typed it (then it would print twice).
  if (needsImmediateSentence(node)) blocks.push(para(IMMEDIATE_SENTENCE, "note"));
  return { blocks };
}

/**
 * An ärende of the kallelse: "3. Title" (its number from ctx.numbers), Dnr, föredragande and flags,
 * "Förslag till beslut", Sammanfattning, Beslutsunderlag. An ärende that utgår is struck through in
 * words; a sekretess ärende in the public version shows only its OSL reference.
 */
function agendaEntryBlocks(node: Node, ctx: RenderContext): Rendered {
  const a = node.attrs;
  const n = ctx.numbers.get(a.id as string);
  const title = itemTitleText(node);
  const confidential = a.confidential as string | null;
  const masked = Boolean(confidential && ctx.maskConfidential);
  const label = `${n ?? "?"}. ${masked ? "Sekretessbelagt ärende" : title}`;
  const blocks: Block[] = [{ type: "heading", level: 2, runs: [{ text: label }], bookmark: label }];
  if (masked)
    return {
      blocks: [blocks[0]!, para(`Ärendet omfattas av sekretess enligt ${confidential}.`, "note")],
    };
  const flags = [
    a.withdrawn ? "Utgår" : "",
    a.extra ? "Extra ärende" : "",
    a.information ? "Information" : "",
    a.forCouncil ? "För beslut i kommunfullmäktige" : "",
    confidential ? `Sekretess enligt ${confidential}` : "",
  ].filter(Boolean);
  if (flags.length) blocks.push(para(flags.join(" · "), "note"));
  const presenter = a.presenter ? [para(`Föredragande: ${a.presenter as string}`, "meta")] : [];
  // Föredragande under the Dnr (or the title when there is no Dnr).
  if (!node.childCount || node.child(1 < node.childCount ? 1 : 0).type.name !== "dnr")
    blocks.push(...presenter);
  node.forEach((child) => {
    const name = child.type.name as NodeName;
    if (name === "item_title") return;
    if (name === "dnr") {
      blocks.push(...renderBlocks(child, ctx), ...presenter);
      return;
    }
    if (name === "decision") {
      const points: Block[][] = [];
      child.forEach((pt) => points.push(renderBlocks(pt, ctx)));
      blocks.push(
        heading3("Förslag till beslut"),
        ...(points.length === 1
          ? points[0]!
          : [{ type: "list", style: "decimal", start: 1, items: points } as Block]),
      );
      return;
    }
    if (name === "background") {
      blocks.push(heading3("Sammanfattning"), ...childBlocks(child, ctx));
      return;
    }
    blocks.push(...renderBlocks(child, ctx));
  });
  const recipients = a.recipients as string[];
  if (recipients.length)
    blocks.push(heading3("Expedieras till"), {
      type: "list",
      style: "bullet",
      start: 1,
      items: recipients.map((r) => [para(r)]),
    });
  return { blocks };
}

/** A titled block of prose whose heading is its label in labels.ts. */
const labelled =
  (name: keyof typeof blockLabel): Handler =>
  (node, ctx) => ({ blocks: [heading3(blockLabel[name]), ...childBlocks(node, ctx)] });

/** Särskilt uttalande, protokollsanteckning, ersättaryttrande: heading, who, their words. */
const statement =
  (name: "special_statement" | "protocol_note" | "substitute_statement"): Handler =>
  (node, ctx) => {
    const who = statementLeadIn(node, ctx.meta, attendanceOf(ctx));
    return {
      blocks: [
        heading3(blockLabel[name]),
        ...(who ? [lead(who)] : []),
        ...statementBody(node, ctx),
      ],
    };
  };

export const handlers: Record<NodeName, Handler> = {
  doc: (node, ctx) => ({ blocks: childBlocks(node, ctx) }),
  agenda_item: agendaItem,
  item_title: (node) => ({ runs: [{ text: node.textContent }] }),
  item_subtitle: (node) => ({ blocks: [para(node.textContent, "meta")] }),
  dnr: (node) => ({ blocks: [para(`Dnr ${node.textContent.replace(/^Dnr\s*/i, "")}`, "meta")] }),
  decision: (node, ctx) => {
    const heading = heading3(decisionHeading(ctx.meta));
    if (node.firstChild?.type.name !== "decision_point")
      return { blocks: [heading, ...childBlocks(node, ctx)] };
    const points: Block[][] = [];
    node.forEach((pt) =>
      points.push([{ type: "paragraph", style: "body", runs: renderRuns(pt, ctx) }]),
    );
    if (points.length === 1) return { blocks: [heading, ...points[0]!] };
    return { blocks: [heading, { type: "list", style: "decimal", start: 1, items: points }] };
  },
  decision_point: (node, ctx) => ({
    blocks: [{ type: "paragraph", style: "body", runs: renderRuns(node, ctx) }],
  }),
  background: labelled("background"),
  decision_procedure: (node, ctx) => {
    // With neither an order nor an adopted proposal recorded, the secretary's own sentence is the record.
    const recorded = (node.attrs.order as string[]).length > 0 || node.attrs.adopted !== null;
    const generated =
      recorded || node.childCount === 0
        ? [lead(procedureSentence(node, ctx.item ?? node, ctx.meta))]
        : [];
    return {
      blocks: [heading3(blockLabel.decision_procedure), ...generated, ...childBlocks(node, ctx)],
    };
  },
  proposal: (node, ctx) => ({
    blocks: [
      lead(proposalLeadIn(node, ctx.item ?? node, ctx.meta, attendanceOf(ctx))),
      ...childBlocks(node, ctx),
    ],
  }),
  vote: (node, ctx) => {
    const table = voteTable(node, ctx);
    return {
      blocks: [
        heading3(blockLabel.vote),
        lead(voteSummary(node, ctx.item ?? node, ctx.meta)),
        ...(table ? [table] : []),
        ...childBlocks(node, ctx),
      ],
    };
  },
  reservation: (node, ctx) => {
    const a = node.attrs;
    const written = a.written
      ? [
          para(
            `Reservationen motiverades skriftligt${a.receivedAt ? ` (inkom ${swedishLongDate(String(a.receivedAt).slice(0, 10))})` : ""}.`,
            "note",
          ),
        ]
      : [];
    return {
      blocks: [
        heading3(blockLabel.reservation),
        lead(reservationLeadIn(node, ctx.item ?? node, ctx.meta, attendanceOf(ctx))),
        ...childBlocks(node, ctx),
        ...written,
      ],
    };
  },
  special_statement: statement("special_statement"),
  protocol_note: statement("protocol_note"),
  substitute_statement: statement("substitute_statement"),
  recusal: (node, ctx) => {
    const who = statementLeadIn(node, ctx.meta, attendanceOf(ctx));
    return { blocks: [...(who ? [lead(who)] : []), ...childBlocks(node, ctx)] };
  },
  distribution: labelled("distribution"),
  /** One recipient a line, as "Expedieras till" is printed. */
  recipient: (node, ctx) => ({
    blocks: [{ type: "paragraph", style: "body", runs: renderRuns(node, ctx) }],
  }),

  // ---- kallelse ----
  agenda_entry: agendaEntryBlocks,
  supporting_documents: (node, ctx) => {
    const items: Block[][] = [];
    node.forEach((child) => items.push(renderBlocks(child, ctx)));
    return {
      blocks: [heading3("Beslutsunderlag"), { type: "list", style: "bullet", start: 1, items }],
    };
  },

  // ---- interpellationssvar ----
  answer: (node, ctx) => {
    const ip = ctx.meta.interpellation;
    const persons = new Map(ctx.meta.persons.map((p) => [p.id, p]));
    const blocks: Block[] = [];
    const introduced = hasQuestionLeadIn(node);
    // The questions keep their running number across the answer: prose between them (the answer
    // to question 1) ends one list, and the next list starts at the next number (2, not 1 again).
    let questions: Block[][] = [];
    let asked = 0;
    const flush = () => {
      if (questions.length)
        blocks.push({
          type: "list",
          style: "decimal",
          start: asked - questions.length + 1,
          items: questions,
        });
      questions = [];
    };
    node.forEach((child) => {
      const name = child.type.name as NodeName;
      if (name === "ip_question") {
        if (!introduced && asked === 0 && ip?.interpellant) {
          flush();
          blocks.push(
            para(
              `${nameWithParty(persons.get(ip.interpellant))} har i sin interpellation ställt följande frågor till mig:`,
            ),
          );
        }
        asked++;
        questions.push(childBlocks(child, ctx));
        return;
      }
      flush();
      blocks.push(...renderBlocks(child, ctx));
      if (name === "ip_title" && ip?.dnr)
        blocks.push(para(`Dnr ${ip.dnr.replace(/^Dnr\s*/i, "")}`, "meta"));
    });
    flush();
    return { blocks };
  },
  ip_title: (node) => ({
    blocks: [
      { type: "heading", level: 1, runs: [{ text: node.textContent }], bookmark: node.textContent },
    ],
  }),
  ip_question: (node, ctx) => ({
    blocks: [{ type: "list", style: "decimal", start: 1, items: [childBlocks(node, ctx)] }],
  }),
  signature: (_node, ctx) => {
    const ip = ctx.meta.interpellation;
    const signer = ip?.signatory ?? ip?.addressee ?? null;
    const person = signer ? ctx.meta.persons.find((p) => p.id === signer) : undefined;
    const placeDate = [ip?.place, ip?.date ? swedishLongDate(ip.date, { den: true }) : null]
      .filter(Boolean)
      .join(" ");
    const blocks: Block[] = [];
    if (placeDate) blocks.push(para(placeDate));
    if (person)
      blocks.push(para(person.name), ...(person.title ? [para(person.title, "meta")] : []));
    return { blocks };
  },

  // ---- ordinary prose ----
  paragraph: (node, ctx) => ({
    blocks: [{ type: "paragraph", style: "body", runs: renderRuns(node, ctx) }],
  }),
  ordered_list: list,
  bullet_list: list,
  list_item: (node, ctx) => ({ blocks: childBlocks(node, ctx) }),
  quote: (node, ctx) => ({ blocks: [{ type: "quote", blocks: childBlocks(node, ctx) }] }),
  text: (node) => {
    const marks = new Set(node.marks.map((m) => m.type.name));
    const run: Run = { text: node.text ?? "" };
    if (marks.has("strong")) run.bold = true;
    if (marks.has("em")) run.italic = true;
    return { runs: [run] };
  },
  page_break: () => ({ blocks: [{ type: "pageBreak" }] }),
  hard_break: () => ({ runs: [{ text: "\n" }] }),
  // The current number, and the target's anchor so DOCX can keep it right as a REF field.
  item_ref: (node, ctx) => {
    const target = node.attrs.target as string;
    return {
      runs: [
        {
          text: renderedItemLabel(target, ctx),
          ...(ctx.numbers.has(target) ? { ref: itemAnchor(target) } : {}),
        },
      ],
    };
  },

  // A bilaga's current number: "bilaga 3", or "Bilaga 3 – Voteringslista" (schemas/attachments.ts).
  attachment_ref: (node, ctx) => ({
    runs: [{ text: attachmentRefLabel(node, ctx.attachments ?? new Map()) }],
  }),

  // ---- tables the secretary writes (renderTable.ts) ----
  table: (node, ctx) => ({ blocks: [renderTable(node, (p) => runsText(renderRuns(p, ctx)))] }),
  table_row: (node, ctx) => ({ blocks: childBlocks(node, ctx) }),
  table_cell: (node, ctx) => ({ blocks: childBlocks(node, ctx) }),
  table_header: (node, ctx) => ({ blocks: childBlocks(node, ctx) }),
};
