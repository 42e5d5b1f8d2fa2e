/**
 * Justering: of the whole protocol once everyone has approved every § (`adjust`), or of single §§
 * at the meeting (`immediateAdjust`, omedelbar justering). Both record who and when in the history.
 */
import type { ProtokollFile } from "../file.js";
import type { HistoryEntry } from "../meta.js";
import { canAdjust } from "./approvals.js";
import { findItem, itemHash, itemLabel } from "./items.js";
import {
  badTime,
  copyFile,
  personName,
  refuse,
  signatories,
  statusIs,
  type ReviewResult,
} from "./reviewResult.js";
import { makeSeal, SEAL_FORM } from "./seal.js";

/** Check that `by` are exactly the chair and the justerare (each at least once, nobody else). */
function checkSigners(file: ProtokollFile, by: string[], what: string): string | null {
  const needed = signatories(file.meta);
  if (!file.meta.chair) return "Ordförande saknas i protokollet.";
  const stranger = by.find((p) => !needed.includes(p));
  if (stranger)
    return `${personName(file.meta, stranger)} är varken ordförande eller justerare och kan inte ${what}.`;
  const absent = needed.filter((p) => !by.includes(p));
  if (absent.length)
    return `${absent.map((p) => personName(file.meta, p)).join(" och ")} måste också ${what}.`;
  return null;
}

/**
 * Justera: status → justerad, the justering date recorded, the seal computed over the sealed
 * content (see seal.ts) and a history entry "Justerat" with the seal. The seal is not yet signed:
 * the host signs it (`signSeal` channel) before the file is saved.
 */
export function adjust(
  file: ProtokollFile,
  by: string[],
  at: string,
  /** Justera despite rule errors: why (recorded in the history, covered by the seal). */ override?: string,
): ReviewResult {
  const time = badTime(at);
  if (time) return refuse(time);
  const allowed = canAdjust(file);
  if (!allowed.ok) return refuse(allowed.error);
  const signers = checkSigners(file, by, "justera");
  if (signers) return refuse(signers);
  const next = copyFile(file);
  next.meta.status = "adjusted";
  next.meta.adjustment.date = at.slice(0, 10);
  const names = by.map((p) => personName(file.meta, p)).join(", ");
  const why = override?.trim() || null;
  const what = why ? `Justerat av ${names} trots regelfel.` : `Justerat av ${names}.`;
  const entry: HistoryEntry = {
    at,
    by: names,
    kind: "adjusted",
    what,
    why,
    item: null,
    seal: null,
    previousSeal: null,
  };
  next.history.push(entry);
  const seal = makeSeal(next, at, by);
  entry.seal = seal;
  next.meta.seal = seal;
  return { ok: true, file: next };
}

/** History entries of §§ justerade at the meeting (their `seal` is the hash of the § alone). */
export function immediateAdjustments(file: Pick<ProtokollFile, "history">): HistoryEntry[] {
  return file.history.filter((h) => h.kind === "adjusted" && h.item !== null);
}

/** Whether a § justerad at the meeting still reads as it did then; null if it was not justerad at the meeting. */
export function immediateUnchanged(file: ProtokollFile, itemId: string): boolean | null {
  const entry = immediateAdjustments(file).find((e) => e.item === itemId);
  if (!entry) return null;
  const node = findItem(file.doc, itemId);
  return node !== null && itemHash(node) === entry.seal?.sha256;
}

/**
 * Omedelbar justering of one § at the meeting: the § must be marked `immediate`, and the chair and
 * every justerare justerar it. Their approvals are recorded, the § gets its own seal (hash of the
 * §) in the history, and from then on it cannot be edited and can be exported on its own.
 */
export function immediateAdjust(
  file: ProtokollFile,
  itemId: string,
  by: string[],
  at: string,
): ReviewResult {
  if (file.meta.status === "adjusted")
    return refuse(`${statusIs(file.meta)} – hela protokollet är redan justerat.`);
  const time = badTime(at);
  if (time) return refuse(time);
  const node = findItem(file.doc, itemId);
  if (!node) return refuse(`Paragrafen ”${itemId}” finns inte i protokollet.`);
  const label = itemLabel(file, itemId);
  if (node.attrs.immediate !== true)
    return refuse(`${label} är inte markerad för omedelbar justering.`);
  if (immediateAdjustments(file).some((e) => e.item === itemId))
    return refuse(`${label} är redan omedelbart justerad.`);
  const signers = checkSigners(file, by, `justera ${label}`);
  if (signers) return refuse(signers);
  const hash = itemHash(node);
  const next = copyFile(file);
  next.review.approvals = next.review.approvals.filter(
    (a) => !(a.item === itemId && by.includes(a.by)),
  );
  for (const p of by)
    next.review.approvals.push({
      item: itemId,
      by: p,
      at,
      state: "approved",
      note: null,
      itemHash: hash,
    });
  const names = by.map((p) => personName(file.meta, p)).join(", ");
  const seal = { sha256: hash, at, by: [...by], form: SEAL_FORM };
  next.history.push({
    at,
    by: names,
    kind: "adjusted",
    what: `Omedelbart justerad: ${label} (av ${names}).`,
    why: null,
    item: itemId,
    seal,
    previousSeal: null,
  });
  return { ok: true, file: next };
}
