/**
 * The rules engine: every rule of RULES.md the model can express, one rule a file. `validate`
 * checks a whole document; `createIncrementalValidator` is for the editor — it caches each §'s
 * problems keyed by the agenda_item node (ProseMirror shares unchanged nodes between states), so
 * after a keystroke only the touched § and the document-wide rules run.
 */
import type { Node } from "prosemirror-model";
import { emptyAttendance, resolveAttendance, type AttendanceResolution } from "../attendance.js";
import type { Kind, ProtokollFile } from "../file.js";
import type { Meta } from "../meta.js";
import { numberedItems, type NumberedItem } from "../numbering.js";
import { adjusters } from "./adjusters.js";
import { adjustmentDate } from "./adjustment-date.js";
import { attendanceListed } from "./attendance-listed.js";
import { confidentialMasked, confidentialMaskedAnswer } from "./confidential-masked.js";
import { decisionRequired } from "./decision-required.js";
import { decisionWordingChanged } from "./decision-wording-changed.js";
import { dnrFormat } from "./dnr-format.js";
import { dnrPresent } from "./dnr-present.js";
import { dutyToVote } from "./duty-to-vote.js";
import { itemChildren } from "./helpers.js";
import { immutableAfterAdjustment } from "./immutable-after-adjustment.js";
import { itemTitle } from "./item-title.js";
import { noRotation } from "./no-rotation.js";
import { noticeDates } from "./notice-dates.js";
import { numberingDocument, numberingRefs } from "./numbering.js";
import type { FixAction, Problem } from "./problem.js";
import { proposalsRecorded } from "./proposals-recorded.js";
import { proposerServing } from "./proposer-serving.js";
import { questionsAnswered } from "./questions-answered.js";
import { questionsPresent } from "./questions-present.js";
import { quorum } from "./quorum.js";
import { recusalAbsent } from "./recusal-absent.js";
import { reservantEligible } from "./reservant-eligible.js";
import { reservantLost } from "./reservant-lost.js";
import { reservationFavouring } from "./reservation-favouring.js";
import { signature } from "./signature.js";
import { substituteStatementAllowed } from "./substitute-statement-allowed.js";
import type {
  ItemChild,
  DocumentContext,
  DocumentRule,
  FileExtras,
  ItemContext,
  ItemRule,
  Rule,
  RuleContext,
} from "./types.js";
import { voteProposition } from "./vote-propositions.js";
import { voteResult } from "./vote-result.js";
import { voteTotal } from "./vote-total.js";
import { voteVotersServing } from "./vote-voters-serving.js";
import { writtenReservationDeadline } from "./written-reservation-deadline.js";
import { placeholders } from "./placeholders.js";
import { adjustmentStated } from "./adjustment-stated.js";
import { authorityDecision } from "./authority-decision.js";
import { fullmaktigeQuestions } from "./fullmaktige-questions.js";
import { substituteOrder } from "./substitute-order.js";
import { interpellationParties } from "./interpellation-parties.js";
import { interpellationTiming } from "./interpellation-timing.js";
import { decisionUnconfirmed } from "./decision-unconfirmed.js";
import { summonsTiming } from "./summons-timing.js";
import { attachmentFiles, attachmentRefs } from "./attachments.js";

export { type Problem, type Severity, type Fix, type FixAction } from "./problem.js";
export { applyFix } from "./fixes.js";
export { references, referenceFor, type RuleReference } from "./references.js";
export type {
  Rule,
  ItemRule,
  DocumentRule,
  ItemContext,
  DocumentContext,
  FileExtras,
  RuleContext,
  WorkspaceAnswer,
} from "./types.js";

/** All rules, in the order of RULES.md. A rule with parts at both scopes (numbering) appears twice with one id. */
export const rules: Rule[] = [
  numberingRefs,
  numberingDocument,
  itemTitle,
  decisionRequired,
  attendanceListed,
  adjusters,
  adjustmentDate,
  dnrFormat,
  quorum,
  proposerServing,
  reservantEligible,
  reservantLost,
  reservationFavouring,
  recusalAbsent,
  substituteStatementAllowed,
  noRotation,
  voteVotersServing,
  voteTotal,
  voteResult,
  voteProposition,
  dutyToVote,
  proposalsRecorded,
  writtenReservationDeadline,
  immutableAfterAdjustment,
  decisionWordingChanged,
  noticeDates,
  confidentialMasked,
  confidentialMaskedAnswer,
  questionsPresent,
  questionsAnswered,
  signature,
  dnrPresent,
  // Corrections and additions of RULES.md (its last section).
  placeholders,
  adjustmentStated,
  authorityDecision,
  fullmaktigeQuestions,
  substituteOrder,
  interpellationParties,
  interpellationTiming,
  // Kallelse and the protocol made from it (issue 18).
  decisionUnconfirmed,
  summonsTiming,
  // Bilagor (issue 17).
  attachmentRefs,
  attachmentFiles,
];

/** The distinct rule ids. */
export const ruleIds: string[] = [...new Set(rules.map((r) => r.id))];

const itemRules = rules.filter((r): r is ItemRule => r.scope === "item");
const documentRules = rules.filter((r): r is DocumentRule => r.scope === "document");

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

function inferKind(doc: Node): Kind {
  const first = doc.firstChild?.type.name;
  return first === "answer"
    ? "interpellationssvar"
    : first === "agenda_entry"
      ? "kallelse"
      : "protokoll";
}

/** A rule that throws is a bug; it must not take the editor down, so it becomes a visible problem. */
function guarded(rule: Rule, run: () => Problem[]): Problem[] {
  try {
    return run();
  } catch (e) {
    return [
      {
        rule: rule.id,
        severity: "warning",
        message: `Kontrollen ”${rule.id}” kunde inte genomföras (internt fel: ${e instanceof Error ? e.message : String(e)}).`,
        reference: null,
        item: null,
        from: 0,
        to: 0,
      },
    ];
  }
}

interface Shared {
  itemIds: Set<string>;
  firstNumber: number;
  lastNumber: number;
  attendance: AttendanceResolution;
  persons: DocumentContext["persons"];
}

function itemContext(
  doc: Node,
  meta: Meta,
  kind: Kind,
  item: NumberedItem,
  shared: Shared,
): ItemContext {
  const blocks = itemChildren(item.node, item.pos);
  const proposals = new Map<string, ItemChild>();
  for (const b of blocks)
    if (b.type === "proposal" && !proposals.has(b.node.attrs.id as string))
      proposals.set(b.node.attrs.id as string, b);
  return {
    doc,
    meta,
    kind,
    item,
    label: `§ ${item.number}`,
    att: shared.attendance.byItem.get(item.id) ?? emptyAttendance(item),
    known: shared.attendance.known,
    persons: shared.persons,
    blocks,
    proposals,
    itemIds: shared.itemIds,
    firstNumber: shared.firstNumber,
    lastNumber: shared.lastNumber,
  };
}

function checkItem(
  doc: Node,
  meta: Meta,
  kind: Kind,
  item: NumberedItem,
  shared: Shared,
): Problem[] {
  const ctx = itemContext(doc, meta, kind, item, shared);
  const out: Problem[] = [];
  for (const rule of itemRules)
    if (rule.kinds.includes(kind)) out.push(...guarded(rule, () => rule.check(ctx)));
  return out;
}

function checkDocument(ctx: DocumentContext): Problem[] {
  const out: Problem[] = [];
  for (const rule of documentRules)
    if (rule.kinds.includes(ctx.kind)) out.push(...guarded(rule, () => rule.check(ctx)));
  return out;
}

const ruleOrder = new Map(ruleIds.map((id, i) => [id, i]));
function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      a.from - b.from ||
      a.to - b.to ||
      (ruleOrder.get(a.rule) ?? 0) - (ruleOrder.get(b.rule) ?? 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

function shift(p: Problem, delta: number): Problem {
  if (delta === 0) return p;
  const out: Problem = { ...p, from: p.from + delta, to: p.to + delta };
  if (p.fix && "pos" in p.fix.action)
    out.fix = { ...p.fix, action: { ...p.fix.action, pos: p.fix.action.pos + delta } as FixAction };
  return out;
}

/** The document-wide rules' problems, with what the § rules share. */
function documentProblems(
  doc: Node,
  meta: Meta,
  kind: Kind,
  items: NumberedItem[],
  shared: Shared,
  extras: FileExtras,
): Problem[] {
  return checkDocument({
    doc,
    meta,
    kind,
    items,
    attendance: shared.attendance,
    persons: shared.persons,
    ...extras,
  });
}

function sharedFor(doc: Node, meta: Meta, items: NumberedItem[]): Shared {
  return {
    itemIds: new Set(items.map((i) => i.id)),
    firstNumber: meta.body.reglemente.firstItemNumber,
    lastNumber: meta.body.reglemente.firstItemNumber + Math.max(items.length, 1) - 1,
    attendance: resolveAttendance(doc, meta),
    persons: new Map(meta.persons.map((p) => [p.id, p])),
  };
}

/** All problems of a document, sorted by position. `extras` (review, history) enable the after-the-meeting checks that need them. */
export function validate(doc: Node, meta: Meta, kind?: Kind, extras: FileExtras = {}): Problem[] {
  const k = kind ?? inferKind(doc);
  const items = numberedItems(doc, meta);
  const shared = sharedFor(doc, meta, items);
  const out: Problem[] = [];
  if (k === "protokoll") for (const it of items) out.push(...checkItem(doc, meta, k, it, shared));
  out.push(...documentProblems(doc, meta, k, items, shared, extras));
  return sortProblems(out);
}

/** The context each § of a protocol is checked in, in document order: what the item rules see. */
export function itemContexts(file: ProtokollFile): ItemContext[] {
  const items = numberedItems(file.doc, file.meta);
  const shared = sharedFor(file.doc, file.meta, items);
  return items.map((it) => itemContext(file.doc, file.meta, file.kind, it, shared));
}

/** A whole file: doc, meta, and the review and history parts; `context` gives the workspace facts some rules need. */
export function validateFile(file: ProtokollFile, context?: RuleContext): Problem[] {
  return validate(file.doc, file.meta, file.kind, {
    review: file.review,
    history: file.history,
    ...(context ? { context } : {}),
  });
}

export interface IncrementalValidator {
  /**
   * Problems of the document now. `changedItemIds` is a hint only: the cache is keyed by node
   * identity, which is exact, so a wrong or missing hint never gives wrong results.
   */
  update(
    doc: Node,
    meta: Meta,
    changedItemIds?: Iterable<string> | null,
    extras?: FileExtras,
  ): Problem[];
}

export function createIncrementalValidator(kind?: Kind): IncrementalValidator {
  let lastMeta: Meta | null = null;
  let lastKey = "";
  let lastKind: Kind | null = null;
  let shared: Shared | null = null;
  /** Per § id: the node checked and its problems with positions relative to the §. */
  let cache = new Map<string, { node: Node; problems: Problem[] }>();
  return {
    update(doc, meta, _changedItemIds, extras = {}) {
      const k = kind ?? inferKind(doc);
      const items = numberedItems(doc, meta);
      const key = items.map((i) => i.id).join("\u0000");
      if (meta !== lastMeta || key !== lastKey || k !== lastKind || !shared) {
        cache = new Map();
        shared = sharedFor(doc, meta, items);
        lastMeta = meta;
        lastKey = key;
        lastKind = k;
      }
      const out: Problem[] = [];
      const next = new Map<string, { node: Node; problems: Problem[] }>();
      if (k === "protokoll")
        for (const it of items) {
          let entry = cache.get(it.id);
          if (!entry || entry.node !== it.node)
            entry = {
              node: it.node,
              problems: checkItem(doc, meta, k, it, shared).map((p) => shift(p, -it.pos)),
            };
          if (!next.has(it.id)) next.set(it.id, entry);
          for (const p of entry.problems) out.push(shift(p, it.pos));
        }
      cache = next;
      out.push(...documentProblems(doc, meta, k, items, shared, extras));
      return sortProblems(out);
    },
  };
}
