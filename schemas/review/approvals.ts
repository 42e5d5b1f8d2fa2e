/**
 * Approvals per § ("godkänn §" / "begär ändring") and the question whether the protocol can be
 * justerad. An approval stores the hash of the § as it was approved, so it stops counting as soon
 * as the § changes afterwards — a justerare never approves text they have not seen.
 */
import type { ProtokollFile } from "../file.js";
import type { Approval } from "../meta.js";
import { findItem, itemHash, itemIds, itemLabel } from "./items.js";
import {
  badTime,
  copyFile,
  personName,
  refuse,
  signatories,
  statusIs,
  type ReviewResult,
} from "./reviewResult.js";

export type ApprovalState = "approved" | "changes_requested" | "changed" | "missing";

export interface ItemApproval {
  item: string;
  /** Person id of the chair or a justerare. */
  who: string;
  state: ApprovalState;
  approval: Approval | null;
}

/** Every (§, signatory) pair and where it stands: approved, changes requested, changed since approval, or missing. */
export function itemApprovals(file: ProtokollFile): ItemApproval[] {
  const out: ItemApproval[] = [];
  const who = signatories(file.meta);
  file.doc.forEach((node) => {
    if (node.type.name !== "agenda_item") return;
    const item = node.attrs.id as string;
    const hash = itemHash(node);
    for (const person of who) {
      const approval =
        file.review.approvals.find((a) => a.item === item && a.by === person) ?? null;
      const state: ApprovalState = !approval
        ? "missing"
        : approval.state === "changes_requested"
          ? "changes_requested"
          : approval.itemHash !== hash
            ? "changed"
            : "approved";
      out.push({ item, who: person, state, approval });
    }
  });
  return out;
}

function record(
  file: ProtokollFile,
  item: string,
  by: string,
  at: string,
  state: Approval["state"],
  note: string | null,
): ReviewResult {
  if (file.meta.status !== "in_review")
    return refuse(
      `${statusIs(file.meta)}. Paragrafer kan bara godkännas eller få ändringsbegäran när protokollet är skickat för justering.`,
    );
  const time = badTime(at);
  if (time) return refuse(time);
  const node = findItem(file.doc, item);
  if (!node) return refuse(`Paragrafen ”${item}” finns inte i protokollet.`);
  if (!signatories(file.meta).includes(by))
    return refuse(
      `${personName(file.meta, by)} är varken ordförande eller justerare i det här protokollet och kan inte ${state === "approved" ? "godkänna" : "begära ändring i"} ${itemLabel(file, item)}.`,
    );
  const next = copyFile(file);
  next.review.approvals = next.review.approvals.filter((a) => !(a.item === item && a.by === by));
  next.review.approvals.push({ item, by, at, state, note, itemHash: itemHash(node) });
  return { ok: true, file: next };
}

/** "Godkänn §": the chair or a justerare approves the § as it reads now. */
export function approveItem(
  file: ProtokollFile,
  itemId: string,
  by: string,
  at: string,
): ReviewResult {
  return record(file, itemId, by, at, "approved", null);
}

/** "Begär ändring": the chair or a justerare asks for a change in the §, saying what. */
export function requestChanges(
  file: ProtokollFile,
  itemId: string,
  by: string,
  at: string,
  note: string,
): ReviewResult {
  if (!note.trim()) return refuse("Skriv vilken ändring du begär.");
  return record(file, itemId, by, at, "changes_requested", note.trim());
}

export interface MissingApproval {
  item: string;
  who: string;
  state: Exclude<ApprovalState, "approved">;
}

export type CanAdjust =
  { ok: true } | { ok: false; missing: MissingApproval[]; /** Swedish. */ error: string };

const stateWords: Record<MissingApproval["state"], string> = {
  missing: "har inte godkänt",
  changes_requested: "har begärt ändring i",
  changed: "godkände en tidigare lydelse av",
};

/** Justering is allowed when the chair and every justerare have approved every § as it reads now. */
export function canAdjust(file: ProtokollFile): CanAdjust {
  const { meta } = file;
  const no = (error: string, missing: MissingApproval[] = []): CanAdjust => ({
    ok: false,
    missing,
    error,
  });
  if (meta.status !== "in_review")
    return no(`${statusIs(meta)}. Protokollet kan bara justeras när det är skickat för justering.`);
  if (!meta.chair) return no("Ordförande saknas i protokollet.");
  if (meta.adjusters.length < meta.body.reglemente.adjusters)
    return no(
      `Reglementet kräver ${meta.body.reglemente.adjusters} justerare utöver ordföranden, protokollet anger ${meta.adjusters.length}.`,
    );
  if (itemIds(file.doc).length === 0 && file.kind === "protokoll")
    return no("Protokollet har inga paragrafer.");
  const missing = itemApprovals(file)
    .filter((a) => a.state !== "approved")
    .map(({ item, who, state }) => ({ item, who, state: state as MissingApproval["state"] }));
  if (missing.length === 0) return { ok: true };
  const lines = missing
    .slice(0, 5)
    .map((m) => `${personName(meta, m.who)} ${stateWords[m.state]} ${itemLabel(file, m.item)}`);
  const more = missing.length > 5 ? ` (och ${missing.length - 5} till)` : "";
  return no(`Protokollet kan inte justeras ännu: ${lines.join("; ")}${more}.`, missing);
}
