/**
 * The ärenden of a kallelse (föredragningslista). An entry's number is derived from its position
 * (1, 2, 3 …), like a § number; an entry that utgår keeps its number in the kallelse.
 */
import type { Node } from "prosemirror-model";

export interface AgendaEntry {
  id: string;
  number: number;
  pos: number;
  node: Node;
  title: string;
  dnr: string | null;
  /** Förslag till beslut: the decision points (or paragraphs) as text. */
  proposal: string[];
  /** Sammanfattning (the background block) as paragraphs. */
  summary: string[];
  /** Beslutsunderlag: one line per document. */
  documents: string[];
  presenter: string;
  information: boolean;
  confidential: string | null;
  forCouncil: boolean;
  withdrawn: boolean;
  extra: boolean;
  recipients: string[];
}

/** Text lines of a block: its decision points, paragraphs and list items, in order. */
function lines(block: Node | null): string[] {
  if (!block) return [];
  const out: string[] = [];
  block.descendants((n) => {
    if (n.isTextblock) {
      const t = n.textContent.trim();
      if (t) out.push(t);
      return false;
    }
    return true;
  });
  return out;
}

function child(node: Node, name: string): Node | null {
  let found: Node | null = null;
  node.forEach((c) => void (found ??= c.type.name === name ? c : null));
  return found;
}

export function agendaEntries(doc: Node): AgendaEntry[] {
  const out: AgendaEntry[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name !== "agenda_entry") return;
    const a = node.attrs;
    out.push({
      id: a.id as string,
      number: out.length + 1,
      pos,
      node,
      title: child(node, "item_title")?.textContent.trim() ?? "",
      dnr: child(node, "dnr")?.textContent.trim() || null,
      proposal: lines(child(node, "decision")),
      summary: lines(child(node, "background")),
      documents: lines(child(node, "supporting_documents")),
      presenter: a.presenter as string,
      information: a.information as boolean,
      confidential: a.confidential as string | null,
      forCouncil: a.forCouncil as boolean,
      withdrawn: a.withdrawn as boolean,
      extra: a.extra as boolean,
      recipients: a.recipients as string[],
    });
  });
  return out;
}
