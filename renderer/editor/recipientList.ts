/**
 * Editing "Expedieras till" (issue 18): the block is a list of `recipient` lines. Enter makes a new
 * recipient; Enter on an empty last recipient leaves the list (a paragraph after the block, as in a
 * bulleted list); a paste into a recipient of a list — lines, or names separated by semicolons,
 * commas or "och" — becomes one recipient each, split the way the importers split (splitRecipients).
 */
import { splitBlock } from "prosemirror-commands";
import { Fragment, Slice, type Schema } from "prosemirror-model";
import { Plugin, TextSelection, type Command } from "prosemirror-state";
import { recipientsIn } from "../../schemas/splitRecipients.js";

/** Enter in a recipient: a new recipient, or out of the list from an empty last one. */
export const recipientEnter: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if ($from.parent.type.name !== "recipient") return false;
  const list = $from.node(-1);
  const last = $from.index(-1) === list.childCount - 1;
  if (empty && $from.parent.content.size === 0 && last && list.childCount > 1) {
    if (dispatch) {
      const tr = state.tr.delete($from.before(), $from.after());
      const at = tr.mapping.map($from.after(-1));
      tr.insert(at, state.schema.nodes.paragraph!.create());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView());
    }
    return true;
  }
  return splitBlock(state, dispatch);
};

/** A pasted slice as the recipients its text names, when pasted into a recipient. */
export function recipientsSlice(slice: Slice, schema: Schema): Slice {
  const names = recipientsIn(slice.content);
  if (names.length === 0) return Slice.empty;
  if (names.length === 1) return new Slice(Fragment.from(schema.text(names[0]!)), 0, 0);
  const recipient = schema.nodes.recipient!;
  // open on both sides: the first name joins the recipient at the cursor, the last the text after it
  return new Slice(
    Fragment.from(names.map((name) => recipient.create(null, schema.text(name)))),
    1,
    1,
  );
}

export function recipientPastePlugin(): Plugin {
  return new Plugin({
    props: {
      transformPasted: (slice, view) =>
        view.state.selection.$from.parent.type.name === "recipient"
          ? recipientsSlice(slice, view.state.schema)
          : slice,
    },
  });
}
