/**
 * The status of a document: utkast (draft) → för justering (in_review) → justerad (adjusted), and
 * what may be edited in each. The secretary keeps editing while the justerare read (their
 * approvals of a § lapse when it changes); a justerad protocol changes only by `recordCorrection`,
 * and a § justerad at the meeting (omedelbar justering) not at all before that.
 */
import type { ProtokollFile } from "../file.js";
import { immediateAdjustments } from "./adjust.js";
import { findItem, itemHash, itemLabel } from "./items.js";
import {
  badTime,
  copyFile,
  personName,
  refuse,
  statusIs,
  type ReviewResult,
} from "./reviewResult.js";
import { sealedContent } from "./seal.js";

/** Utkast → för justering. Needs the chair and the number of justerare the reglemente asks for. */
export function sendForReview(file: ProtokollFile, by: string, at: string): ReviewResult {
  const { meta } = file;
  if (file.kind !== "protokoll")
    return refuse("Interpellationssvar justeras inte – bara protokoll skickas för justering.");
  if (meta.status !== "draft")
    return refuse(`${statusIs(meta)}. Bara ett utkast kan skickas för justering.`);
  const time = badTime(at);
  if (time) return refuse(time);
  if (!by.trim()) return refuse("Ange vem som skickar protokollet för justering.");
  if (!meta.chair) return refuse("Ange ordförande innan protokollet skickas för justering.");
  const needed = meta.body.reglemente.adjusters;
  if (meta.adjusters.length < needed)
    return refuse(
      `Reglementet kräver ${needed} justerare utöver ordföranden – ange ${needed === 1 ? "justeraren" : "justerarna"} innan protokollet skickas.`,
    );
  const next = copyFile(file);
  next.meta.status = "in_review";
  const names = [meta.chair, ...meta.adjusters].map((id) => personName(meta, id)).join(", ");
  next.history.push({
    at,
    by,
    kind: "status",
    what: `Skickat för justering till ${names}.`,
    why: null,
    item: null,
    seal: null,
    previousSeal: null,
  });
  return { ok: true, file: next };
}

/**
 * För justering → utkast, e.g. when the protocol needs a larger rework before the justerare read
 * on. Comments and approvals are kept (approvals lapse for §§ that change); the reason is recorded.
 */
export function returnToDraft(
  file: ProtokollFile,
  by: string,
  at: string,
  why: string,
): ReviewResult {
  if (file.meta.status !== "in_review")
    return refuse(
      `${statusIs(file.meta)}. Bara ett protokoll som är skickat för justering kan tas tillbaka till utkast.`,
    );
  const time = badTime(at);
  if (time) return refuse(time);
  if (!by.trim()) return refuse("Ange vem som tar tillbaka protokollet.");
  if (!why.trim()) return refuse("Skriv varför protokollet tas tillbaka till utkast.");
  const next = copyFile(file);
  next.meta.status = "draft";
  next.history.push({
    at,
    by,
    kind: "status",
    what: "Taget tillbaka till utkast.",
    why: why.trim(),
    item: null,
    seal: null,
    previousSeal: null,
  });
  return { ok: true, file: next };
}

/** Why the document (or one §) may not be edited now, or null when it may. Swedish. */
export function editRefusal(file: ProtokollFile, itemId?: string): string | null {
  if (file.meta.status === "adjusted")
    return "Protokollet är justerat och kan inte ändras. Rättelser görs med ”Rättelse”.";
  if (itemId && immediateAdjustments(file).some((e) => e.item === itemId))
    return `${itemLabel(file, itemId)} är omedelbart justerad och kan inte ändras.`;
  return null;
}

/** Whether the document (or, given an id, that §) may be edited: not when justerad, not a § justerad at the meeting. */
export function editAllowed(file: ProtokollFile, itemId?: string): boolean {
  return editRefusal(file, itemId) === null;
}

/**
 * The guard for saving an edited document: `after` must not change anything sealed in `before`.
 * A justerad protocol keeps its sealed content (its review part may change); a § justerad at the
 * meeting keeps its content and may not be removed. The status and the seal never change by editing.
 */
export function checkEdit(
  before: ProtokollFile,
  after: ProtokollFile,
): { ok: true } | { ok: false; error: string } {
  if (after.meta.status !== before.meta.status)
    return refuse(
      "Status ändras bara genom att skicka för justering eller justera, inte genom redigering.",
    );
  if (JSON.stringify(after.meta.seal) !== JSON.stringify(before.meta.seal))
    return refuse("Sigillet kan inte ändras genom redigering.");
  if (before.meta.status === "adjusted") {
    if (sealedContent(before) !== sealedContent(after))
      return refuse(
        "Protokollet är justerat och kan inte ändras. Rättelser görs med ”Rättelse”, som visas i protokollet.",
      );
    return { ok: true };
  }
  if (
    after.history.length < before.history.length ||
    JSON.stringify(after.history.slice(0, before.history.length)) !== JSON.stringify(before.history)
  )
    return refuse("Historiken kan bara läggas till, inte ändras.");
  for (const entry of immediateAdjustments(before)) {
    const node = findItem(after.doc, entry.item!);
    if (!node)
      return refuse(
        `${itemLabel(before, entry.item!)} är omedelbart justerad och kan inte tas bort.`,
      );
    if (itemHash(node) !== entry.seal?.sha256)
      return refuse(
        `${itemLabel(before, entry.item!)} är omedelbart justerad och kan inte ändras.`,
      );
  }
  return { ok: true };
}
