/**
 * Applying a rule's quick fix (`FixAction`, data) to a document outside the editor — pure: returns
 * a new doc and meta, never changes its arguments. The editor applies the same actions as one
 * undoable transaction (renderer/editor/fixes.ts). Throws a RangeError (Swedish) when the action
 * does not fit the document, e.g. a stale position.
 */
import type { Node } from "prosemirror-model";
import { Transform } from "prosemirror-transform";
import { Meta } from "../meta.js";
import { schema } from "../schema.js";
import type { FixAction } from "./problem.js";

/** A copy of `value` with the value at `path` replaced (the `set-meta` fix's path into meta). */
export function setPath(value: unknown, path: (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setPath(copy[head as number], rest, next);
    return copy;
  }
  const obj = (value ?? {}) as Record<string, unknown>;
  return { ...obj, [head as string]: setPath(obj[head as string], rest, next) };
}

function nodeAt(doc: Node, pos: number): Node {
  const node = pos >= 0 && pos < doc.content.size ? doc.nodeAt(pos) : null;
  if (!node) throw new RangeError(`Rättningen passar inte dokumentet längre (position ${pos}).`);
  return node;
}

export function applyFix(doc: Node, meta: Meta, action: FixAction): { doc: Node; meta: Meta } {
  switch (action.type) {
    case "set-meta": {
      const parsed = Meta.safeParse(setPath(meta, action.path, action.value));
      if (!parsed.success)
        throw new RangeError(
          `Rättningen ger ogiltiga uppgifter: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
        );
      return { doc, meta: parsed.data };
    }
    case "set-attrs": {
      const node = nodeAt(doc, action.pos);
      const tr = new Transform(doc).setNodeMarkup(action.pos, undefined, {
        ...node.attrs,
        ...action.attrs,
      });
      return { doc: tr.doc, meta };
    }
    case "insert-block": {
      const node = schema.nodeFromJSON(action.node);
      const tr = new Transform(doc).insert(action.pos, node);
      tr.doc.check();
      return { doc: tr.doc, meta };
    }
    case "remove-person": {
      const node = nodeAt(doc, action.pos);
      const list = node.attrs[action.attr];
      if (!Array.isArray(list))
        throw new RangeError(`Rättningen passar inte dokumentet längre (${action.attr}).`);
      const attrs: Record<string, unknown> = {
        ...node.attrs,
        [action.attr]: (list as string[]).filter((p) => p !== action.person),
      };
      if (Array.isArray(node.attrs.andOthers) && action.attr !== "andOthers")
        attrs.andOthers = (node.attrs.andOthers as string[]).filter((p) => p !== action.person);
      return { doc: new Transform(doc).setNodeMarkup(action.pos, undefined, attrs).doc, meta };
    }
  }
}
