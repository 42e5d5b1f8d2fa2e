/**
 * Clicking the generated lead-in of a block puts the cursor in that block: at the start of its
 * first text, or — when the block has no text yet (a yrkande recorded only by its structure) —
 * selects the block, so the inspector shows it. Typing or Enter on such a selected block starts
 * its first paragraph instead of replacing the block.
 */
import type { Node } from "prosemirror-model";
import {
  NodeSelection,
  Plugin,
  Selection,
  TextSelection,
  type EditorState,
  type Transaction,
} from "prosemirror-state";

/** The selected structured block that can take a first paragraph, if that is what is selected. */
function selectedEmptyBlock(state: EditorState): { node: Node; pos: number } | null {
  const sel = state.selection;
  if (!(sel instanceof NodeSelection)) return null;
  const node = sel.node;
  if (!node.type.isInGroup("item_block") || node.firstChild?.isTextblock) return null;
  if (!node.type.contentMatch.matchType(state.schema.nodes.paragraph!)) return null;
  return { node, pos: sel.from };
}

function startParagraph(state: EditorState, text: string): Transaction | null {
  const block = selectedEmptyBlock(state);
  if (!block) return null;
  const paragraph = state.schema.nodes.paragraph!.create(
    null,
    text ? state.schema.text(text) : null,
  );
  const tr = state.tr.insert(block.pos + 1, paragraph);
  tr.setSelection(TextSelection.create(tr.doc, block.pos + 2 + text.length));
  return tr.scrollIntoView();
}

export function generatedClickPlugin(): Plugin {
  return new Plugin({
    props: {
      handleTextInput(view, _from, _to, text) {
        const tr = startParagraph(view.state, text);
        if (!tr) return false;
        view.dispatch(tr);
        return true;
      },
      handleKeyDown(view, event) {
        if (event.key !== "Enter" || event.ctrlKey || event.metaKey || event.altKey) return false;
        const tr = startParagraph(view.state, "");
        if (!tr) return false;
        view.dispatch(tr);
        return true;
      },
      handleDOMEvents: {
        mousedown(view, event) {
          const target = event.target as HTMLElement | null;
          if (!target || event.button !== 0) return false;
          const section = target.closest<HTMLElement>("section[data-block]");
          if (!section || !view.dom.contains(section)) return false;
          if (!target.closest(".generated") && target !== section) return false;
          const inside = view.posAtDOM(section, 0);
          const blockPos = inside - 1;
          const block = view.state.doc.nodeAt(blockPos);
          if (!block) return false;
          let sel: Selection;
          const first = block.firstChild;
          if (first?.isTextblock) sel = TextSelection.create(view.state.doc, inside + 1);
          else if (first)
            sel =
              Selection.findFrom(view.state.doc.resolve(inside), 1, true) ??
              NodeSelection.create(view.state.doc, blockPos);
          else sel = NodeSelection.create(view.state.doc, blockPos);
          event.preventDefault();
          view.dispatch(view.state.tr.setSelection(sel));
          view.focus();
          return true;
        },
      },
    },
  });
}
