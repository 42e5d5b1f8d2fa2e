/**
 * A small builder for documents in code: templates, seeds, tests and the benchmark generator.
 *   protocol(item({title: "Godkännande av dagordning"}, decision("Dagordningen godkänns.")))
 * Strings become paragraphs; a block's attributes are the schema's.
 */
import type { Node } from "prosemirror-model";
import type { ProposalKind, Ballot, Tally } from "./attrs.js";
import { newId } from "./ids.js";
import { schema } from "./schema.js";

export type Inline = string | Node;
export type Prose = string | Node;

const inline = (parts: Inline[]): Node[] =>
  parts.flatMap((p) => (typeof p === "string" ? (p === "" ? [] : [schema.text(p)]) : [p]));

export const text = (s: string, ...marks: ("strong" | "em")[]) =>
  schema.text(
    s,
    marks.map((m) => schema.marks[m].create()),
  );
export const p = (...parts: Inline[]) => schema.nodes.paragraph.create(null, inline(parts));
const prose = (blocks: Prose[]): Node[] => blocks.map((b) => (typeof b === "string" ? p(b) : b));

export const ref = (target: string) => schema.nodes.item_ref.create({ target });
export const li = (...blocks: Prose[]) =>
  schema.nodes.list_item.create(null, prose(blocks.length ? blocks : [""]));
export const ol = (style: "decimal" | "upper-alpha" | "lower-alpha", ...items: (string | Node)[]) =>
  schema.nodes.ordered_list.create(
    { style },
    items.map((i) => (typeof i === "string" ? li(i) : i)),
  );
export const ul = (...items: (string | Node)[]) =>
  schema.nodes.bullet_list.create(
    null,
    items.map((i) => (typeof i === "string" ? li(i) : i)),
  );
export const quote = (...blocks: Prose[]) => schema.nodes.quote.create(null, prose(blocks));

export interface ItemSpec {
  id?: string;
  title: string;
  subtitle?: string | null;
  dnr?: string | null;
  confidential?: string | null;
  immediate?: boolean;
}

export function item(spec: ItemSpec, ...blocks: Prose[]): Node {
  const s = schema.nodes;
  const head = [s.item_title.create(null, inline([spec.title]))];
  if (spec.subtitle) head.push(s.item_subtitle.create(null, inline([spec.subtitle])));
  if (spec.dnr) head.push(s.dnr.create(null, inline([spec.dnr])));
  return s.agenda_item.create(
    {
      id: spec.id ?? newId("p"),
      confidential: spec.confidential ?? null,
      immediate: spec.immediate ?? false,
    },
    [...head, ...prose(blocks)],
  );
}

/** Beslut as numbered points (several strings) or one paragraph of prose (`decisionProse`). */
export const decision = (...points: Inline[][] | string[]) =>
  schema.nodes.decision.create(
    null,
    points.map((pt) =>
      schema.nodes.decision_point.create(null, inline(Array.isArray(pt) ? pt : [pt])),
    ),
  );
export const decisionProse = (...blocks: Prose[]) =>
  schema.nodes.decision.create(null, prose(blocks));
export const background = (...blocks: Prose[]) =>
  schema.nodes.background.create(null, prose(blocks.length ? blocks : [""]));

export const procedure = (
  attrs: { order?: string[]; adopted?: string | null },
  ...blocks: Prose[]
) =>
  schema.nodes.decision_procedure.create(
    { order: attrs.order ?? [], adopted: attrs.adopted ?? null },
    prose(blocks),
  );

export interface ProposalSpec {
  id?: string;
  kind?: ProposalKind;
  by: string[];
  andOthers?: string[];
  supports?: string | null;
  subject?: string;
  withdrawn?: boolean;
}
export const proposal = (spec: ProposalSpec, ...blocks: Prose[]) =>
  schema.nodes.proposal.create(
    {
      id: spec.id ?? newId("y"),
      kind: spec.kind ?? "bifall",
      proposers: spec.by,
      andOthers: spec.andOthers ?? [],
      supports: spec.supports ?? null,
      subject: spec.subject ?? "",
      withdrawn: spec.withdrawn ?? false,
    },
    prose(blocks),
  );

export interface VoteSpec {
  id?: string;
  open?: boolean;
  election?: boolean;
  yes: string | null;
  no: string | null;
  ballots?: Ballot[];
  tally?: Tally | null;
  tieBreak?: "chair" | "lot" | null;
  result?: "ja" | "nej" | null;
}
export const vote = (spec: VoteSpec, ...blocks: Prose[]) =>
  schema.nodes.vote.create(
    {
      id: spec.id ?? newId("v"),
      open: spec.open ?? true,
      election: spec.election ?? false,
      yes: spec.yes,
      no: spec.no,
      ballots: spec.ballots ?? [],
      tally: spec.tally ?? null,
      tieBreak: spec.tieBreak ?? null,
      result: spec.result ?? null,
    },
    prose(blocks),
  );

export interface ReservationSpec {
  by: string[];
  andOthers?: string[];
  favouring?: string | null;
  written?: boolean;
  receivedAt?: string | null;
}
export const reservation = (spec: ReservationSpec, ...blocks: Prose[]) =>
  schema.nodes.reservation.create(
    {
      reservants: spec.by,
      andOthers: spec.andOthers ?? [],
      favouring: spec.favouring ?? null,
      written: spec.written ?? false,
      receivedAt: spec.receivedAt ?? null,
    },
    prose(blocks),
  );

const statementOf =
  (type: "special_statement" | "protocol_note" | "substitute_statement") =>
  (spec: { by: string[]; andOthers?: string[] }, ...blocks: Prose[]) =>
    schema.nodes[type].create({ persons: spec.by, andOthers: spec.andOthers ?? [] }, prose(blocks));
export const specialStatement = statementOf("special_statement");
export const protocolNote = statementOf("protocol_note");
export const substituteStatement = statementOf("substitute_statement");
export const recusal = (persons: string[], ...blocks: Prose[]) =>
  schema.nodes.recusal.create({ persons }, prose(blocks));
/** Expedieras till: one `recipient` per name. */
export const recipient = (name: string) =>
  schema.nodes.recipient.create(null, name ? schema.text(name) : null);
export const distribution = (...recipients: string[]) =>
  schema.nodes.distribution.create(null, recipients.map(recipient));
/** Expedieras till as prose: the shape before format version 2, kept where it is sealed (tests of old files). */
export const distributionProse = (...blocks: Prose[]) =>
  schema.nodes.distribution.create(null, prose(blocks.length ? blocks : [""]));

export const protocol = (...items: Node[]) => schema.nodes.doc.create(null, items);

// ---- interpellationssvar ----
export const question = (...blocks: Prose[]) =>
  schema.nodes.ip_question.create(null, prose(blocks));
export const answerDoc = (title: string, ...parts: Prose[]) =>
  schema.nodes.doc.create(null, [
    schema.nodes.answer.create(null, [
      schema.nodes.ip_title.create(null, inline([title])),
      ...prose(parts.length ? parts : [""]),
      schema.nodes.signature.create(),
    ]),
  ]);
