/**
 * Format version 1 → 2 (issue 18): "Expedieras till" becomes a typed list. A `distribution` block
 * that held prose gets one `recipient` per name its lines give (`splitRecipients`).
 *
 * What someone has signed off is not reshaped, so that no seal or approval breaks: a justerat
 * protocol (a seal, or status justerad) keeps every distribution block as it was stored — seal form
 * 2 hashes the stored form, and an anslag or a rättelse recorded later renews the seal over exactly
 * that form — and in a protocol not yet justerat, a § justerad at the meeting (its own seal) or
 * approved by a justerare (the approval keeps the §'s hash) keeps its block too. The schema still
 * reads the prose shape for them, and every reader (Skicka utdrag, the exports) reads both.
 *
 * Comments anchored inside a § are moved with the text they point at; the justerare's "last seen"
 * copies are converted the same way, so "changed since" does not report the migration as an edit.
 */
import type { Node } from "prosemirror-model";
import { Transform } from "prosemirror-transform";
import { recipient } from "./build.js";
import { schema } from "./schema.js";
import { distributionRecipients } from "./splitRecipients.js";
import { list, obj } from "./storedJson.js";
import { capTableSpans } from "./tables.js";

type Raw = Record<string, unknown>;

/** The doc with its unsealed prose distribution blocks as recipient lists, or null when nothing changes (or the doc is not readable: `parse` reports that). */
function convert(json: unknown, keep: ReadonlySet<string>): { doc: Node; tr: Transform } | null {
  let doc: Node;
  try {
    doc = schema.nodeFromJSON(capTableSpans(json));
    doc.check();
  } catch {
    return null;
  }
  const targets: { from: number; to: number; names: string[] }[] = [];
  doc.forEach((item, offset) => {
    if (item.type.name !== "agenda_item" || keep.has(item.attrs.id as string)) return;
    item.forEach((block, o) => {
      if (
        block.type.name !== "distribution" ||
        block.childCount === 0 ||
        block.firstChild!.type.name === "recipient"
      )
        return;
      const from = offset + 1 + o + 1;
      targets.push({ from, to: from + block.content.size, names: distributionRecipients(block) });
    });
  });
  if (!targets.length) return null;
  const tr = new Transform(doc);
  for (const t of targets.reverse()) tr.replaceWith(t.from, t.to, t.names.map(recipient));
  return { doc: tr.doc, tr };
}

/** Where each § starts (by id) in `doc`. */
function itemStarts(doc: Node): Map<string, number> {
  const starts = new Map<string, number>();
  doc.forEach(
    (n, offset) => void (n.type.name === "agenda_item" && starts.set(n.attrs.id as string, offset)),
  );
  return starts;
}

export function migrateRecipients(raw: Raw): Raw {
  const out: Raw = { ...raw, version: 2 };
  const meta = obj(raw.meta);
  const history = list(raw.history).map(obj);
  const review = obj(raw.review);
  const sealed =
    meta.status === "adjusted" ||
    (meta.seal !== undefined && meta.seal !== null) ||
    history.some((h) => h.kind === "adjusted" && (h.item === null || h.item === undefined));
  if (sealed) return out;
  const keep = new Set<string>();
  for (const h of history)
    if (h.kind === "adjusted" && typeof h.item === "string") keep.add(h.item);
  for (const a of list(review.approvals).map(obj)) if (typeof a.item === "string") keep.add(a.item);

  const done = convert(raw.doc, keep);
  if (!done) return out;
  out.doc = done.doc.toJSON();
  const before = itemStarts(done.tr.docs[0]!);
  const after = itemStarts(done.doc);
  const comments = list(review.comments).map((c) => {
    const comment = obj(c);
    const anchor = obj(comment.anchor);
    const start = before.get(comment.item as string);
    const moved = after.get(comment.item as string);
    if (
      start === undefined ||
      moved === undefined ||
      typeof anchor.from !== "number" ||
      typeof anchor.to !== "number"
    )
      return c;
    const map = (pos: number, assoc: number) =>
      done.tr.mapping.map(start + 1 + pos, assoc) - moved - 1;
    return {
      ...comment,
      anchor: {
        ...anchor,
        from: map(anchor.from, 1),
        to: Math.max(map(anchor.from, 1), map(anchor.to, -1)),
      },
    };
  });
  const lastSeen = Object.fromEntries(
    Object.entries(obj(review.lastSeen)).map(([who, seen]) => {
      const copy = obj(seen);
      const converted = convert(copy.doc, keep);
      return [who, converted ? { ...copy, doc: converted.doc.toJSON() } : seen];
    }),
  );
  if (raw.review !== undefined)
    out.review = {
      ...review,
      ...(review.comments !== undefined && { comments }),
      ...(review.lastSeen !== undefined && { lastSeen }),
    };
  return out;
}
