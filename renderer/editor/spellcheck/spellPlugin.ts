/**
 * Spelling errors as decorations: a small plugin that keeps a `DecorationSet` of misspelled words
 * and the ranges edited since they were last checked. Nothing is checked while the secretary types:
 * 300 ms after the last edit (and never while a key is being read) the words of the edited
 * paragraphs are looked up in the client's verdicts, the unknown ones go to the worker in one
 * message, and the paragraphs' decorations are replaced in one transaction outside the history.
 * Names of the meeting's persons, its body and place, and the workspace's words are never flagged.
 *
 * While a key is typed the plugin only maps what it has through the transaction (O(the edit)):
 * - the word the caret is in (or at the end of) is not flagged while the caret stays there — it is
 *   being written, and "besl" is not a misspelling of "beslutat" — and is read again when the caret
 *   leaves it;
 * - a flagged word whose letters an edit changed loses its underline at once (it is read again at
 *   the next pause), so the keys that follow type into plain text and ProseMirror never redraws the
 *   underlined word under the caret on every key.
 */
import type { Node } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import type { Meta } from "../../../schemas/meta.js";
import { documentInfo } from "../documentPlugin.js";
import { INPUT_QUIET, inputQuiet } from "../inputQuiet.js";
import type { SpellClient } from "./spellClient.js";
import { isKnown, meetingWords, shouldCheck, spellTokens } from "./words.js";

interface SpellState {
  decorations: DecorationSet;
  /** Ranges (in the current document) edited since they were checked. */
  dirty: [number, number][];
  /** A misspelled word left unflagged because the caret is in it; read again when the caret leaves. */
  held: [number, number] | null;
}

/**
 * `checked`: the textblocks in these ranges were read, `found` their misspellings; everything edited
 * before `upTo` is now checked (the rest waits for the next slice).
 */
type SpellMeta =
  /** `held`: the word held back at the caret, null: none (the caret's paragraph was read), absent: the caret's paragraph was not read. */
  | {
      checked: [number, number][];
      found: Decoration[];
      upTo: number;
      held?: [number, number] | null;
    }
  | { remove: string }
  | { recheck: true };

/** A slice of reading on the editor's thread: never a long task, so a key is never kept waiting. */
const SLICE_MS = 6;

export const spellKey = new PluginKey<SpellState>("spellcheck");
/** What a spelling decoration knows of its word. */
interface SpellSpec {
  word: string;
}

/** Paragraphs whose text is not prose: a Dnr is a registry number. */
const SKIP = new Set(["dnr"]);

/** Merge overlapping ranges, so a burst of typing in one paragraph stays one range. */
function merge(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The ranges an edit changed, in the transaction's final document (a typed key: one empty or one-character range). */
function changedRanges(tr: Transaction): [number, number][] {
  const out: [number, number][] = [];
  tr.mapping.maps.forEach((map, i) => {
    const rest = tr.mapping.slice(i + 1);
    map.forEach((_oa, _ob, from, to) => out.push([rest.map(from, -1), rest.map(to, 1)]));
  });
  return out;
}

/** The edited ranges after a transaction: the earlier ones mapped into its document, and what it changed. */
function mapDirty(
  dirty: [number, number][],
  tr: Transaction,
  changed: [number, number][],
): [number, number][] {
  return merge([
    ...dirty.map(([a, b]) => [tr.mapping.map(a, -1), tr.mapping.map(b, 1)] as [number, number]),
    ...changed,
  ]);
}

const LETTER = /[\p{L}\p{M}]/u;

/**
 * Flagged words an edit touched whose word is no longer the one flagged (letters typed into it or
 * at either end, or taken from it): they are being written, and are read again at the next pause.
 * A space or a period typed after a flagged word leaves it flagged.
 */
function editedWords(
  decorations: DecorationSet,
  tr: Transaction,
  changed: [number, number][],
): Decoration[] {
  const doc = tr.doc;
  const out: Decoration[] = [];
  for (const [from, to] of changed)
    for (const d of decorations.find(Math.max(0, from - 1), Math.min(doc.content.size, to + 1))) {
      const text = doc.textBetween(d.from, d.to, "\n", "\ufffc");
      const before = d.from > 0 ? doc.textBetween(d.from - 1, d.from, "\n", "\ufffc") : "";
      const after = d.to < doc.content.size ? doc.textBetween(d.to, d.to + 1, "\n", "\ufffc") : "";
      if (text !== (d.spec as SpellSpec).word || LETTER.test(before) || LETTER.test(after))
        out.push(d);
    }
  return out;
}

/** Is the caret (an empty selection) in the range or at either end of it? */
const caretIn = (state: EditorState, [from, to]: [number, number]) =>
  state.selection.empty && state.selection.head >= from && state.selection.head <= to;

/** Did the words a meeting makes right change (persons, body, place)? Then every paragraph is checked again. */
const namesChanged = (a: Meta, b: Meta) =>
  a !== b &&
  (a.persons !== b.persons || a.body.name !== b.body.name || a.meeting.place !== b.meeting.place);

export function spellPlugin(client: SpellClient): Plugin<SpellState> {
  let meta: Meta | null = null;
  let known: Set<string> = new Set();
  const knownFor = (state: EditorState) => {
    const m = documentInfo(state).meta;
    if (m !== meta) {
      meta = m;
      known = meetingWords(m);
    }
    return known;
  };
  return new Plugin<SpellState>({
    key: spellKey,
    state: {
      init: (_c, state) => ({
        decorations: DecorationSet.empty,
        dirty: [[0, state.doc.content.size]],
        held: null,
      }),
      apply(tr, value, old, state) {
        const m = tr.getMeta(spellKey) as SpellMeta | undefined;
        let { decorations, dirty, held } = value;
        if (tr.docChanged) {
          const changed = changedRanges(tr);
          decorations = decorations.map(tr.mapping, tr.doc);
          const edited = editedWords(decorations, tr, changed);
          if (edited.length) decorations = decorations.remove(edited);
          dirty = mapDirty(dirty, tr, changed);
          if (held) held = [tr.mapping.map(held[0], -1), tr.mapping.map(held[1], 1)];
        }
        if (m && "checked" in m) {
          const stale = m.checked.flatMap(([a, b]) => decorations.find(a, b));
          decorations = decorations.remove(stale).add(state.doc, m.found);
          dirty = dirty
            .filter(([, b]) => b > m.upTo)
            .map(([a, b]) => [Math.max(a, m.upTo), b] as [number, number]);
          if (m.held !== undefined) held = m.held;
        } else if (m && "remove" in m)
          decorations = decorations.remove(
            decorations.find(undefined, undefined, (s: SpellSpec) => s.word === m.remove),
          );
        else if (m && "recheck" in m) dirty = [[0, state.doc.content.size]];
        if (namesChanged(documentInfo(old).meta, documentInfo(state).meta))
          dirty = [[0, state.doc.content.size]];
        // The caret left the word held back: it is read again (and flagged if it is still wrong).
        if (held && !caretIn(state, held)) {
          dirty = merge([...dirty, held]);
          held = null;
        }
        return decorations === value.decorations && dirty === value.dirty && held === value.held
          ? value
          : { decorations, dirty, held };
      },
    },
    view(view) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let destroyed = false;
      let progress: { doc: Node; upTo: number } | null = null;
      const input = inputQuiet(view);
      const schedule = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => void pass(view), ms);
      };
      const pass = async (v: EditorView) => {
        if (destroyed) return;
        // Never while ProseMirror may still be reading a keystroke from the page.
        if (input.busy()) return schedule(INPUT_QUIET);
        const state = v.state;
        const own = spellKey.getState(state)!;
        // Slices that changed nothing are not dispatched: their progress is kept here, for this
        // very document (an edit in between makes the pass start again from the state's ranges).
        if (progress && progress.doc !== state.doc) progress = null;
        const dirty = progress
          ? own.dirty
              .filter(([, b]) => b > progress!.upTo)
              .map(([a, b]) => [Math.max(a, progress!.upTo), b] as [number, number])
          : own.dirty;
        if (!dirty.length) return;
        const words = knownFor(state);
        // Walk the edited ranges in order and stop when the slice's time is up: a slice costs what it
        // reads, not the size of what is left.
        const blocks: { node: Node; pos: number }[] = [];
        const seen = new Set<number>();
        const unknown = new Set<string>();
        const found: Decoration[] = [];
        // The word being written (the caret in it or at its end) is held back, not flagged.
        const caret = state.selection.empty ? state.selection.head : -1;
        let held: [number, number] | null | undefined;
        const started = performance.now();
        let stopped = false;
        const size = state.doc.content.size;
        for (const [from, to] of dirty) {
          if (stopped) break;
          const a = Math.max(0, Math.min(from, size));
          const b = Math.max(a, Math.min(to, size));
          state.doc.nodesBetween(a, b, (node, pos) => {
            if (stopped) return false;
            if (!node.isTextblock) return true;
            if (SKIP.has(node.type.name) || seen.has(pos)) return false;
            seen.add(pos);
            blocks.push({ node, pos });
            const text = node.textBetween(0, node.content.size, "\n", "\ufffc");
            const hasCaret = caret > pos && caret <= pos + 1 + node.content.size;
            if (hasCaret) held = null;
            for (const t of spellTokens(text)) {
              if (
                !shouldCheck(t.word) ||
                isKnown(t.word, words) ||
                isKnown(t.word, client.accepted)
              )
                continue;
              const verdict = client.verdict(t.word);
              const from = pos + 1 + t.from;
              const to = pos + 1 + t.to;
              if (verdict === undefined) unknown.add(t.word);
              else if (verdict) continue;
              else if (hasCaret && caret >= from && caret <= to) held = [from, to];
              else
                found.push(
                  Decoration.inline(from, to, { class: "spelling-error" }, {
                    word: t.word,
                  } satisfies SpellSpec),
                );
            }
            if (performance.now() - started > SLICE_MS) stopped = true;
            return false;
          });
        }
        if (unknown.size) {
          try {
            await client.ready;
            await client.check(unknown);
          } catch {
            return; // no dictionary: nothing is flagged (the app says so once)
          }
          // Read the slice again as the document is now (it may have changed while the worker read).
          if ([...unknown].some((w) => client.verdict(w) === undefined)) return;
          return schedule(0);
        }
        const checked = merge(
          blocks.map(({ node, pos }) => [pos, pos + node.nodeSize] as [number, number]),
        );
        const last = blocks[blocks.length - 1];
        const upTo = !stopped ? size + 1 : last ? last.pos + last.node.nodeSize : 0;
        const stale = checked.some(([a, b]) => own.decorations.find(a, b).length > 0);
        const heldChanged =
          held !== undefined && (held?.[0] !== own.held?.[0] || held?.[1] !== own.held?.[1]);
        if (stopped && !found.length && !stale && !heldChanged) {
          progress = { doc: state.doc, upTo };
          return schedule(0);
        }
        progress = null;
        v.dispatch(
          v.state.tr
            .setMeta(spellKey, {
              checked,
              found,
              upTo,
              ...(held !== undefined ? { held } : {}),
            } satisfies SpellMeta)
            .setMeta("addToHistory", false),
        );
        if (stopped) schedule(0);
      };
      // The first look at a newly opened document waits like an edit, so it never delays its first frame.
      schedule(300);
      return {
        update(v, prev) {
          if (
            v.state.doc !== prev.doc ||
            spellKey.getState(v.state)!.dirty !== spellKey.getState(prev)!.dirty
          )
            if (spellKey.getState(v.state)!.dirty.length) schedule(300);
        },
        destroy() {
          destroyed = true;
          clearTimeout(timer);
          input.destroy();
        },
      };
    },
    props: {
      decorations: (state) => spellKey.getState(state)?.decorations,
    },
  });
}

/** Has the spell-check looked at every edit (false while words are waiting for it)? */
export function spellChecked(state: EditorState): boolean {
  const s = spellKey.getState(state);
  return !s || s.dirty.length === 0;
}

/** The misspelled word at `pos`, if any: its range and the word. */
export function misspellingAt(
  state: EditorState,
  pos: number,
): { from: number; to: number; word: string } | null {
  const found = spellKey.getState(state)?.decorations.find(pos, pos);
  const d = found?.[0];
  return d ? { from: d.from, to: d.to, word: (d.spec as SpellSpec).word } : null;
}

/** Stop flagging a word everywhere (it was added to the word list or ignored). */
export function forgetMisspelling(word: string): (tr: Transaction) => Transaction {
  return (tr) =>
    tr.setMeta(spellKey, { remove: word } satisfies SpellMeta).setMeta("addToHistory", false);
}
