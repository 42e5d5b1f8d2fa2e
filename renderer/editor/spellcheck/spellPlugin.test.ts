/**
 * What the spell-check plugin does with a keystroke's transaction (its state only: the passes that
 * read and ask the worker run in the page, e2e/spellTyping.test.ts): flagged words an edit changed
 * lose their underline at once, a space after one does not; the word held back at the caret is read
 * again when the caret leaves it; the edited ranges of a transaction of several steps are where
 * its steps changed the document.
 */
import type { Node } from "prosemirror-model";
import { TextSelection, type EditorState } from "prosemirror-state";
import { Decoration } from "prosemirror-view";
import { describe, expect, it } from "vitest";
import { decision, item, protocol } from "../../../schemas/build.js";
import { createFile } from "../../../schemas/file.js";
import { createEditorState } from "../setup.js";
import type { SpellClient } from "./spellClient.js";
import { spellChecked, spellKey } from "./spellPlugin.js";

/** The plugin's state transitions never call the client (only the page's passes do). */
const noClient = {} as SpellClient;

function start(): EditorState {
  const doc = protocol(
    item({ id: "a", title: "Första" }, decision("Nämnden beslutadt att xyzqwk gäller.")),
  );
  return createEditorState(
    createFile("protokoll", { body: { name: "Nämnden" }, persons: [], attendance: [] }, doc),
    [],
    { spell: noClient },
  );
}

/** Position just after the first occurrence of `text`. */
function after(doc: Node, text: string): number {
  let at = -1;
  doc.descendants((n, pos) => {
    if (at < 0 && n.isText && n.text!.includes(text))
      at = pos + n.text!.indexOf(text) + text.length;
  });
  if (at < 0) throw new Error(text);
  return at;
}

/** A pass's result, as the page dispatches it: the whole document read, `words` flagged. */
function checked(state: EditorState, words: string[], held?: [number, number] | null): EditorState {
  const found = words.map((w) =>
    Decoration.inline(
      after(state.doc, w) - w.length,
      after(state.doc, w),
      { class: "spelling-error" },
      { word: w },
    ),
  );
  const size = state.doc.content.size;
  return state.apply(
    state.tr.setMeta(spellKey, {
      checked: [[0, size]],
      found,
      upTo: size + 1,
      ...(held !== undefined ? { held } : {}),
    }),
  );
}

const flagged = (state: EditorState) =>
  spellKey
    .getState(state)!
    .decorations.find()
    .map((d) => state.doc.textBetween(d.from, d.to));

describe("the spell-check plugin on a keystroke", () => {
  it("takes the underline from a flagged word when a letter is typed at its end, and keeps it for a space", () => {
    let state = checked(start(), ["beslutadt", "xyzqwk"]);
    expect(flagged(state)).toEqual(["beslutadt", "xyzqwk"]);
    expect(spellChecked(state)).toBe(true);
    state = state.apply(state.tr.insertText(" ", after(state.doc, "xyzqwk")));
    expect(flagged(state)).toEqual(["beslutadt", "xyzqwk"]);
    state = state.apply(state.tr.insertText("e", after(state.doc, "beslutadt")));
    expect(flagged(state)).toEqual(["xyzqwk"]);
    // The edited paragraph waits for the next pass.
    expect(spellChecked(state)).toBe(false);
  });

  it("reads the word held back at the caret again when the caret leaves it", () => {
    let state = start();
    const end = after(state.doc, "beslutadt");
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
    state = checked(state, ["xyzqwk"], [end - "beslutadt".length, end]);
    expect(spellChecked(state)).toBe(true);
    // Typing on at the end of the word keeps it held (it grows with the letters).
    state = state.apply(state.tr.insertText("e"));
    expect(spellKey.getState(state)!.held).toEqual([end - "beslutadt".length, end + 1]);
    state = checked(state, ["xyzqwk"], [end - "beslutadt".length, end + 1]);
    expect(spellChecked(state)).toBe(true);
    // The caret leaves it: the word is to be read again, nothing is held.
    state = state.apply(
      state.tr.setSelection(TextSelection.create(state.doc, after(state.doc, "gäller"))),
    );
    expect(spellKey.getState(state)!.held).toBeNull();
    expect(spellKey.getState(state)!.dirty).toEqual([[end - "beslutadt".length, end + 1]]);
  });

  it("marks as edited exactly where the steps of one transaction changed the document", () => {
    let state = checked(start(), []);
    const first = after(state.doc, "Nämnden");
    const second = after(state.doc, "gäller");
    // Two insertions in one transaction, the later place first: the second step moves the first's range.
    const tr = state.tr.insertText("YYY", second);
    tr.insertText("XX", tr.mapping.map(first));
    state = state.apply(tr);
    const dirty = spellKey.getState(state)!.dirty;
    expect(dirty.map(([a, b]) => state.doc.textBetween(a, b))).toEqual(["XX", "YYY"]);
  });
});
