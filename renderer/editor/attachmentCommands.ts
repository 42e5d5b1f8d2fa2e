/**
 * Bilagor in the editor (schemas/attachments.ts): inserting a reference "bilaga 3" at the cursor,
 * and the changes of the list in `meta.attachments` — add, rename, remove, move — as pure
 * functions of the metadata, so the panel applies each as one undoable metadata step.
 */
import type { Node, NodeType } from "prosemirror-model";
import type { Command } from "prosemirror-state";
import { numberedAttachments, type Attachment } from "../../schemas/attachments.js";
import type { Meta } from "../../schemas/meta.js";

/** Insert a reference to the bilaga `target` at the cursor; with its title ("Bilaga 3 – Voteringslista") when `withTitle`. */
export function insertAttachmentRef(refType: NodeType, target: string, withTitle = false): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if (
      !$from.parent.inlineContent ||
      !$from.parent.canReplaceWith($from.index(), $from.index(), refType)
    )
      return false;
    if (dispatch)
      dispatch(
        state.tr
          .replaceSelectionWith(refType.create({ target, withTitle }), false)
          .scrollIntoView(),
      );
    return true;
  };
}

/** The list with one more bilaga at the end of its group (numbers follow from the § order). */
export function addAttachment(meta: Meta, attachment: Attachment): Meta {
  return { ...meta, attachments: [...(meta.attachments ?? []), attachment] };
}

/** A new title; null when the title is empty or unchanged. */
export function renameAttachment(meta: Meta, id: string, title: string): Meta | null {
  const clean = title.trim();
  const list = meta.attachments ?? [];
  if (!clean || !list.some((a) => a.id === id && a.title !== clean)) return null;
  return { ...meta, attachments: list.map((a) => (a.id === id ? { ...a, title: clean } : a)) };
}

/** Move a bilaga to another § (or `null`: the whole protocol). */
export function assignAttachment(meta: Meta, id: string, item: string | null): Meta | null {
  const list = meta.attachments ?? [];
  const at = list.find((a) => a.id === id);
  if (!at || (at.item ?? null) === item) return null;
  return {
    ...meta,
    attachments: list.map((a) => {
      if (a.id !== id) return a;
      const { item: _old, ...rest } = a;
      return item === null ? rest : { ...rest, item };
    }),
  };
}

/**
 * Out of the document's list; the file stays in `bilagor/` (it may be referred to elsewhere, and a
 * secretary's file is never deleted behind her back). The key goes when the list is empty, so a
 * document without bilagor has the bytes it had before.
 */
export function removeAttachment(meta: Meta, id: string): Meta | null {
  const list = meta.attachments ?? [];
  if (!list.some((a) => a.id === id)) return null;
  const rest = list.filter((a) => a.id !== id);
  if (rest.length) return { ...meta, attachments: rest };
  const { attachments: _gone, ...without } = meta;
  return without;
}

/**
 * One place up (-1) or down (+1) among the bilagor of the same § (or of the whole protocol): the
 * numbers follow the § order, so a bilaga moves only within its group. Null when it is at the end.
 */
export function moveAttachment(doc: Node, meta: Meta, id: string, direction: -1 | 1): Meta | null {
  const numbered = numberedAttachments(doc, meta.attachments);
  const at = numbered.findIndex((n) => n.attachment.id === id);
  const other = numbered[at + direction];
  if (at < 0 || !other || other.itemId !== numbered[at]!.itemId) return null;
  const list = [...(meta.attachments ?? [])];
  const i = list.findIndex((a) => a.id === id);
  const j = list.findIndex((a) => a.id === other.attachment.id);
  [list[i], list[j]] = [list[j]!, list[i]!];
  return { ...meta, attachments: list };
}

/**
 * The `//bilaga` entries of the quick insert: one per bilaga ("//bilaga" lists them all, "//bilaga2"
 * picks the second), each inserting a reference to it.
 */
export function attachmentQuickEntries(
  doc: Node,
  meta: Meta,
  refType: NodeType,
): { key: string; label: string; text: string; command: Command }[] {
  return numberedAttachments(doc, meta.attachments).map((n) => ({
    key: `bilaga${n.number}`,
    label: `Hänvisning till bilaga ${n.number}`,
    text: n.attachment.title,
    command: insertAttachmentRef(refType, n.attachment.id),
  }));
}
