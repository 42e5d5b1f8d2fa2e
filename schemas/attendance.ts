/**
 * The attendance resolver: from the ledger in `meta`, who serves, who is present without serving
 * and who has jäv, for each §. Rules, the editor's attendance panel and the exports all ask here.
 */
import type { Node } from "prosemirror-model";
import type { Meta } from "./meta.js";
import { numberedItems, type NumberedItem } from "./numbering.js";

export interface ItemAttendance {
  itemId: string;
  number: number;
  /** Persons who serve (tjänstgör) for the §, jäviga excluded. */
  serving: Set<string>;
  /** Persons present without serving (ej tjänstgörande ersättare, tjänstepersoner, övriga). */
  present: Set<string>;
  /** Persons with jäv in this §. */
  recused: Set<string>;
  /** Serving substitute → the ledamot they replace. */
  replaces: Map<string, string>;
}

export interface AttendanceResolution {
  /** False when the ledger is empty: nothing can be said about who served. */
  known: boolean;
  byItem: Map<string, ItemAttendance>;
}

/** A § with nobody recorded: nobody serving, present, recused or replaced. */
export const emptyAttendance = (it: Pick<NumberedItem, "id" | "number">): ItemAttendance => ({
  itemId: it.id,
  number: it.number,
  serving: new Set(),
  present: new Set(),
  recused: new Set(),
  replaces: new Map(),
});

export function resolveAttendance(doc: Node, meta: Meta): AttendanceResolution {
  const items = numberedItems(doc, meta);
  const index = new Map(items.map((it, i) => [it.id, i]));
  const byItem = new Map<string, ItemAttendance>();
  for (const it of items) byItem.set(it.id, emptyAttendance(it));

  for (const entry of meta.attendance) {
    const from = entry.from === null ? 0 : (index.get(entry.from) ?? 0);
    const to = entry.to === null ? items.length - 1 : (index.get(entry.to) ?? items.length - 1);
    for (let i = from; i <= to; i++) {
      const a = byItem.get(items[i]!.id)!;
      if (entry.status === "serving") {
        a.serving.add(entry.person);
        a.present.delete(entry.person);
        if (entry.replaces) a.replaces.set(entry.person, entry.replaces);
      } else if (!a.serving.has(entry.person)) a.present.add(entry.person);
    }
  }
  for (const r of meta.recusals) {
    const a = byItem.get(r.item);
    if (!a) continue;
    a.recused.add(r.person);
    a.serving.delete(r.person);
    a.present.delete(r.person);
    a.replaces.delete(r.person);
  }
  return { known: meta.attendance.length > 0, byItem };
}
