/**
 * Spelling errors as decorations: a small plugin that keeps a `DecorationSet` of misspelled words
 * and the ranges edited since they were last checked. Nothing is checked while the secretary types:
 * 300 ms after the last edit (and never while a key is being read) the words of the edited
 * paragraphs are looked up in the client's verdicts, the unknown ones go to the worker in one
 * message, and the paragraphs' decorations are replaced in one transaction outside the history.
 * Names of the meeting's persons, its body and place, and the workspace's words are never flagged.
 */
import type { Node } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import type { Meta } from "../../../schemas/meta.js";
import { documentInfo } from "../documentPlugin.js";
import type { SpellClient } from "./spellClient.js";
import { isKnown, meetingWords, shouldCheck, spellTokens } from "./words.js";

interface SpellState {
  decorations: DecorationSet;
  /** Ranges (in the current document) edited since they were checked. */
  dirty: [number, number][];
}

/**
 * `checked`: the textblocks in these ranges were read, `found` their misspellings; everything edited
 * before `upTo` is now checked (the rest waits for the next slice).
 */
type SpellMeta = { checked: [number, number][]; found: Decoration[]; upTo: number } | { remove: string } | { recheck: true };

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

function mapDirty(dirty: [number, number][], tr: Transaction): [number, number][] {
  let ranges = dirty;
  tr.mapping.maps.forEach((map, i) => {
    ranges = ranges.map(([a, b]) => [map.map(a, -1), map.map(b, 1)] as [number, number]);
    map.forEach((_oa, _ob, from, to) => {
      // Later steps move this step's range too.
      const rest = tr.mapping.slice(i + 1);
      ranges.push([rest.map(from, -1), rest.map(to, 1)]);
    });
  });
  return merge(ranges);
}

/** Did the words a meeting makes right change (persons, body, place)? Then every paragraph is checked again. */
const namesChanged = (a: Meta, b: Meta) => a !== b && (a.persons !== b.persons || a.body.name !== b.body.name || a.meeting.place !== b.meeting.place);

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
      init: (_c, state) => ({ decorations: DecorationSet.empty, dirty: [[0, state.doc.content.size]] }),
      apply(tr, value, old, state) {
        const m = tr.getMeta(spellKey) as SpellMeta | undefined;
        let { decorations, dirty } = value;
        if (tr.docChanged) {
          decorations = decorations.map(tr.mapping, tr.doc);
          dirty = mapDirty(dirty, tr);
        }
        if (m && "checked" in m) {
          const stale = m.checked.flatMap(([a, b]) => decorations.find(a, b));
          decorations = decorations.remove(stale).add(state.doc, m.found);
          dirty = dirty.filter(([, b]) => b > m.upTo).map(([a, b]) => [Math.max(a, m.upTo), b] as [number, number]);
        } else if (m && "remove" in m) decorations = decorations.remove(decorations.find(undefined, undefined, (s: SpellSpec) => s.word === m.remove));
        else if (m && "recheck" in m) dirty = [[0, state.doc.content.size]];
        if (namesChanged(documentInfo(old).meta, documentInfo(state).meta)) dirty = [[0, state.doc.content.size]];
        return decorations === value.decorations && dirty === value.dirty ? value : { decorations, dirty };
      },
    },
    view(view) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let lastInput = 0;
      let destroyed = false;
      let progress: { doc: Node; upTo: number } | null = null;
      const onInput = () => (lastInput = performance.now());
      const events = ["keydown", "beforeinput", "compositionend"];
      for (const type of events) view.dom.addEventListener(type, onInput);
      const schedule = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => void pass(view), ms);
      };
      const pass = async (v: EditorView) => {
        if (destroyed) return;
        // Never while ProseMirror may still be reading a keystroke from the page.
        if (performance.now() - lastInput < 150 || v.composing) return schedule(150);
        const state = v.state;
        const own = spellKey.getState(state)!;
        // Slices that changed nothing are not dispatched: their progress is kept here, for this
        // very document (an edit in between makes the pass start again from the state's ranges).
        if (progress && progress.doc !== state.doc) progress = null;
        const dirty = progress ? own.dirty.filter(([, b]) => b > progress!.upTo).map(([a, b]) => [Math.max(a, progress!.upTo), b] as [number, number]) : own.dirty;
        if (!dirty.length) return;
        const words = knownFor(state);
        // Walk the edited ranges in order and stop when the slice's time is up: a slice costs what it
        // reads, not the size of what is left.
        const blocks: { node: Node; pos: number }[] = [];
        const seen = new Set<number>();
        const unknown = new Set<string>();
        const found: Decoration[] = [];
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
            for (const t of spellTokens(text)) {
              if (!shouldCheck(t.word) || isKnown(t.word, words) || isKnown(t.word, client.accepted)) continue;
              const verdict = client.verdict(t.word);
              if (verdict === undefined) unknown.add(t.word);
              else if (!verdict) found.push(Decoration.inline(pos + 1 + t.from, pos + 1 + t.to, { class: "spelling-error" }, { word: t.word } satisfies SpellSpec));
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
        const checked = merge(blocks.map(({ node, pos }) => [pos, pos + node.nodeSize] as [number, number]));
        const last = blocks[blocks.length - 1];
        const upTo = !stopped ? size + 1 : last ? last.pos + last.node.nodeSize : 0;
        const stale = checked.some(([a, b]) => own.decorations.find(a, b).length > 0);
        if (stopped && !found.length && !stale) {
          progress = { doc: state.doc, upTo };
          return schedule(0);
        }
        progress = null;
        v.dispatch(v.state.tr.setMeta(spellKey, { checked, found, upTo } satisfies SpellMeta).setMeta("addToHistory", false));
        if (stopped) schedule(0);
      };
      // The first look at a newly opened document waits like an edit, so it never delays its first frame.
      schedule(300);
      return {
        update(v, prev) {
          if (v.state.doc !== prev.doc || spellKey.getState(v.state)!.dirty !== spellKey.getState(prev)!.dirty)
            if (spellKey.getState(v.state)!.dirty.length) schedule(300);
        },
        destroy() {
          destroyed = true;
          clearTimeout(timer);
          for (const type of events) view.dom.removeEventListener(type, onInput);
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
export function misspellingAt(state: EditorState, pos: number): { from: number; to: number; word: string } | null {
  const found = spellKey.getState(state)?.decorations.find(pos, pos);
  const d = found?.[0];
  return d ? { from: d.from, to: d.to, word: (d.spec as SpellSpec).word } : null;
}

/** Stop flagging a word everywhere (it was added to the word list or ignored). */
export function forgetMisspelling(word: string): (tr: Transaction) => Transaction {
  return (tr) => tr.setMeta(spellKey, { remove: word } satisfies SpellMeta).setMeta("addToHistory", false);
}
