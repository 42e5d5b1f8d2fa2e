/**
 * Text edits inside a § by its text, as the editor would make them: used by tests, by imports of
 * review copies and by rättelser made from code. Returns a new document; the input is not changed.
 */
import type { Node } from "prosemirror-model";
import { Transform } from "prosemirror-transform";
import { schema } from "../schema.js";

/** Position in the document of the first occurrence of `text` inside the § `itemId`, or null. */
export function findTextInItem(
  doc: Node,
  itemId: string,
  text: string,
): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null;
  doc.forEach((item, offset) => {
    if (found || item.type.name !== "agenda_item" || item.attrs.id !== itemId) return;
    item.descendants((n, pos) => {
      if (found || !n.isText) return !found;
      const i = n.text!.indexOf(text);
      if (i >= 0) found = { from: offset + 1 + pos + i, to: offset + 1 + pos + i + text.length };
      return false;
    });
  });
  return found;
}

/** Replace the first occurrence of `oldText` in the § with `newText` (keeping the text's marks). Throws if not found. */
export function replaceInItem(doc: Node, itemId: string, oldText: string, newText: string): Node {
  const at = findTextInItem(doc, itemId, oldText);
  if (!at) throw new Error(`"${oldText}" finns inte i paragrafen ${itemId}`);
  const marks = doc.resolve(at.from + 1).marks();
  const tr = new Transform(doc);
  if (newText) tr.replaceWith(at.from, at.to, schema.text(newText, marks));
  else tr.delete(at.from, at.to);
  return tr.doc;
}
