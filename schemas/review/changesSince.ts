/**
 * "Changed since you last looked": each reader's last-seen copy of the document is kept in
 * `review.lastSeen[reader]`, and `changesSince` compares it § by § with the document now — first
 * whether each § is unchanged (structural equality, as cheap as comparing hashes and exact), so
 * unchanged §§ cost next to nothing — and gives a word-level diff of the text of the §§ that
 * changed, so a second round of reading only needs the changes.
 */
import { diffArrays } from "diff";
import { Node } from "prosemirror-model";
import type { ProtokollFile } from "../file.js";
import { numberedItems } from "../numbering.js";
import { schema } from "../schema.js";
import { badTime, copyFile, refuse, type ReviewResult } from "./reviewResult.js";
import { itemTitleText } from "../titleText.js";

export type DiffPart = { type: "same" | "added" | "removed"; text: string };

export interface ItemChange {
  item: string;
  /** Current § number; null for a § that was removed. */
  number: number | null;
  title: string;
  /**
   * unseen: the reader has not looked at the document before; added / removed: the § is new or
   * gone; changed: text or structured data (votes, yrkanden, persons…) differ.
   */
  change: "unseen" | "unchanged" | "changed" | "added" | "removed";
  /** For changed §§: the word diff of the § text (all "same" when only structured data changed). */
  diff: DiffPart[] | null;
}

export interface Changes {
  /** When the reader last looked; null if never. */
  since: string | null;
  items: ItemChange[];
}

/** The text of a § for reading and diffing: its blocks' text, one line each. */
function readableText(item: Node): string {
  const lines: string[] = [];
  item.descendants((n) => {
    if (n.isTextblock) {
      lines.push(n.textContent);
      return false;
    }
    return true;
  });
  return lines.join("\n");
}

/**
 * Above this many changed words and spaces (about 250 words) a § has been rewritten rather than
 * edited: it is shown as the old text removed and the new text added, instead of searching on for
 * a word diff (the search grows with the number of edits; giving up at 500 costs ≈ 0.1 s).
 */
const MAX_EDIT_LENGTH = 500;

/**
 * Word-level diff over words and whitespace, common ends trimmed first, the middle with Myers'
 * O(ND) difference algorithm (the `diff` package): time and memory grow with the size of the §
 * times the number of edits, not with the square of the § (a 6,000-word § with two edits is a
 * few milliseconds). Gives a shortest edit script, so as many words as possible stay "same";
 * where one word replaces another the removal comes first.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = before.match(/\s+|[^\s]+/g) ?? [];
  const b = after.match(/\s+|[^\s]+/g) ?? [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length,
    endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (type: DiffPart["type"], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.type === type) last.text += text;
    else parts.push({ type, text });
  };
  push("same", a.slice(0, start).join(""));
  const x = a.slice(start, endA),
    y = b.slice(start, endB);
  const changes =
    x.length && y.length ? diffArrays(x, y, { maxEditLength: MAX_EDIT_LENGTH }) : undefined;
  if (changes)
    for (const c of changes)
      push(c.removed ? "removed" : c.added ? "added" : "same", c.value.join(""));
  else {
    push("removed", x.join(""));
    push("added", y.join(""));
  }
  push("same", a.slice(endA).join(""));
  return parts;
}

/**
 * Last-seen copies already read: the copy in `review.lastSeen` is the same object from one refresh
 * of the Justering panel to the next, so it is turned into a document once.
 */
const seenDocs = new WeakMap<object, Node>();

function seenDoc(json: unknown): Node | null {
  if (typeof json === "object" && json !== null && seenDocs.has(json)) return seenDocs.get(json)!;
  try {
    const doc = schema.nodeFromJSON(json);
    if (typeof json === "object" && json !== null) seenDocs.set(json, doc);
    return doc;
  } catch {
    return null; // an unreadable copy counts as never seen
  }
}

/** Per §, what changed since `reader` last looked (`markSeen`). */
export function changesSince(file: ProtokollFile, reader: string): Changes {
  const now = numberedItems(file.doc, file.meta);
  const seen = file.review.lastSeen[reader];
  const before = seen ? seenDoc(seen.doc) : null;
  if (!seen || !before)
    return {
      since: null,
      items: now.map((i) => ({
        item: i.id,
        number: i.number,
        title: itemTitleText(i.node),
        change: "unseen",
        diff: null,
      })),
    };
  const old = new Map<string, Node>();
  before.forEach((n) => {
    if (n.type.name === "agenda_item") old.set(n.attrs.id as string, n);
  });
  const items: ItemChange[] = now.map((i) => {
    const was = old.get(i.id);
    if (!was)
      return {
        item: i.id,
        number: i.number,
        title: itemTitleText(i.node),
        change: "added",
        diff: null,
      };
    // Unchanged §§ first, cheaply: ProseMirror's structural equality (the same node, or equal type,
    // attributes and content — what the § hash covers), without hashing or diffing the text.
    if (was.eq(i.node))
      return {
        item: i.id,
        number: i.number,
        title: itemTitleText(i.node),
        change: "unchanged",
        diff: null,
      };
    return {
      item: i.id,
      number: i.number,
      title: itemTitleText(i.node),
      change: "changed",
      diff: diffWords(readableText(was), readableText(i.node)),
    };
  });
  const current = new Set(now.map((i) => i.id));
  for (const [id, was] of old)
    if (!current.has(id))
      items.push({
        item: id,
        number: null,
        title: itemTitleText(was),
        change: "removed",
        diff: null,
      });
  return { since: seen.at, items };
}

/** Record that `reader` has now read the document as it is. */
export function markSeen(file: ProtokollFile, reader: string, at: string): ReviewResult {
  const time = badTime(at);
  if (time) return refuse(time);
  if (!reader.trim()) return refuse("Ange vem som har läst.");
  const next = copyFile(file);
  next.review.lastSeen[reader] = { at, doc: file.doc.toJSON() };
  return { ok: true, file: next };
}
