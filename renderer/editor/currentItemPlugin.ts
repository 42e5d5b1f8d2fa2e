/**
 * Marks the § that holds the cursor (class `current-item`). The stylesheet keeps that § out of
 * `content-visibility: auto`, which otherwise lets Chrome skip rendering a § the cursor has just
 * moved into (a new § below the fold) and misplace the first character typed there.
 */
import { Plugin } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";

export function currentItemPlugin(): Plugin {
  return new Plugin({
    props: {
      decorations(state) {
        const $from = state.selection.$from;
        let pos: number | null = null;
        if ($from.depth >= 1 && $from.node(1).type.name === "agenda_item") pos = $from.before(1);
        else if (state.doc.nodeAt(state.selection.from)?.type.name === "agenda_item")
          pos = state.selection.from;
        if (pos === null) return DecorationSet.empty;
        const node = state.doc.nodeAt(pos)!;
        return DecorationSet.create(state.doc, [
          Decoration.node(pos, pos + node.nodeSize, { class: "current-item" }),
        ]);
      },
    },
  });
}
