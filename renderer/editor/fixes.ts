/**
 * A rule's quick fix (data, `FixAction`) as an editor transaction, so applying it is one undoable
 * step like any other edit. The same actions are applied to files outside the editor by
 * `applyFix` in schemas/rules.
 */
import { closeHistory } from "prosemirror-history";
import { Selection, type EditorState, type Transaction } from "prosemirror-state";
import type { Meta } from "../../schemas/meta.js";
import { setPath } from "../../schemas/rules/fixes.js";
import type { FixAction } from "../../schemas/rules/problem.js";
import { metaOf, setMeta } from "./documentPlugin.js";

export function fixTransaction(state: EditorState, action: FixAction): Transaction | null {
  const tr = fixSteps(state, action);
  // A fix is its own undo step, never merged with the typing before it.
  return tr && closeHistory(tr);
}

function fixSteps(state: EditorState, action: FixAction): Transaction | null {
  switch (action.type) {
    case "set-meta":
      return setMeta(state, setPath(metaOf(state), action.path, action.value) as Meta);
    case "set-attrs": {
      const node = state.doc.nodeAt(action.pos);
      if (!node) return null;
      const tr = state.tr;
      for (const [k, v] of Object.entries(action.attrs)) tr.setNodeAttribute(action.pos, k, v);
      return tr;
    }
    case "insert-block": {
      // The new block is for the secretary to fill in: the cursor goes into it.
      const node = state.schema.nodeFromJSON(action.node);
      const tr = state.tr.insert(action.pos, node);
      const $inside = tr.doc.resolve(Math.min(action.pos + 1, tr.doc.content.size));
      tr.setSelection(Selection.findFrom($inside, 1, true) ?? Selection.near($inside));
      return tr.scrollIntoView();
    }
    case "remove-person": {
      const node = state.doc.nodeAt(action.pos);
      const list = node?.attrs[action.attr];
      if (!node || !Array.isArray(list)) return null;
      const tr = state.tr.setNodeAttribute(
        action.pos,
        action.attr,
        list.filter((p: unknown) => p !== action.person),
      );
      if (Array.isArray(node.attrs.andOthers) && action.attr !== "andOthers")
        tr.setNodeAttribute(
          action.pos,
          "andOthers",
          (node.attrs.andOthers as string[]).filter((p) => p !== action.person),
        );
      return tr;
    }
  }
}
