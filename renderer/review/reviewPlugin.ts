/**
 * The justering plugin of the editor: it refuses edits the protocol's state does not allow and
 * draws the review's marks in the text.
 *
 * - `filterTransaction` refuses every change of the document or its metadata once the protocol is
 *   justerad (except during a rättelse, and except recording when the notice went up, which the
 *   seal does not cover), while a justerare reviews (comments only), and to a § justerad at the
 *   meeting. `editable: false` on the view stops typing; the filter also stops commands, paste,
 *   drag and undo that do not come from the keyboard.
 * - Decorations: comment anchors highlighted, §§ changed since the reader last looked outlined,
 *   each rättelse as a visible note under its §, and the seal above the text once justerad.
 *
 * The review record and history are read from the editor state (editor/reviewRecordPlugin.ts), so
 * the marks are redrawn with the transaction that changes them; what only the session knows (who is
 * at the keyboard, a rättelse in progress, the selected comment) comes from `ReviewContext`, and a
 * change of it is redrawn with a `REDRAW` transaction.
 */
import type { Node } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { ProtokollFile } from "../../schemas/file.js";
import type { HistoryEntry, Meta } from "../../schemas/meta.js";
import {
  commentRange,
  correctionNotes,
  findItem,
  immediateAdjustments,
  itemHash,
  sealForm,
  type CorrectionNote,
} from "../../schemas/review/index.js";
import { SetMetaStep } from "../editor/metaStep.js";
import { changesReviewRecord, reviewRecordOf } from "../editor/reviewRecordPlugin.js";
import { itemNumbers } from "../../schemas/numbering.js";

type History = ProtokollFile["history"];

/** What the plugin needs to know of the review session (not of the document), read at each transaction and redraw. */
export interface ReviewContext {
  /** A rättelse is being made: the justerad text may change until it is recorded or cancelled. */
  correcting(): boolean;
  /** The chair or a justerare is reviewing: the text is read-only, comments only. */
  reviewing(): boolean;
  /** §§ of this state to outline as changed since the reader last looked (empty when that view is off). */
  changedItems(state: EditorState): ReadonlySet<string>;
  /** Whether the changed §§ are outlined ("Visa ändringar"): then every edit may change which. */
  showsChanges(): boolean;
  /** The comment the panel has selected (highlighted more strongly). */
  activeComment(): string | null;
  /** Called with the Swedish reason when an edit was refused. */
  refused(reason: string): void;
}

export const reviewKey = new PluginKey("review");

/** Meta of the transaction that redraws the review's decorations (after a change outside the editor). */
export const REDRAW = "review-redraw";

/**
 * Whether two metadata differ only in the day the notice was posted. Only a seal of the old form
 * (1) leaves that day out; a seal of form 2 covers it, and the day is recorded with "Registrera
 * anslaget…" in the panel, which renews and signs the seal.
 */
function onlyNoticePosted(before: Meta, after: Meta): boolean {
  if (sealForm(before.seal) === 2) return false;
  const strip = (m: Meta) => JSON.stringify({ ...m, notice: { ...m.notice, posted: null } });
  return strip(before) === strip(after);
}

/** Why this transaction may not be applied to `state`, or null when it may. */
export function refusalOf(
  tr: Transaction,
  state: EditorState,
  metaOf: (state: EditorState) => Meta,
  ctx: ReviewContext,
): string | null {
  if (!tr.docChanged) return null;
  const meta = metaOf(state);
  const history = reviewRecordOf(state).history;
  if (meta.status === "adjusted" && !ctx.correcting()) {
    const metaOnly = tr.steps.every(
      (s) => s instanceof SetMetaStep && onlyNoticePosted(s.before, s.after),
    );
    if (!metaOnly)
      return tr.steps.every(
        (st) =>
          st instanceof SetMetaStep &&
          JSON.stringify({ ...st.before, notice: st.after.notice }) === JSON.stringify(st.after),
      )
        ? "Anslagsdagen registreras med ”Registrera anslaget…” i panelen Justering, så att den omfattas av det signerade sigillet."
        : "Protokollet är justerat och kan inte ändras. Rättelser görs med ”Rättelse…” i panelen Justering.";
    return null;
  }
  if (ctx.reviewing() && !ctx.correcting())
    return "Du granskar som justerare: texten är skrivskyddad. Skriv en kommentar i panelen Justering i stället.";
  const adjusted = immediateAdjustments({ history });
  const renumbered = renumberedLockedItem(tr, meta, adjusted);
  if (renumbered) return renumbered;
  for (const entry of adjusted) {
    const node = entry.item ? findItem(tr.doc, entry.item) : null;
    if (!node || itemHash(node) !== entry.seal?.sha256)
      return "Paragrafen är omedelbart justerad och kan inte ändras.";
  }
  return null;
}

/**
 * A § justerad at the meeting keeps its number: its extract has gone out with that number, and
 * the § is cited by it. Moving it, or inserting or deleting a § before it (or changing the first
 * § number), would renumber it, so such a change is refused with the reason.
 */
function renumberedLockedItem(
  tr: Transaction,
  meta: Meta,
  adjusted: readonly HistoryEntry[],
): string | null {
  const locked = adjusted.flatMap((e) => (e.item ? [e.item] : []));
  if (!locked.length) return null;
  const metaSteps = tr.steps.filter((s): s is SetMetaStep => s instanceof SetMetaStep);
  // Typing changes one § in place: nothing can be renumbered (one pass of identity comparisons).
  if (!metaSteps.length && tr.before.childCount === tr.doc.childCount) {
    let changed = 0;
    for (let i = 0; i < tr.doc.childCount && changed < 2; i++)
      if (tr.before.child(i) !== tr.doc.child(i)) changed++;
    if (changed < 2) return null;
  }
  const metaAfter = metaSteps.length ? metaSteps[metaSteps.length - 1]!.after : meta;
  const before = itemNumbers(tr.before, meta);
  const after = itemNumbers(tr.doc, metaAfter);
  for (const id of locked) {
    const was = before.get(id);
    const now = after.get(id);
    if (was === undefined || now === undefined || was === now) continue;
    const last = Math.max(...locked.map((l) => before.get(l) ?? -Infinity));
    return `§ ${was} är omedelbart justerad och behåller sitt nummer och sin plats. Flytta den inte, och infoga eller ta inte bort §§ före den – nya §§ läggs efter § ${last}.`;
  }
  return null;
}

function sealWidget(meta: Meta): HTMLElement {
  const el = document.createElement("div");
  el.className = "review-seal";
  el.setAttribute("contenteditable", "false");
  el.setAttribute("role", "note");
  const seal = meta.seal;
  el.textContent = seal
    ? `Justerat ${seal.at.replace("T", " ")} – sigill (SHA-256) ${seal.sha256}`
    : "Justerat – sigill saknas";
  return el;
}

function noteWidget(note: CorrectionNote): HTMLElement {
  const el = document.createElement("div");
  el.className = "correction-note";
  el.setAttribute("contenteditable", "false");
  el.setAttribute("role", "note");
  el.textContent = note.text;
  return el;
}

function buildDecorations(state: EditorState, meta: Meta, ctx: ReviewContext): DecorationSet {
  const doc = state.doc;
  const decos: Decoration[] = [];
  const active = ctx.activeComment();
  const { review, history } = reviewRecordOf(state);
  for (const comment of review.comments) {
    if (comment.resolved) continue;
    const range = commentRange(doc, comment);
    if (range && range.from < range.to)
      decos.push(
        Decoration.inline(range.from, range.to, {
          class: `review-anchor${comment.id === active ? " active" : ""}`,
          "data-comment": comment.id,
        }),
      );
  }
  const changed = ctx.changedItems(state);
  // Rättelser to show as notes under their § (or above the text when not on one §).
  const notes: CorrectionNote[] = correctionNotes({ history, doc, meta });
  doc.forEach((node, offset) => {
    if (node.type.name !== "agenda_item") return;
    const id = node.attrs.id as string;
    if (changed.has(id))
      decos.push(Decoration.node(offset, offset + node.nodeSize, { class: "review-changed" }));
    for (const note of notes.filter((n) => n.item === id))
      decos.push(
        Decoration.widget(offset + node.nodeSize - 1, () => noteWidget(note), {
          side: 1,
          key: `note-${note.entry.at}-${id}`,
          ignoreSelection: true,
        }),
      );
  });
  if (meta.status === "adjusted") {
    const general = notes.filter((n) => !n.item || !findItem(doc, n.item));
    decos.push(
      Decoration.widget(0, () => sealWidget(meta), {
        side: -1,
        key: `seal-${meta.seal?.sha256 ?? "none"}`,
        ignoreSelection: true,
      }),
    );
    for (const note of general)
      decos.push(
        Decoration.widget(0, () => noteWidget(note), {
          side: -1,
          key: `note-${note.entry.at}`,
          ignoreSelection: true,
        }),
      );
  }
  return DecorationSet.create(doc, decos);
}

/** Whether the range from…to lies in (or reaches into) a § justerad at the meeting. */
export function touchesLockedItem(doc: Node, from: number, to: number, history: History): boolean {
  const locked = new Set(immediateAdjustments({ history }).map((e) => e.item));
  if (!locked.size) return false;
  let hit = false;
  doc.forEach((node, offset) => {
    if (
      !hit &&
      locked.has(node.attrs.id as string) &&
      from <= offset + node.nodeSize &&
      to >= offset
    )
      hit = true;
  });
  return hit;
}

export function reviewPlugin(
  ctx: ReviewContext,
  metaOf: (state: EditorState) => Meta,
): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: reviewKey,
    state: {
      init: (_config, state) => buildDecorations(state, metaOf(state), ctx),
      apply(tr, old, _before, after) {
        if (tr.getMeta(REDRAW) || changesReviewRecord(tr))
          return buildDecorations(after, metaOf(after), ctx);
        if (!tr.docChanged) return old;
        // Typing moves the seal and the rättelse notes with the text; only a comment's anchor (found
        // by its quoted words) and the outlined changed §§ depend on the words themselves.
        if (!ctx.showsChanges() && !reviewRecordOf(after).review.comments.some((c) => !c.resolved))
          return old.map(tr.mapping, tr.doc);
        return buildDecorations(after, metaOf(after), ctx);
      },
    },
    filterTransaction(tr, state) {
      const reason = refusalOf(tr, state, metaOf, ctx);
      if (reason) ctx.refused(reason);
      return reason === null;
    },
    props: {
      decorations(state) {
        return reviewKey.getState(state) as DecorationSet | undefined;
      },
      handleDOMEvents: {
        // Typing in a § justerad at the meeting is stopped before the browser changes the page:
        // a refused transaction after the browser inserted the text would leave the caret lost.
        beforeinput(view, event) {
          // Where the browser is about to change the text (its target range; the editor's own
          // selection can lag a click by an event).
          let { from, to } = view.state.selection;
          const range = (event as InputEvent).getTargetRanges?.()[0];
          if (range) {
            try {
              from = view.posAtDOM(range.startContainer, range.startOffset);
              to = view.posAtDOM(range.endContainer, range.endOffset);
            } catch {
              // outside the document's text: keep the editor's selection
            }
          }
          if (
            !touchesLockedItem(
              view.state.doc,
              Math.min(from, to),
              Math.max(from, to),
              reviewRecordOf(view.state).history,
            )
          )
            return false;
          event.preventDefault();
          ctx.refused("Paragrafen är omedelbart justerad och kan inte ändras.");
          return true;
        },
      },
      handleTextInput(view, from, to) {
        return touchesLockedItem(view.state.doc, from, to, reviewRecordOf(view.state).history);
      },
    },
  });
}
