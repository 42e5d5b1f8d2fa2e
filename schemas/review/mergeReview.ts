/**
 * Merge a justerare's review copy back into the secretary's document. The secretary's document
 * (`mine`) keeps its text, metadata, status and history — edits made while the copy was out are
 * never lost. From the copy (`theirs`) come the comments (with their replies and resolved state)
 * and the approvals, matched by § id; anchors are found again by their text in the § as it reads
 * now, and a comment whose text was deleted stays on its §. An approval of a § the secretary has
 * changed since is kept but no longer counts (its hash differs), so the justerare re-reads it.
 */
import type { ProtokollFile } from "../file.js";
import type { Approval, Comment, Review } from "../meta.js";
import { reanchorComment } from "./comments.js";
import { findItem, itemIds } from "./items.js";
import { copyFile, refuse } from "./reviewResult.js";

export interface MergeReport {
  /** Comments new to the secretary's document. */
  addedComments: string[];
  /** Comments whose anchored text no longer exists: they stay on their § (ids). */
  detachedComments: string[];
  /** Approvals (and change requests) taken from the copy, as "item:person". */
  addedApprovals: string[];
  /** Approvals dropped because their § no longer exists, as "item:person". */
  droppedApprovals: string[];
}

export type MergeResult =
  { ok: true; file: ProtokollFile; report: MergeReport } | { ok: false; error: string };

const later = (a: string, b: string) => (a >= b ? a : b);

function mergeComment(a: Comment, b: Comment): Comment {
  const key = (r: Comment["replies"][number]) => `${r.at}\u0000${r.author}\u0000${r.text}`;
  const seen = new Set(a.replies.map(key));
  const replies = [...a.replies, ...b.replies.filter((r) => !seen.has(key(r)))].sort((x, y) =>
    x.at < y.at ? -1 : x.at > y.at ? 1 : 0,
  );
  return { ...a, replies, resolved: a.resolved || b.resolved };
}

export function mergeReview(mine: ProtokollFile, theirs: ProtokollFile): MergeResult {
  if (mine.meta.status === "adjusted")
    return refuse("Protokollet är redan justerat – granskningskopian kan inte föras in.");
  if (mine.kind !== theirs.kind)
    return refuse("Granskningskopian är en annan sorts dokument än protokollet.");
  const mineIds = new Set(itemIds(mine.doc));
  const theirIds = itemIds(theirs.doc);
  if (mine.kind === "protokoll" && !theirIds.some((id) => mineIds.has(id)))
    return refuse(
      "Granskningskopian hör inte till det här protokollet (inga gemensamma paragrafer).",
    );
  if (
    mine.meta.body.name !== theirs.meta.body.name ||
    mine.meta.meeting.date !== theirs.meta.meeting.date
  )
    return refuse(
      `Granskningskopian gäller ${theirs.meta.body.name}${theirs.meta.meeting.date ? ` (${theirs.meta.meeting.date})` : ""}, inte det här protokollet.`,
    );

  const report: MergeReport = {
    addedComments: [],
    detachedComments: [],
    addedApprovals: [],
    droppedApprovals: [],
  };
  const next = copyFile(mine);

  // Comments: union by id, replies merged, then every anchor placed on the secretary's text.
  const comments = new Map<string, Comment>(next.review.comments.map((c) => [c.id, c]));
  for (const c of structuredClone(theirs.review.comments)) {
    const have = comments.get(c.id);
    if (have) comments.set(c.id, mergeComment(have, c));
    else {
      comments.set(c.id, c);
      report.addedComments.push(c.id);
    }
  }
  next.review.comments = [...comments.values()].map((c) => {
    const placed = reanchorComment(next.doc, c);
    if (placed.detachedText !== null && c.detachedText === null) report.detachedComments.push(c.id);
    return placed;
  });

  // Approvals: one per (§, person); the later one wins. Approvals of §§ that no longer exist are dropped.
  const approvals = new Map<string, Approval>(
    next.review.approvals.map((a) => [`${a.item}:${a.by}`, a]),
  );
  for (const a of structuredClone(theirs.review.approvals)) {
    const key = `${a.item}:${a.by}`;
    if (!findItem(next.doc, a.item)) {
      report.droppedApprovals.push(key);
      continue;
    }
    const have = approvals.get(key);
    if (!have || a.at > have.at) {
      approvals.set(key, a);
      report.addedApprovals.push(key);
    }
  }
  next.review.approvals = [...approvals.values()];

  // Last seen: per reader, the later look wins.
  const lastSeen: Review["lastSeen"] = { ...next.review.lastSeen };
  for (const [reader, seen] of Object.entries(structuredClone(theirs.review.lastSeen))) {
    const have = lastSeen[reader];
    if (!have || later(seen.at, have.at) === seen.at) lastSeen[reader] = seen;
  }
  next.review.lastSeen = lastSeen;
  return { ok: true, file: next, report };
}
