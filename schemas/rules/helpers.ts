/** Small shared pieces of the rules: making a Problem, naming persons, reading a §'s blocks and text. */
import type { Node } from "prosemirror-model";
import { voteWinner } from "../generated.js";
import { schema } from "../schema.js";
import type { Person } from "../meta.js";
import type { Fix, Problem, Severity } from "./problem.js";
import { referenceFor } from "./references.js";
import type { ItemChild, ItemContext } from "./types.js";

export interface ProblemSpec {
  message: string;
  item: string | null;
  from: number;
  to: number;
  fix?: Fix;
  /** Milder than the rule's own severity for this one finding (e.g. a heuristic). */
  severity?: Severity;
}

export function problem(rule: { id: string; severity: Severity }, spec: ProblemSpec): Problem {
  const p: Problem = {
    rule: rule.id,
    severity: spec.severity ?? rule.severity,
    message: spec.message,
    reference: referenceFor(rule.id),
    item: spec.item,
    from: spec.from,
    to: spec.to,
  };
  if (spec.fix) p.fix = spec.fix;
  return p;
}

/** A problem about one block of a §. */
export function atBlock(
  rule: { id: string; severity: Severity },
  ctx: ItemContext,
  block: ItemChild,
  message: string,
  extra: Partial<ProblemSpec> = {},
): Problem {
  return problem(rule, {
    message,
    item: ctx.item.id,
    from: block.pos,
    to: block.pos + block.node.nodeSize,
    ...extra,
  });
}

/** A problem about the § as a whole (its range is the title, so the underline stays short). */
export function atItem(
  rule: { id: string; severity: Severity },
  ctx: ItemContext,
  message: string,
  extra: Partial<ProblemSpec> = {},
): Problem {
  const title = ctx.blocks[0];
  const from = title ? title.pos : ctx.item.pos;
  const to = title ? title.pos + title.node.nodeSize : ctx.item.pos + ctx.item.node.nodeSize;
  return problem(rule, { message, item: ctx.item.id, from, to, ...extra });
}

/** "Lina Vinter", or the id in quotes for a person not in the metadata. */
export function nameOf(persons: Map<string, Person>, id: string): string {
  return persons.get(id)?.name ?? `”${id}”`;
}

export function namesOf(persons: Map<string, Person>, ids: readonly string[]): string {
  const names = ids.map((id) => nameOf(persons, id));
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}`;
}

/** The direct children of a § with absolute positions. */
export function itemChildren(item: Node, itemPos: number): ItemChild[] {
  const out: ItemChild[] = [];
  item.forEach((node, offset) =>
    out.push({ node, pos: itemPos + 1 + offset, type: node.type.name }),
  );
  return out;
}

/** All text of a node, blocks separated by newlines. */
export function textOf(node: Node): string {
  if (node.isTextblock) return node.textContent;
  const parts: string[] = [];
  node.descendants((n) => {
    if (n.isTextblock) {
      parts.push(n.textContent);
      return false;
    }
    return true;
  });
  return parts.join("\n");
}

/** Roles of förtroendevalda in the body (ledamöter and ersättare), as opposed to staff and others. */
export const electedRoles = new Set([
  "chair",
  "vice_chair",
  "second_vice_chair",
  "member",
  "substitute",
]);
/** Roles of ordinary ledamöter (not ersättare). */
export const memberRoles = new Set(["chair", "vice_chair", "second_vice_chair", "member"]);

/** Blocks of one type. */
export const ofType = (ctx: ItemContext, type: string): ItemChild[] =>
  ctx.blocks.filter((b) => b.type === type);

/** Person ids of a block's person attribute. */
export const idsOf = (node: Node, attr: string): string[] =>
  Array.isArray(node.attrs[attr]) ? (node.attrs[attr] as string[]) : [];

/** The last vote of a § (the one that decided it when there were several), if any. */
export function lastVote(ctx: ItemContext): ItemChild | undefined {
  const votes = ofType(ctx, "vote");
  return votes[votes.length - 1];
}

/** The proposal the § adopted: the last vote's result, otherwise the decision procedure's `adopted`. */
export function adoptedProposal(ctx: ItemContext): ItemChild | null {
  const last = lastVote(ctx);
  const id = last ? voteWinner(last.node) : null;
  if (id) return ctx.proposals.get(id) ?? null;
  for (const p of ofType(ctx, "decision_procedure")) {
    const id = p.node.attrs.adopted as string | null;
    if (id) return ctx.proposals.get(id) ?? null;
  }
  return null;
}

const normalSubject = (s: string) =>
  s
    .toLowerCase()
    .replace(/\s+till beslut$/, "")
    .replace(/[.\s]+$/, "")
    .trim() || "förvaltningens förslag";

/** Whether two yrkanden are for the same thing (same proposal, one supports the other, or bifall to the same förslag). */
export function sameCause(a: Node, b: Node): boolean {
  if (a === b || a.attrs.id === b.attrs.id) return true;
  if (a.attrs.supports === b.attrs.id || b.attrs.supports === a.attrs.id) return true;
  if (a.attrs.supports && a.attrs.supports === b.attrs.supports) return true;
  return (
    a.attrs.kind === "bifall" &&
    b.attrs.kind === "bifall" &&
    !a.attrs.supports &&
    !b.attrs.supports &&
    normalSubject(a.attrs.subject as string) === normalSubject(b.attrs.subject as string)
  );
}

/** The quick fix that inserts a beslutsordning before the block at `pos`, with the proposals in `order`. */
export const addProcedureFix = (pos: number, order: string[]): Fix => ({
  label: "Lägg till beslutsordning",
  action: {
    type: "insert-block",
    pos,
    node: schema.nodes.decision_procedure.create({ order, adopted: null }).toJSON() as Record<
      string,
      unknown
    >,
  },
});
