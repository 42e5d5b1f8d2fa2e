/**
 * Editing commands in ProseMirror style: `(state, dispatch?) => boolean`, false when they do not
 * apply (so menus can grey them out by calling them without `dispatch`). Node types are
 * parameters, so the commands know nothing of which schema they run in beyond the structure.
 */
import type { Attrs, Node, NodeType } from "prosemirror-model";
import { Selection, TextSelection, type Command, type EditorState } from "prosemirror-state";
import { closeHistory } from "prosemirror-history";
import { newId } from "../../schemas/ids.js";

/** The § (top-level node of type `itemType`) around the selection: its node, position and index. */
export function currentItem(
  state: EditorState,
  itemType: NodeType,
): { node: Node; pos: number; index: number; depth: number } | null {
  const $from = state.selection.$from;
  for (let d = $from.depth; d > 0; d--)
    if ($from.node(d).type === itemType)
      return { node: $from.node(d), pos: $from.before(d), index: $from.index(d - 1), depth: d };
  // A node selection of a whole §.
  const node = state.doc.nodeAt(state.selection.from);
  if (node?.type === itemType)
    return { node, pos: state.selection.from, index: state.selection.$from.index(0), depth: 1 };
  return null;
}

/** The innermost block of one of `types` around the selection. */
export function currentBlock(
  state: EditorState,
  types: readonly NodeType[],
): { node: Node; pos: number } | null {
  const $from = state.selection.$from;
  for (let d = $from.depth; d > 0; d--)
    if (types.includes($from.node(d).type)) return { node: $from.node(d), pos: $from.before(d) };
  const node = state.doc.nodeAt(state.selection.from);
  if (node && types.includes(node.type)) return { node, pos: state.selection.from };
  return null;
}

/** Put the cursor at the first place text can go inside the node at `pos`. */
function cursorInto(tr: import("prosemirror-state").Transaction, pos: number) {
  const $pos = tr.doc.resolve(Math.min(pos + 1, tr.doc.content.size));
  tr.setSelection(Selection.findFrom($pos, 1, true) ?? Selection.near($pos));
}

/** A new, empty § after the current one (or at the end): Ctrl+Enter. */
export function insertItem(itemType: NodeType, titleType: NodeType): Command {
  return (state, dispatch) => {
    if (state.doc.firstChild?.type !== itemType) return false;
    const item = currentItem(state, itemType);
    const at = item ? item.pos + item.node.nodeSize : state.doc.content.size;
    const node = itemType.create({ id: newId("p") }, titleType.create());
    if (dispatch) {
      const tr = closeHistory(state.tr).insert(at, node);
      cursorInto(tr, at);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Header parts of a § that come before its blocks. */
const headerNames = new Set(["item_title", "item_subtitle", "dnr"]);

/**
 * Insert a structured block (beslut, yrkande, omröstning …) in the current §, after the block the
 * cursor is in (after the heading when the cursor is in the title), and put the cursor in it.
 */
export function insertBlock(
  itemType: NodeType,
  blockType: NodeType,
  attrs?: Attrs | ((item: Node) => Attrs),
): Command {
  return (state, dispatch) => {
    const item = currentItem(state, itemType);
    if (!item) return false;
    const $from = state.selection.$from;
    let index: number;
    if ($from.depth > item.depth) {
      index = $from.index(item.depth) + 1;
      const child = item.node.child(index - 1);
      if (headerNames.has(child.type.name))
        while (index < item.node.childCount && headerNames.has(item.node.child(index).type.name))
          index++;
    } else index = item.node.childCount;
    if (!item.node.canReplaceWith(index, index, blockType)) return false;
    const filled = blockType.createAndFill(typeof attrs === "function" ? attrs(item.node) : attrs);
    if (!filled) return false;
    // Blocks whose content may be empty still get one line to type in: a paragraph, or the
    // block's own first line (a recipient of "Expedieras till").
    const line = blockType.contentMatch.defaultType;
    const node =
      filled.childCount === 0 && line?.isTextblock
        ? blockType.create(filled.attrs, line.create())
        : filled;
    if (dispatch) {
      let pos = item.pos + 1;
      for (let i = 0; i < index; i++) pos += item.node.child(i).nodeSize;
      const tr = closeHistory(state.tr).insert(pos, node);
      cursorInto(tr, pos);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Add an optional header part (underrubrik, Dnr) to the current § if it has none, or go to it. */
export function insertHeaderPart(itemType: NodeType, partType: NodeType): Command {
  return (state, dispatch) => {
    const item = currentItem(state, itemType);
    if (!item) return false;
    let existing = -1;
    item.node.forEach((c, offset) => {
      if (c.type === partType) existing = offset;
    });
    // Order in the heading: title, underrubrik, Dnr.
    let index = 1;
    if (
      partType.name === "dnr" &&
      item.node.childCount > 1 &&
      item.node.child(1).type.name === "item_subtitle"
    )
      index = 2;
    if (existing >= 0) {
      if (dispatch) {
        const pos = item.pos + 1 + existing;
        const tr = state.tr;
        tr.setSelection(
          TextSelection.create(tr.doc, pos + 1 + (state.doc.nodeAt(pos)?.content.size ?? 0)),
        );
        dispatch(tr.scrollIntoView());
      }
      return true;
    }
    if (!item.node.canReplaceWith(index, index, partType)) return false;
    if (dispatch) {
      let pos = item.pos + 1;
      for (let i = 0; i < index; i++) pos += item.node.child(i).nodeSize;
      const tr = state.tr.insert(pos, partType.create());
      tr.setSelection(TextSelection.create(tr.doc, pos + 1));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Move the § at `from` (index among the top-level nodes) to index `to`. Numbers and references follow, as they are derived. */
export function moveItemTo(itemType: NodeType, from: number, to: number): Command {
  return (state, dispatch) => {
    const doc = state.doc;
    if (from === to || from < 0 || to < 0 || from >= doc.childCount || to >= doc.childCount)
      return false;
    const node = doc.child(from);
    if (node.type !== itemType) return false;
    if (dispatch) {
      const selectionInside = currentItem(state, itemType)?.index === from;
      const offsetInItem = selectionInside ? state.selection.from - posOfChild(doc, from) : 0;
      // Each move is its own undo step, even right after typing or another move.
      const tr = closeHistory(state.tr);
      const start = posOfChild(doc, from);
      tr.delete(start, start + node.nodeSize);
      const target = posOfChild(tr.doc, to);
      tr.insert(target, node);
      if (selectionInside)
        tr.setSelection(
          Selection.near(tr.doc.resolve(Math.min(target + offsetInItem, tr.doc.content.size))),
        );
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

function posOfChild(doc: Node, index: number): number {
  let pos = 0;
  for (let i = 0; i < index && i < doc.childCount; i++) pos += doc.child(i).nodeSize;
  return pos;
}

/** Move the current § up (-1) or down (+1): Alt+↑ / Alt+↓. */
export function moveItem(itemType: NodeType, direction: -1 | 1): Command {
  return (state, dispatch) => {
    const item = currentItem(state, itemType);
    if (!item) return false;
    return moveItemTo(itemType, item.index, item.index + direction)(state, dispatch);
  };
}

/** Insert a reference to the § with id `target` at the cursor. */
export function insertItemRef(refType: NodeType, target: string): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if (
      !$from.parent.inlineContent ||
      !$from.parent.type.allowsMarkType ||
      !$from.parent.canReplaceWith($from.index(), $from.index(), refType)
    )
      return false;
    if (dispatch)
      dispatch(state.tr.replaceSelectionWith(refType.create({ target }), false).scrollIntoView());
    return true;
  };
}

/** Set attributes of the node at `pos` (the inspector's changes): one undoable step. */
export function setAttrs(pos: number, attrs: Attrs): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (!node) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const [k, v] of Object.entries(attrs)) tr.setNodeAttribute(pos, k, v);
      dispatch(tr);
    }
    return true;
  };
}

/** Insert text at the cursor, replacing `from`…cursor (the quick-insert's typed letters). */
export function insertPhrase(text: string, from?: number): Command {
  return (state, dispatch) => {
    const { $from, to } = state.selection;
    if (!$from.parent.inlineContent) return false;
    if (dispatch)
      dispatch(state.tr.insertText(text, from ?? state.selection.from, to).scrollIntoView());
    return true;
  };
}

/** Default attributes of new blocks: fresh ids, and for a vote or beslutsordning the §'s proposals. */
export function defaultAttrs(blockName: string): ((item: Node) => Attrs) | undefined {
  const proposalsOf = (item: Node) => {
    const ids: string[] = [];
    item.forEach((b) => {
      if (b.type.name === "proposal") ids.push(b.attrs.id as string);
    });
    return ids;
  };
  switch (blockName) {
    case "proposal":
      return () => ({ id: newId("y") });
    case "vote":
      return (item) => {
        const p = proposalsOf(item);
        return { id: newId("v"), yes: p[0] ?? null, no: p[1] ?? null };
      };
    case "decision_procedure":
      return (item) => ({ order: proposalsOf(item) });
    default:
      return undefined;
  }
}

/** A new numbered question of an interpellation answer after the part the cursor is in (before the signature). */
export function insertQuestion(answerType: NodeType, questionType: NodeType): Command {
  return (state, dispatch) => {
    const $from = state.selection.$from;
    let depth = -1;
    for (let d = $from.depth; d >= 0; d--) if ($from.node(d).type === answerType) depth = d;
    if (depth < 0) return false;
    const answer = $from.node(depth);
    // After the child the cursor is in, but never after the signature or before the title.
    let index = depth < $from.depth ? $from.index(depth) + 1 : answer.childCount - 1;
    index = Math.max(1, Math.min(index, answer.childCount - 1));
    const node = questionType.createAndFill();
    if (!node || !answer.canReplaceWith(index, index, questionType)) return false;
    if (dispatch) {
      let pos = $from.start(depth);
      for (let i = 0; i < index; i++) pos += answer.child(i).nodeSize;
      const tr = closeHistory(state.tr).insert(pos, node);
      cursorInto(tr, pos);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/**
 * A page break (Infoga → Sidbrytning) after the block the cursor is in — at the innermost level
 * where the schema allows one (after a paragraph of the background, after a § heading's blocks
 * …) — with the cursor after it.
 */
export function insertPageBreak(breakType: NodeType): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    for (let d = $from.depth; d > 0; d--) {
      const parent = $from.node(d - 1);
      const index = $from.index(d - 1) + 1;
      if (!parent.canReplaceWith(index, index, breakType)) continue;
      if (dispatch) {
        const pos = $from.after(d);
        const tr = closeHistory(state.tr).insert(pos, breakType.create());
        tr.setSelection(Selection.near(tr.doc.resolve(Math.min(pos + 1, tr.doc.content.size)), 1));
        dispatch(tr.scrollIntoView());
      }
      return true;
    }
    return false;
  };
}
