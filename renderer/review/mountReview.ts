/**
 * The justering in the editor, mounted once at start: the review session (identity, read-only
 * enforcement, rättelse), the Justering panel, the marks in the outline, and the commands the menus
 * (the toolbar's and the Electron application menu's "review.*") run.
 */
import type { App } from "../app.js";
import { mountOutlineMarks } from "./outlineMarks.js";
import { mountReviewPanel } from "./reviewPanel.js";
import { ReviewSession } from "./reviewSession.js";

/** The menu commands of the justering (also in the contract's menuCommands, schemas/contract.ts). */
export type ReviewCommand =
  | "review.panel"
  | "review.sendForReview"
  | "review.comment"
  | "review.approve"
  | "review.requestChanges"
  | "review.changes"
  | "review.adjust"
  | "review.correction"
  | "review.saveCopy"
  | "review.mergeCopy"
  | "review.saveWordCopy"
  | "review.mergeWordCopy";

/** Label and command for the toolbar's Granska menu, in order. */
export const reviewMenuItems: [string, ReviewCommand][] = [
  ["Justering (panel)", "review.panel"],
  ["Skicka för justering…", "review.sendForReview"],
  ["Kommentera…", "review.comment"],
  ["Godkänn §", "review.approve"],
  ["Begär ändring i §…", "review.requestChanges"],
  ["Visa ändringar sedan jag läste", "review.changes"],
  ["Justera protokollet…", "review.adjust"],
  ["Rättelse…", "review.correction"],
  ["Spara granskningskopia…", "review.saveCopy"],
  ["Hämta granskning…", "review.mergeCopy"],
  ["Word-kopia för granskning…", "review.saveWordCopy"],
  ["Hämta granskning från Word…", "review.mergeWordCopy"],
];

export function mountReview(
  app: App,
  panel: HTMLElement,
  outline: HTMLElement,
  native: boolean,
): { session: ReviewSession; commands: Record<ReviewCommand, () => void | Promise<unknown>> } {
  const session = new ReviewSession(app);
  const actions = mountReviewPanel(app, panel, session, native);
  mountOutlineMarks(app, outline, session);
  const showPanel = () => {
    document.querySelector<HTMLElement>('[role=tab][data-tab="review"]')?.click();
    panel.querySelector<HTMLElement>("select, button")?.focus();
  };
  const commands: Record<ReviewCommand, () => void | Promise<unknown>> = {
    "review.panel": showPanel,
    "review.sendForReview": () => actions.sendForReview(),
    "review.comment": () => actions.focusComment(),
    "review.approve": () => actions.approveCurrent(),
    "review.requestChanges": () => actions.requestChangesCurrent(),
    "review.changes": () => {
      showPanel();
      actions.showChanges();
    },
    "review.adjust": () => actions.adjust(),
    "review.correction": () => actions.correction(),
    "review.saveCopy": () => actions.saveCopy(),
    "review.mergeCopy": () => actions.mergeCopy(),
    "review.saveWordCopy": () => actions.saveWordCopy(),
    "review.mergeWordCopy": () => actions.mergeWordCopy(),
  };
  // Exposed for the end-to-end tests (read-only use).
  (window as unknown as { protokollReview: ReviewSession }).protokollReview = session;
  return { session, commands };
}
