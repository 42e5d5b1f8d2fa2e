/**
 * Quick insert of the template's standard phrases — the secretary's most frequent action. Typing
 * "//" (or Ctrl+Space) opens a popup; the letters typed after it filter the phrases by key and
 * label; ↑/↓ choose, Enter or Tab inserts (replacing "//" and the letters), Escape closes.
 */
import { Plugin, PluginKey, Selection, type Command, type EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { templateFor, templates, type Phrase } from "../../templates/index.js";
import { documentInfo } from "./documentPlugin.js";
import { insertTable } from "./tableCommands.js";
import { attachmentQuickEntries } from "./attachmentCommands.js";

/** A phrase, or an entry that runs a command in place of the typed "//…" (`//tabell`). */
type Entry = Phrase & { command?: Command };

/** Entries that insert structure rather than text. */
const commandEntries = (state: EditorState): Entry[] => [
  {
    key: "tabell",
    label: "Tabell",
    text: "3 × 3 med rubrikrad (Ctrl+Alt+G)",
    command: insertTable(state.schema),
  },
  // Bilagor (issue 17): "//bilaga" lists a reference to each bilaga of the document.
  ...attachmentQuickEntries(
    state.doc,
    documentInfo(state).meta,
    state.schema.nodes.attachment_ref!,
  ),
];

interface QuickState {
  active: boolean;
  /** Where "//" (or the Ctrl+Space insertion point) starts. */
  from: number;
  /** Length of the trigger text ("//" = 2, Ctrl+Space = 0). */
  prefix: number;
  index: number;
}

const inactive: QuickState = { active: false, from: 0, prefix: 0, index: 0 };
export const quickInsertKey = new PluginKey<QuickState>("quickInsert");

type QuickMeta = { open: number; prefix: number } | { close: true } | { index: number };

/** The phrases for this document: its template's, else all protocol or answer phrases. */
export function phrasesFor(state: EditorState): Entry[] {
  const { kind, meta } = documentInfo(state);
  const own = templateFor(meta.template);
  if (own) return [...own.phrases, ...commandEntries(state)];
  const seen = new Set<string>();
  return Object.values(templates)
    .filter((t) => t.kind === kind)
    .flatMap((t) => t.phrases)
    .filter((p) => (seen.has(p.text) ? false : (seen.add(p.text), true)))
    .concat(commandEntries(state));
}

export function quickQuery(state: EditorState): string {
  const q = quickInsertKey.getState(state);
  if (!q?.active) return "";
  return state.doc.textBetween(q.from + q.prefix, state.selection.from, "\n", " ");
}

/** Phrases matching what was typed: key prefix first, then key or label containing it. */
export function filterPhrases<P extends Phrase>(phrases: P[], query: string): P[] {
  const q = query.trim().toLowerCase();
  if (!q) return phrases;
  const starts = phrases.filter((p) => p.key.toLowerCase().startsWith(q));
  const contains = phrases.filter(
    (p) =>
      !starts.includes(p) &&
      (p.key.toLowerCase().includes(q) ||
        p.label.toLowerCase().includes(q) ||
        p.text.toLowerCase().includes(q)),
  );
  return [...starts, ...contains];
}

export function openQuickInsert(view: EditorView): boolean {
  const { $from, empty, from } = view.state.selection;
  if (!empty || !$from.parent.inlineContent) return false;
  view.dispatch(
    view.state.tr.setMeta(quickInsertKey, { open: from, prefix: 0 } satisfies QuickMeta),
  );
  return true;
}

function choose(view: EditorView, phrase: Entry): void {
  const q = quickInsertKey.getState(view.state)!;
  if (phrase.command) {
    // One step: the typed "//…" goes, and the command runs on what is left.
    const tr = view.state.tr
      .delete(q.from, view.state.selection.from)
      .setMeta(quickInsertKey, { close: true } satisfies QuickMeta);
    phrase.command(view.state.apply(tr), (inner) => {
      for (const step of inner.steps) tr.step(step);
      tr.setSelection(Selection.fromJSON(tr.doc, inner.selection.toJSON()));
    });
    view.dispatch(tr.scrollIntoView());
    return;
  }
  const tr = view.state.tr.insertText(phrase.text, q.from, view.state.selection.from);
  tr.setMeta(quickInsertKey, { close: true } satisfies QuickMeta);
  view.dispatch(tr.scrollIntoView());
}

class Popup {
  private el: HTMLElement;
  private items: Entry[] = [];
  constructor(private view: EditorView) {
    this.el = document.createElement("div");
    this.el.className = "quick-insert";
    this.el.id = "quick-insert";
    this.el.setAttribute("role", "listbox");
    this.el.setAttribute("aria-label", "Standardfraser");
    this.el.hidden = true;
    document.body.appendChild(this.el);
    this.el.addEventListener("mousedown", (e) => {
      const li = (e.target as HTMLElement).closest<HTMLElement>("[data-index]");
      if (!li) return;
      e.preventDefault();
      const phrase = this.items[Number(li.dataset.index)];
      if (phrase) choose(this.view, phrase);
    });
  }
  update(view: EditorView) {
    this.view = view;
    const q = quickInsertKey.getState(view.state);
    if (!q?.active) {
      // Called on every keystroke: touch the page only when the popup was open.
      if (!this.el.hidden) this.el.hidden = true;
      if (view.dom.hasAttribute("aria-activedescendant"))
        view.dom.removeAttribute("aria-activedescendant");
      return;
    }
    this.items = filterPhrases(phrasesFor(view.state), quickQuery(view.state));
    const index = Math.min(q.index, Math.max(0, this.items.length - 1));
    this.el.replaceChildren(
      ...(this.items.length
        ? this.items.map((p, i) => {
            const li = document.createElement("div");
            li.setAttribute("role", "option");
            li.id = `quick-insert-${i}`;
            li.dataset.index = String(i);
            li.setAttribute("aria-selected", String(i === index));
            const key = Object.assign(document.createElement("kbd"), { textContent: p.key });
            const label = Object.assign(document.createElement("span"), {
              className: "label",
              textContent: p.label,
            });
            const text = Object.assign(document.createElement("span"), {
              className: "text",
              textContent: p.text,
            });
            li.append(key, label, text);
            return li;
          })
        : [
            Object.assign(document.createElement("div"), {
              className: "empty",
              textContent: "Ingen standardfras matchar",
            }),
          ]),
    );
    view.dom.setAttribute("aria-activedescendant", `quick-insert-${index}`);
    const coords = view.coordsAtPos(view.state.selection.from);
    this.el.style.left = `${Math.round(coords.left)}px`;
    this.el.style.top = `${Math.round(coords.bottom + 4)}px`;
    this.el.hidden = false;
    this.el.querySelector("[aria-selected=true]")?.scrollIntoView({ block: "nearest" });
  }
  destroy() {
    this.el.remove();
  }
  selected(view: EditorView): Entry | undefined {
    const q = quickInsertKey.getState(view.state)!;
    const items = filterPhrases(phrasesFor(view.state), quickQuery(view.state));
    return items[Math.min(q.index, items.length - 1)];
  }
  count(view: EditorView): number {
    return filterPhrases(phrasesFor(view.state), quickQuery(view.state)).length;
  }
}

export function quickInsertPlugin(): Plugin<QuickState> {
  let popup: Popup | null = null;
  return new Plugin<QuickState>({
    key: quickInsertKey,
    state: {
      init: () => inactive,
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(quickInsertKey) as QuickMeta | undefined;
        if (meta && "close" in meta) return inactive;
        if (meta && "open" in meta)
          return { active: true, from: meta.open, prefix: meta.prefix, index: 0 };
        if (!value.active) return value;
        const from = tr.mapping.map(value.from, -1);
        const sel = state.selection;
        // Close when the cursor leaves the typed letters or they grow into a sentence.
        if (
          !sel.empty ||
          sel.from < from + value.prefix ||
          sel.$from.parent !== state.doc.resolve(from).parent
        )
          return inactive;
        const typed = state.doc.textBetween(from + value.prefix, sel.from, "\n", " ");
        if (typed.length > 40 || typed.includes("\n")) return inactive;
        if (value.prefix === 2 && state.doc.textBetween(from, from + 2) !== "//") return inactive;
        const index = meta && "index" in meta ? meta.index : tr.docChanged ? 0 : value.index;
        return { ...value, from, index };
      },
    },
    view(view) {
      popup = new Popup(view);
      return { update: (v) => popup?.update(v), destroy: () => popup?.destroy() };
    },
    props: {
      handleTextInput(view, from, to, text) {
        if (text !== "/" || from < 1) return false;
        const $from = view.state.doc.resolve(from);
        if (!$from.parent.inlineContent || view.state.doc.textBetween(from - 1, from) !== "/")
          return false;
        const tr = view.state.tr.insertText(text, from, to);
        tr.setMeta(quickInsertKey, { open: from - 1, prefix: 2 } satisfies QuickMeta);
        view.dispatch(tr);
        return true;
      },
      handleKeyDown(view, event) {
        const q = quickInsertKey.getState(view.state);
        if (!q?.active || !popup) return false;
        const n = popup.count(view);
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          const index = n ? (q.index + (event.key === "ArrowDown" ? 1 : n - 1)) % n : 0;
          view.dispatch(view.state.tr.setMeta(quickInsertKey, { index } satisfies QuickMeta));
          return true;
        }
        if (event.key === "Enter" || event.key === "Tab") {
          const phrase = popup.selected(view);
          if (!phrase) return false;
          choose(view, phrase);
          return true;
        }
        if (event.key === "Escape") {
          view.dispatch(view.state.tr.setMeta(quickInsertKey, { close: true } satisfies QuickMeta));
          return true;
        }
        return false;
      },
      attributes: (state): Record<string, string> =>
        quickInsertKey.getState(state)?.active
          ? { "aria-controls": "quick-insert", "aria-expanded": "true" }
          : {},
    },
  });
}
