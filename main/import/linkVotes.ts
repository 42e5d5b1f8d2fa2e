/**
 * Stage 6 of the pipeline: a §'s votes and its procedure are linked to the §'s proposals. The
 * propositions ("Ja för X, nej för Y") name what ja and nej stand for; the chair's finding
 * ("finner att nämnden beslutar enligt X") or the vote's result names the adopted proposal.
 * Phrases that name no proposal of the § leave the link empty (never a guess).
 */
import type { Node } from "prosemirror-model";
import { voteWinner } from "../../schemas/generated.js";
import { ADOPTED_RES, PROPOSITION_RES } from "./lexicon.js";

/** A phrase → the id of the proposal it names, or null. */
export type ProposalResolver = (phrase: string) => string | null;

export function propositionsIn(text: string): { yes: string; no: string } | null {
  for (const re of PROPOSITION_RES) {
    const m = re.exec(text);
    if (m) return { yes: m[1]!.trim(), no: m[2]!.trim() };
  }
  return null;
}

export function adoptedIn(text: string): string | null {
  for (const re of ADOPTED_RES) {
    const m = re.exec(text);
    if (m) return m[1]!.trim();
  }
  return null;
}

/** The §'s blocks with yes/no of its votes and the adopted proposal of its procedure filled in where they were empty. */
export function linkVotes(blocks: Node[], text: string, resolve: ProposalResolver): Node[] {
  const props = propositionsIn(text);
  const yes = props ? resolve(props.yes) : null;
  const no = props ? resolve(props.no) : null;
  let votedFor: string | null = null;
  const linked = blocks.map((node) => {
    if (node.type.name !== "vote") return node;
    const attrs = { ...node.attrs };
    if (!attrs.yes && yes) attrs.yes = yes;
    if (!attrs.no && no && no !== attrs.yes) attrs.no = no;
    const linkedVote = node.type.create(attrs, node.content, node.marks);
    votedFor = voteWinner(linkedVote) ?? votedFor;
    return linkedVote;
  });
  const found = adoptedIn(text);
  const adopted = votedFor ?? (found ? resolve(found) : null);
  if (!adopted) return linked;
  return linked.map((node) =>
    node.type.name === "decision_procedure" && !node.attrs.adopted
      ? node.type.create({ ...node.attrs, adopted }, node.content, node.marks)
      : node,
  );
}
