/**
 * The justering as the editor runs it: who is at the keyboard (the secretary, the chair or a
 * justerare), the rättelse in progress, and every review action applied to the open document.
 * The rules themselves are the pure functions of schemas/review; this only carries their results
 * into the App:
 *
 * - review data only (comments, approvals, "last seen", merged copies) → a transaction that sets
 *   the editor state's review record (editor/reviewRecordPlugin.ts), marked unsaved and saved at once;
 * - a new status, seal or rättelse → the document is reloaded from the result, so the undo history
 *   starts afresh (a justering or a rättelse cannot be undone by Ctrl+Z).
 */
import type { App } from "../app.js";
import type { ProtokollFile } from "../../schemas/file.js";
import {
  addComment,
  adjust,
  anchorFromSelection,
  approveItem,
  changesSince,
  immediateAdjust,
  markSeen,
  mergeReview,
  personName,
  recordCorrection,
  recordNotice,
  reply,
  requestChanges,
  resolveComment,
  returnToDraft,
  sendForReview,
  signatories,
  type Changes,
  type MergeReport,
  type ReviewResult,
} from "../../schemas/review/index.js";
import type { EditorState } from "prosemirror-state";
import { documentInfo, metaOf } from "../editor/documentPlugin.js";
import { reviewRecordOf, setReviewRecord } from "../editor/reviewRecordPlugin.js";
import { toast } from "../ui/dialogs.js";
import { REDRAW, reviewPlugin } from "./reviewPlugin.js";
import { localIsoDateTime } from "../../schemas/dates.js";
import { parse, serialize } from "../../schemas/file.js";
import type { Signer } from "./sealSigning.js";

/** The identity of the secretary in the "Jag är" choice (not a person id: ids have no "@"). */
export const SECRETARY = "@sekreterare";

export interface Correcting {
  what: string;
  why: string;
  by: string;
  /** The justerad document as it was when the rättelse began (restored on cancel). */
  base: ProtokollFile;
  baseDirty: boolean;
}

export type Outcome = { ok: true } | { ok: false; error: string };
/** A step that made a new seal: signed with the key of this fingerprint. */
export type SignedOutcome =
  { ok: true; fingerprint: string; holder: string } | { ok: false; error: string };

/** Local time as the review functions take it: "2026-11-23T14:05". */
export const nowIso = localIsoDateTime;

export class ReviewSession {
  identity = SECRETARY;
  correction: Correcting | null = null;
  /** Outline the §§ changed since the reader last looked. */
  showChanges = false;
  activeComment: string | null = null;
  private listeners: (() => void)[] = [];
  private reloading = false;
  private lastRefusal = 0;
  private readonly plugin;

  constructor(readonly app: App) {
    this.plugin = reviewPlugin(
      {
        correcting: () => this.correction !== null,
        reviewing: () => this.isSignatory(),
        changedItems: (state) => this.changedItems(state),
        showsChanges: () => this.showChanges,
        activeComment: () => this.activeComment,
        refused: (reason) => {
          if (Date.now() - this.lastRefusal < 3000) return;
          this.lastRefusal = Date.now();
          toast(reason, "info");
        },
      },
      metaOf,
    );
    // Part of every editor state from now on (each document opened, each spell-check change).
    app.addPlugin(this.plugin);
    app.onChange((kinds) => {
      if (kinds.has("load")) {
        // Another document was opened: a rättelse begun in the previous one ends unrecorded.
        if (!this.reloading) this.correction = null;
        if (!this.signatoryIds().includes(this.identity)) this.identity = SECRETARY;
        this.updateEditable();
      }
    });
    this.updateEditable();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    this.updateEditable();
    this.redraw();
    for (const l of this.listeners) l();
  }

  /** Redraw the review's decorations (comments, changes, notes) after a change outside the text. */
  redraw(): void {
    this.app.dispatch(this.app.state.tr.setMeta(REDRAW, true).setMeta("addToHistory", false));
  }

  signatoryIds(): string[] {
    return signatories(this.app.meta);
  }

  isSignatory(): boolean {
    return this.identity !== SECRETARY && this.signatoryIds().includes(this.identity);
  }

  /** Display name of the one at the keyboard. */
  name(): string {
    const meta = this.app.meta;
    if (this.identity === SECRETARY)
      return meta.secretary ? personName(meta, meta.secretary) : "Sekreteraren";
    return personName(meta, this.identity);
  }

  /** Key of `review.lastSeen` for the one at the keyboard. */
  reader(): string {
    if (this.identity !== SECRETARY) return this.identity;
    return this.app.meta.secretary ?? "sekreterare";
  }

  setIdentity(identity: string): void {
    this.identity =
      identity === SECRETARY || this.signatoryIds().includes(identity) ? identity : SECRETARY;
    this.changed();
  }

  /** The text may be edited now: not justerad (unless in a rättelse), not while a justerare reviews. */
  textEditable(): boolean {
    if (this.correction) return true;
    if (this.app.meta.status === "adjusted") return false;
    return !this.isSignatory();
  }

  private updateEditable(): void {
    const editable = this.textEditable();
    if (this.app.editable !== editable) this.app.setEditable(editable);
  }

  file(): ProtokollFile {
    return this.app.currentFile();
  }

  /** What changed since the reader last looked: in the open document, or in `state` (a state being made). */
  changes(state?: EditorState): Changes {
    const file = state
      ? {
          kind: documentInfo(state).kind,
          meta: metaOf(state),
          doc: state.doc,
          ...reviewRecordOf(state),
        }
      : this.file();
    return changesSince(file, this.reader());
  }

  changedItems(state?: EditorState): ReadonlySet<string> {
    if (!this.showChanges) return new Set();
    return new Set(
      this.changes(state)
        .items.filter((c) => c.change === "changed" || c.change === "added")
        .map((c) => c.item),
    );
  }

  /** Keep a result that changed only the review part (comments, approvals, last seen). */
  private keepReview(r: ReviewResult): Outcome {
    if (!r.ok) return r;
    this.app.dispatch(setReviewRecord(this.app.state.tr, { review: r.file.review }));
    void this.app.autosaveNow();
    this.changed();
    return { ok: true };
  }

  /** Keep a result that changed the status, the seal or the text: the document is reloaded from it. */
  private keepFile(r: ReviewResult): Outcome {
    if (!r.ok) return r;
    this.reloading = true;
    try {
      this.app.load(r.file, this.app.path, {
        dirty: true,
        readOnly: this.app.readOnly,
        recoveryKey: this.app.recoveryKey,
      });
    } finally {
      this.reloading = false;
    }
    void this.app.autosaveNow();
    this.changed();
    return { ok: true };
  }

  sendForReview(): Outcome {
    return this.keepFile(sendForReview(this.file(), this.name(), nowIso()));
  }

  returnToDraft(why: string): Outcome {
    return this.keepFile(returnToDraft(this.file(), this.name(), nowIso(), why));
  }

  approve(item: string): Outcome {
    if (!this.isSignatory())
      return {
        ok: false,
        error: "Välj under ”Jag är” vem av ordföranden och justerarna du är för att godkänna.",
      };
    return this.keepReview(approveItem(this.file(), item, this.identity, nowIso()));
  }

  requestChanges(item: string, note: string): Outcome {
    if (!this.isSignatory())
      return {
        ok: false,
        error:
          "Välj under ”Jag är” vem av ordföranden och justerarna du är för att begära ändring.",
      };
    return this.keepReview(requestChanges(this.file(), item, this.identity, nowIso(), note));
  }

  /**
   * What a new comment will be about: the selected text (inside one §), else the § with the
   * cursor, else the whole protocol.
   */
  commentTarget(): {
    item: string | null;
    anchor: { from: number; to: number } | null;
    quote: string | null;
  } {
    const state = this.app.state;
    const { from, to } = state.selection;
    const anchored = anchorFromSelection(state.doc, from, to);
    if (anchored)
      return {
        item: anchored.item,
        anchor: anchored.anchor,
        quote: state.doc.textBetween(from, to, " "),
      };
    const current = this.app.currentItem();
    return { item: current ? (current.node.attrs.id as string) : null, anchor: null, quote: null };
  }

  comment(text: string): Outcome & { id?: string } {
    const target = this.commentTarget();
    const r = addComment(this.file(), {
      item: target.item,
      anchor: target.anchor,
      author: this.name(),
      text,
      at: nowIso(),
    });
    if (!r.ok) return r;
    this.activeComment = r.id;
    return { ...this.keepReview(r), id: r.id };
  }

  reply(id: string, text: string): Outcome {
    return this.keepReview(reply(this.file(), id, { author: this.name(), text, at: nowIso() }));
  }

  resolve(id: string, resolved: boolean): Outcome {
    return this.keepReview(resolveComment(this.file(), id, resolved));
  }

  markSeen(): Outcome {
    return this.keepReview(markSeen(this.file(), this.reader(), nowIso()));
  }

  toggleChanges(on: boolean): void {
    this.showChanges = on;
    this.changed();
  }

  selectComment(id: string | null): void {
    this.activeComment = id;
    this.changed();
  }

  /** Omedelbar justering of a § marked for it, at the meeting: the chair and every justerare justerar it. */
  adjustItemNow(item: string, at = nowIso()): Outcome {
    return this.keepFile(immediateAdjust(this.file(), item, this.signatoryIds(), at));
  }

  /**
   * Justera and have the host sign the seal; nothing is kept unless the signature is made.
   * `override`: why it is justerad despite rule errors (recorded in the history, under the seal).
   */
  async adjust(sign: Signer, at = nowIso(), override?: string): Promise<SignedOutcome> {
    return this.keepSigned(adjust(this.file(), this.signatoryIds(), at, override), sign);
  }

  /** Record the day the anslag went up: a history entry with a renewed seal, signed by the host. */
  async recordNotice(posted: string, sign: Signer, at = nowIso()): Promise<SignedOutcome> {
    return this.keepSigned(recordNotice(this.file(), posted, this.name(), at), sign);
  }

  /** Keep a result with a new seal once the host has signed it (the document is reloaded from the signed text). */
  private async keepSigned(r: ReviewResult, sign: Signer): Promise<SignedOutcome> {
    if (!r.ok) return r;
    const signed = await sign(serialize(r.file));
    if (!signed.ok) return { ok: false, error: `Sigillet kunde inte signeras: ${signed.error}` };
    const back = parse(signed.text);
    if (!back.ok) return { ok: false, error: "Det signerade dokumentet kunde inte läsas." };
    const kept = this.keepFile({ ok: true, file: back.file });
    return kept.ok ? { ok: true, fingerprint: signed.fingerprint, holder: signed.holder } : kept;
  }

  /** Begin a rättelse: the justerad text is unlocked until the rättelse is recorded or cancelled. */
  startCorrection(c: { what: string; why: string; by: string }): Outcome {
    if (this.app.meta.status !== "adjusted")
      return {
        ok: false,
        error: "Rättelse görs bara i ett justerat protokoll – ändra utkastet direkt i stället.",
      };
    if (!c.what.trim()) return { ok: false, error: "Skriv vad som rättas." };
    if (!c.why.trim()) return { ok: false, error: "Skriv varför rättelsen görs." };
    if (!c.by.trim()) return { ok: false, error: "Ange vem som gör rättelsen." };
    this.correction = {
      what: c.what.trim(),
      why: c.why.trim(),
      by: c.by.trim(),
      base: this.file(),
      baseDirty: this.app.dirty,
    };
    this.changed();
    return { ok: true };
  }

  /** Record the rättelse with the text as it reads now; the seal is renewed and signed by the host. */
  async finishCorrection(sign: Signer): Promise<SignedOutcome> {
    const c = this.correction;
    if (!c) return { ok: false, error: "Ingen rättelse pågår." };
    const now = this.file();
    const metaChanged = JSON.stringify(now.meta) !== JSON.stringify(c.base.meta);
    const r = recordCorrection(c.base, {
      newDoc: now.doc.eq(c.base.doc) ? undefined : now.doc,
      newMeta: metaChanged ? now.meta : undefined,
      what: c.what,
      why: c.why,
      by: c.by,
      at: nowIso(),
    });
    if (!r.ok) return r;
    const kept = await this.keepSigned(r, sign);
    if (kept.ok) {
      this.correction = null;
      this.changed();
    }
    return kept;
  }

  /** Give up the rättelse: the justerad text comes back as it was. */
  cancelCorrection(): void {
    const c = this.correction;
    if (!c) return;
    this.correction = null;
    this.reloading = true;
    try {
      this.app.load(c.base, this.app.path, {
        dirty: c.baseDirty,
        readOnly: this.app.readOnly,
        recoveryKey: this.app.recoveryKey,
      });
    } finally {
      this.reloading = false;
    }
    this.changed();
  }

  /**
   * Keep the review part of a document merged elsewhere (the host merged a Word copy into the text
   * sent to it): the comments and approvals are taken, the text as it reads now stays.
   */
  takeReview(merged: ProtokollFile): Outcome {
    if (this.app.meta.status === "adjusted")
      return {
        ok: false,
        error: "Protokollet är redan justerat – granskningen kan inte föras in.",
      };
    return this.keepReview({ ok: true, file: { ...this.file(), review: merged.review } });
  }

  /** Bring a justerare's review copy (comments, approvals, last seen) into the open document. */
  merge(theirs: ProtokollFile): { ok: true; report: MergeReport } | { ok: false; error: string } {
    const r = mergeReview(this.file(), theirs);
    if (!r.ok) return r;
    const kept = this.keepReview(r);
    return kept.ok ? { ok: true, report: r.report } : kept;
  }
}
