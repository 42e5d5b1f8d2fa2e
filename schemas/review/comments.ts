/**
 * The justerare's comments: on a § as a whole or anchored to a range of its text, with a thread of
 * replies, resolved when dealt with. Anchors are offsets inside the § (0 = start of its content)
 * plus the text they covered, so an anchor whose offsets moved is found again by its text, and a
 * comment whose text was deleted stays on its § (`detachedText` keeps what it was about).
 */
import type { Node } from "prosemirror-model";
import type { ProtokollFile } from "../file.js";
import type { Comment } from "../meta.js";
import { newId } from "../ids.js";
import { findItem, itemLabel } from "./items.js";
import { badTime, copyFile, refuse, statusIs } from "./reviewResult.js";

/** The text of a § as one string (text blocks joined by "\n") and, for each character, its position in the §. */
interface ItemText {
  text: string;
  /** Position in the § of each character of `text`; -1 for the "\n" between blocks. */
  pos: number[];
}

function itemText(item: Node, from = 0, to = item.content.size): ItemText {
  let text = "";
  const pos: number[] = [];
  item.descendants((node, start) => {
    if (!node.isTextblock) return true;
    let started = false;
    node.descendants((child, offset) => {
      if (!child.isText) return true;
      const base = start + 1 + offset;
      for (let i = 0; i < child.text!.length; i++) {
        const at = base + i;
        if (at < from || at >= to) continue;
        if (!started && text) {
          text += "\n";
          pos.push(-1);
        }
        started = true;
        text += child.text![i];
        pos.push(at);
      }
      return false;
    });
    return false;
  });
  return { text, pos };
}

/** The text an anchor covers: the characters at positions from…to inside the §. */
export function anchorText(item: Node, from: number, to: number): string {
  return itemText(item, from, to).text;
}

/**
 * Find an anchor again in the § as it reads now: the same offsets if they still cover the same
 * text, else the occurrence of the text nearest the old offsets, else null (the text was deleted).
 */
export function findAnchor(
  item: Node,
  anchor: NonNullable<Comment["anchor"]>,
): NonNullable<Comment["anchor"]> | null {
  if (anchor.to <= item.content.size && anchorText(item, anchor.from, anchor.to) === anchor.text)
    return anchor;
  if (!anchor.text) return null;
  const { text, pos } = itemText(item);
  let best: { from: number; to: number } | null = null;
  for (let i = text.indexOf(anchor.text); i >= 0; i = text.indexOf(anchor.text, i + 1)) {
    const from = pos[i]!,
      to = pos[i + anchor.text.length - 1]! + 1;
    if (!best || Math.abs(from - anchor.from) < Math.abs(best.from - anchor.from))
      best = { from, to };
  }
  return best ? { ...best, text: anchor.text } : null;
}

/** A comment placed on the document as it reads now (anchor re-found by text, or detached onto its §). */
export function reanchorComment(doc: Node, comment: Comment): Comment {
  if (!comment.item) return comment;
  const item = findItem(doc, comment.item);
  if (!item)
    return {
      ...comment,
      item: null,
      anchor: null,
      detachedText: comment.detachedText ?? comment.anchor?.text ?? null,
    };
  if (!comment.anchor) return comment;
  const anchor = findAnchor(item, comment.anchor);
  return anchor
    ? { ...comment, anchor }
    : { ...comment, anchor: null, detachedText: comment.anchor.text };
}

export interface NewComment {
  /** The § commented on; null for a comment on the whole protocol. */
  item: string | null;
  /** A range inside the § (offsets from the start of its content); null for the § as a whole. */
  anchor?: { from: number; to: number } | null;
  author: string;
  text: string;
  at: string;
  /** For tests and imports; a new id is made otherwise. */
  id?: string;
}

export type CommentResult =
  { ok: true; file: ProtokollFile; id: string } | { ok: false; error: string };

export function addComment(file: ProtokollFile, c: NewComment): CommentResult {
  if (file.meta.status === "adjusted")
    return refuse(`${statusIs(file.meta)}. Kommentarer kan inte läggas till efter justeringen.`);
  const time = badTime(c.at);
  if (time) return refuse(time);
  if (!c.author.trim()) return refuse("Ange vem som skriver kommentaren.");
  if (!c.text.trim()) return refuse("Kommentaren är tom.");
  let anchor: Comment["anchor"] = null;
  if (c.item !== null) {
    const item = findItem(file.doc, c.item);
    if (!item) return refuse(`Paragrafen ”${c.item}” finns inte i protokollet.`);
    if (c.anchor) {
      const { from, to } = c.anchor;
      if (
        !Number.isInteger(from) ||
        !Number.isInteger(to) ||
        from < 0 ||
        to > item.content.size ||
        from >= to
      )
        return refuse(`Den markerade texten ligger inte inom ${itemLabel(file, c.item)}.`);
      const text = anchorText(item, from, to);
      if (!text) return refuse("Markera den text som kommentaren gäller.");
      anchor = { from, to, text };
    }
  } else if (c.anchor) return refuse("En kommentar till en textdel måste höra till en paragraf.");
  const id = c.id ?? newId("k");
  if (file.review.comments.some((k) => k.id === id))
    return refuse(`Kommentaren ”${id}” finns redan.`);
  const next = copyFile(file);
  next.review.comments.push({
    id,
    item: c.item,
    anchor,
    author: c.author.trim(),
    at: c.at,
    text: c.text.trim(),
    replies: [],
    resolved: false,
    detachedText: null,
  });
  return { ok: true, file: next, id };
}

type Result = { ok: true; file: ProtokollFile } | { ok: false; error: string };

function withComment(
  file: ProtokollFile,
  id: string,
  change: (c: Comment) => Comment | string,
): Result {
  const index = file.review.comments.findIndex((k) => k.id === id);
  if (index < 0) return refuse("Kommentaren finns inte.");
  const changed = change(structuredClone(file.review.comments[index]!));
  if (typeof changed === "string") return refuse(changed);
  const next = copyFile(file);
  next.review.comments[index] = changed;
  return { ok: true, file: next };
}

/** Reply in a comment's thread. */
export function reply(
  file: ProtokollFile,
  commentId: string,
  r: { author: string; text: string; at: string },
): Result {
  if (file.meta.status === "adjusted")
    return refuse(`${statusIs(file.meta)}. Kommentarer kan inte besvaras efter justeringen.`);
  const time = badTime(r.at);
  if (time) return refuse(time);
  if (!r.author.trim()) return refuse("Ange vem som svarar.");
  if (!r.text.trim()) return refuse("Svaret är tomt.");
  return withComment(file, commentId, (c) => ({
    ...c,
    replies: [...c.replies, { author: r.author.trim(), at: r.at, text: r.text.trim() }],
  }));
}

/** Mark a comment resolved (or, with `resolved` false, open it again). Allowed in every status. */
export function resolveComment(file: ProtokollFile, commentId: string, resolved = true): Result {
  return withComment(file, commentId, (c) =>
    c.resolved === resolved
      ? resolved
        ? "Kommentaren är redan löst."
        : "Kommentaren är redan öppen."
      : { ...c, resolved },
  );
}

/**
 * For the review UI: turn a selection in the document (absolute positions) into the § and the
 * anchor offsets `addComment` takes; null when the selection is empty or not inside one §.
 */
export function anchorFromSelection(
  doc: Node,
  from: number,
  to: number,
): { item: string; anchor: { from: number; to: number } } | null {
  if (from >= to) return null;
  let out: { item: string; anchor: { from: number; to: number } } | null = null;
  doc.forEach((node, offset) => {
    if (node.type.name !== "agenda_item") return;
    const start = offset + 1,
      end = offset + 1 + node.content.size;
    if (from >= start && to <= end)
      out = { item: node.attrs.id as string, anchor: { from: from - start, to: to - start } };
  });
  return out;
}

/** For the review UI: the absolute document range a comment's anchor covers now (for highlighting), or null. */
export function commentRange(doc: Node, comment: Comment): { from: number; to: number } | null {
  if (!comment.item || !comment.anchor) return null;
  let out: { from: number; to: number } | null = null;
  doc.forEach((node, offset) => {
    if (out || node.type.name !== "agenda_item" || node.attrs.id !== comment.item) return;
    const anchor = findAnchor(node, comment.anchor!);
    if (anchor) out = { from: offset + 1 + anchor.from, to: offset + 1 + anchor.to };
  });
  return out;
}
