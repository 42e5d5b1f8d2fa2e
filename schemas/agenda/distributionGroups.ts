/**
 * Protokollsutdrag by recipient: each § lists its recipients in "Expedieras till" (the
 * `distribution` block: a typed list of `recipient`s, filled by the importers and by "Skapa
 * protokoll från kallelsen"), and each recipient gets one extract of all its §§.
 */
import type { Node } from "prosemirror-model";
import type { Meta } from "../meta.js";
import { numberedItems } from "../numbering.js";
import { distributionRecipients } from "../splitRecipients.js";

export interface RecipientGroup {
  recipient: string;
  /** agenda_item ids, in document order. */
  items: string[];
  numbers: number[];
}

/** The recipients of one § ("Expedieras till"): its typed list (or the lines of a block still in the old prose shape). */
export function recipientsOf(item: Node): string[] {
  const out: string[] = [];
  item.forEach(
    (block) =>
      void (block.type.name === "distribution" && out.push(...distributionRecipients(block))),
  );
  return out;
}

/** The recipients of the protocol with their §§, in the order they first appear. */
export function distributionGroups(doc: Node, meta: Pick<Meta, "body">): RecipientGroup[] {
  const groups = new Map<string, RecipientGroup>();
  for (const it of numberedItems(doc, meta)) {
    for (const r of recipientsOf(it.node)) {
      const key = r.toLocaleLowerCase("sv");
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { recipient: r, items: [], numbers: [] }));
      if (!g.items.includes(it.id)) {
        g.items.push(it.id);
        g.numbers.push(it.number);
      }
    }
  }
  return [...groups.values()];
}
