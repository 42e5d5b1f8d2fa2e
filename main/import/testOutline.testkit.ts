/** A structural summary of an imported document, for tests that compare imports of the same text in different formats. */
import type { Node } from "prosemirror-model";
import type { ProtokollFile } from "../../schemas/file.js";
import { numberedItems } from "../../schemas/numbering.js";

export interface ItemOutline {
  number: number;
  title: string;
  subtitle: string | null;
  dnr: string | null;
  blocks: string[];
}

export function childText(item: Node, type: string): string | null {
  let out: string | null = null;
  item.forEach((c) => {
    if (c.type.name === type && out === null) out = c.textContent;
  });
  return out;
}

export function blocksOf(item: Node, type: string): Node[] {
  const out: Node[] = [];
  item.forEach((c) => {
    if (c.type.name === type) out.push(c);
  });
  return out;
}

export function outline(file: ProtokollFile): ItemOutline[] {
  return numberedItems(file.doc, file.meta).map((it) => {
    const blocks: string[] = [];
    it.node.forEach((c) => {
      if (!["item_title", "item_subtitle", "dnr"].includes(c.type.name)) blocks.push(c.type.name);
    });
    return {
      number: it.number,
      title: childText(it.node, "item_title") ?? "",
      subtitle: childText(it.node, "item_subtitle"),
      dnr: childText(it.node, "dnr"),
      blocks,
    };
  });
}

export function personNameIn(
  file: ProtokollFile,
  id: string | null | undefined,
): string | undefined {
  return file.meta.persons.find((p) => p.id === id)?.name;
}
