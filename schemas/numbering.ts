/**
 * § numbers are derived, never stored: the n-th agenda_item of a meeting has number
 * `firstItemNumber + n`. Everything that shows a number (outline, item_ref, exports, rules) asks here.
 */
import type { Node } from "prosemirror-model";
import type { Meta } from "./meta.js";

export interface NumberedItem {
  id: string;
  number: number;
  /** Position of the agenda_item in the document. */
  pos: number;
  node: Node;
  index: number;
}

export function numberedItems(doc: Node, meta: Pick<Meta, "body">): NumberedItem[] {
  const first = meta.body.reglemente.firstItemNumber;
  const out: NumberedItem[] = [];
  doc.forEach((node, pos, index) => {
    if (node.type.name === "agenda_item")
      out.push({ id: node.attrs.id as string, number: first + out.length, pos, node, index });
  });
  return out;
}

/** Map from § id to its current number. */
export function itemNumbers(doc: Node, meta: Pick<Meta, "body">): Map<string, number> {
  return new Map(numberedItems(doc, meta).map((i) => [i.id, i.number]));
}
