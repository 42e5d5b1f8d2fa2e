/**
 * Everything the review panel shows, in one call: status, who must approve, per § the approvals,
 * open comments and what changed since the reader last looked, whether justering is possible,
 * the deadlines and, once justerad, whether the seal holds.
 */
import type { ProtokollFile } from "../file.js";
import { statusLabel } from "../labels.js";
import type { Status } from "../meta.js";
import { numberedItems } from "../numbering.js";
import { immediateAdjustments } from "./adjust.js";
import { canAdjust, itemApprovals, type ApprovalState, type CanAdjust } from "./approvals.js";
import { changesSince, type Changes, type ItemChange } from "./changesSince.js";
import { correctionNotes, type CorrectionNote } from "./correctionNotes.js";
import { deadlineStatus, type DeadlineStatus } from "./deadlineStatus.js";
import { editAllowed } from "./reviewStatus.js";
import { personName, signatories } from "./reviewResult.js";
import { verifySeal, type VerifyResult } from "./seal.js";
import { itemTitleText } from "../titleText.js";

export interface ItemOverview {
  item: string;
  number: number;
  title: string;
  /** Marked for omedelbar justering / already justerad at the meeting. */
  immediate: boolean;
  immediatelyAdjusted: boolean;
  approvals: { who: string; name: string; state: ApprovalState; note: string | null }[];
  openComments: number;
  /** What changed since `reader` last looked (null without a reader). */
  change: ItemChange["change"] | null;
}

export interface ReviewOverview {
  status: Status;
  /** "Utkast", "För justering", "Justerad". */
  statusLabel: string;
  editable: boolean;
  signatories: { id: string; name: string; role: "ordförande" | "justerare" }[];
  items: ItemOverview[];
  /** Open comments on the protocol as a whole (not on a §). */
  openGeneralComments: number;
  canAdjust: CanAdjust;
  deadlines: DeadlineStatus | null;
  seal: VerifyResult | null;
  corrections: CorrectionNote[];
  /** What changed since the reader last looked (with the word diffs), when a reader is given. */
  changes: Changes | null;
}

export function reviewOverview(
  file: ProtokollFile,
  options: { reader?: string; today?: string } = {},
): ReviewOverview {
  const { meta } = file;
  const approvals = itemApprovals(file);
  const changes = options.reader ? changesSince(file, options.reader) : null;
  const immediate = new Set(immediateAdjustments(file).map((e) => e.item));
  const open = file.review.comments.filter((c) => !c.resolved);
  return {
    status: meta.status,
    statusLabel: statusLabel[meta.status],
    editable: editAllowed(file),
    signatories: signatories(meta).map((id) => ({
      id,
      name: personName(meta, id),
      role: id === meta.chair ? "ordförande" : "justerare",
    })),
    items: numberedItems(file.doc, meta).map((i) => ({
      item: i.id,
      number: i.number,
      title: itemTitleText(i.node),
      immediate: i.node.attrs.immediate === true,
      immediatelyAdjusted: immediate.has(i.id),
      approvals: approvals
        .filter((a) => a.item === i.id)
        .map((a) => ({
          who: a.who,
          name: personName(meta, a.who),
          state: a.state,
          note: a.approval?.note ?? null,
        })),
      openComments: open.filter((c) => c.item === i.id).length,
      change: changes?.items.find((c) => c.item === i.id)?.change ?? null,
    })),
    openGeneralComments: open.filter((c) => c.item === null).length,
    canAdjust: canAdjust(file),
    deadlines: options.today ? deadlineStatus(meta, options.today) : null,
    seal: meta.status === "adjusted" ? verifySeal(file) : null,
    corrections: correctionNotes(file),
    changes,
  };
}
