/**
 * The application: one open document in an EditorView, the host it is read from and saved to,
 * and the panels around it. The document — text, metadata, review record, history, problems — is
 * the editor state alone (plugin state fields, see docs/architecture.md); the App keeps only what
 * is not the document: the view, the host, the file's path and revision, and the panels' listeners.
 * Everything that changes the state goes through `dispatch`, which marks it unsaved, schedules the
 * autosave (about a second after the last edit) and the panels' refresh.
 */
import type { Node } from "prosemirror-model";
import {
  Selection,
  TextSelection,
  type EditorState,
  type Plugin,
  type Transaction,
} from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import type { HostApi } from "../schemas/contract.js";
import { parse, serialize, type Kind, type ProtokollFile } from "../schemas/file.js";
import { newId } from "../schemas/ids.js";
import { statusLabel } from "../schemas/labels.js";
import type { Meta } from "../schemas/meta.js";
import { documentInfo, setMeta } from "./editor/documentPlugin.js";
import type { Shortcut } from "./editor/keymap.js";
import { nodeViews } from "./editor/nodeViews.js";
import type { LintSource } from "./editor/linterPlugin.js";
import { problemsKey } from "./editor/problemsPlugin.js";
import { changesReviewRecord, reviewRecordOf } from "./editor/reviewRecordPlugin.js";
import { createEditorState, reconfigureEditorState } from "./editor/setup.js";
import type { SpellClient } from "./editor/spellcheck/spellClient.js";
import { spellChecked } from "./editor/spellcheck/spellPlugin.js";
import { answerTitleText } from "../schemas/titleText.js";

export type ChangeKind = "doc" | "meta" | "review" | "selection" | "load" | "problems" | "saved";
type Listener = (kinds: Set<ChangeKind>) => void;

export class App {
  readonly view: EditorView;
  path: string | null = null;
  /** The revision (SHA-256 of the bytes) of `path` this text is based on; saves send it (issue 13). */
  baseRevision: string | null = null;
  dirty = false;
  readOnly = false;
  /** Recovery key of this editing session (one per opened document). */
  recoveryKey = newId("r");
  /** Set by justering (review mode) later: the editor refuses edits while false. */
  editable = true;
  private listeners: Listener[] = [];
  private pending = new Set<ChangeKind>();
  private frame = 0;
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  appShortcuts: Shortcut[] = [];
  /** Plugins added by the app's parts (App.addPlugin), kept in every state. */
  private readonly extraPlugins: Plugin[] = [];
  /** The spell-check (renderer/editor/spellcheck), once started; null: off. */
  spell: SpellClient | null = null;
  /** The rules the editor runs after a pause in typing (editor/linterPlugin.ts); null: none. */
  readonly lint: LintSource | null;

  constructor(
    readonly host: HostApi,
    mount: HTMLElement,
    initial: ProtokollFile,
    options: { lint?: LintSource | null } = {},
  ) {
    this.lint = options.lint ?? null;
    this.view = new EditorView(mount, {
      state: this.stateFor(initial),
      nodeViews,
      editable: () => this.editable && !this.readOnly,
      dispatchTransaction: (tr) => this.dispatch(tr),
      attributes: () => ({
        "aria-label": "Dokument",
        "aria-multiline": "true",
        role: "textbox",
        spellcheck: this.spell ? "false" : "true",
        lang: "sv",
      }),
    });
  }

  get state(): EditorState {
    return this.view.state;
  }
  get meta(): Meta {
    return documentInfo(this.view.state).meta;
  }
  get kind(): Kind {
    return documentInfo(this.view.state).kind;
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Tell the panels (once per animation frame, so a burst of keystrokes costs one refresh). */
  notify(kind: ChangeKind): void {
    this.pending.add(kind);
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const kinds = new Set(this.pending);
      this.pending.clear();
      for (const l of this.listeners) l(kinds);
    });
  }

  /** Flush pending panel updates now (tests and commands that read panels right away). */
  flush(): void {
    if (!this.frame) return;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const kinds = new Set(this.pending);
    this.pending.clear();
    for (const l of this.listeners) l(kinds);
  }

  dispatch(tr: Transaction): void {
    const before = this.view.state;
    const state = before.apply(tr);
    this.view.updateState(state);
    const metaChanged = documentInfo(before).meta !== documentInfo(state).meta;
    const reviewChanged = changesReviewRecord(tr);
    if (tr.docChanged || metaChanged || reviewChanged) {
      this.setDirty(true);
      this.scheduleAutosave();
      if (tr.docChanged) this.notify("doc");
      if (metaChanged) this.notify("meta");
      if (reviewChanged) this.notify("review");
    }
    if (tr.getMeta(problemsKey) !== undefined) this.notify("problems");
    if (!before.selection.eq(state.selection)) this.notify("selection");
  }

  updateMeta(change: (meta: Meta) => Meta): void {
    const next = change(this.meta);
    if (next === this.meta) return;
    this.dispatch(setMeta(this.view.state, next));
  }

  /** Replace the open document (new, opened, imported, restored). */
  load(
    file: ProtokollFile,
    path: string | null,
    options: {
      dirty?: boolean;
      readOnly?: boolean;
      recoveryKey?: string;
      baseRevision?: string | null;
    } = {},
  ): void {
    // The revision of the file the text is based on: given on open/restore, kept while the path stays.
    if (options.baseRevision !== undefined) this.baseRevision = options.baseRevision;
    else if (path !== this.path) this.baseRevision = null;
    this.view.updateState(this.stateFor(file));
    this.path = path;
    this.readOnly = options.readOnly ?? false;
    this.recoveryKey = options.recoveryKey ?? newId("r");
    this.view.setProps({ editable: () => this.editable && !this.readOnly });
    this.setDirty(options.dirty ?? false);
    this.notify("load");
    this.flush();
  }

  /** The keys of the whole app go into the editor's keymap; the state is rebuilt to pick them up. */
  setAppShortcuts(shortcuts: Shortcut[]): void {
    this.appShortcuts = shortcuts;
    this.reconfigure();
  }

  /** Has the spell-check caught up with the document (always true while it is off)? */
  get spellChecked(): boolean {
    return spellChecked(this.view.state);
  }

  /**
   * Turn the spell-check on (with its client) or off. The browser's own spell-check is off while
   * ours is on: it would need dictionaries downloaded from outside, and would mark the same words twice.
   */
  setSpellCheck(spell: SpellClient | null): void {
    this.spell = spell;
    this.reconfigure();
  }

  /**
   * Add a plugin beside the editor's own (the justering session's guard and marks). It is part of
   * every state from now on: of the documents opened later, and after a change of the spell-check
   * or the shortcuts.
   */
  addPlugin(plugin: Plugin): void {
    if (this.extraPlugins.includes(plugin)) return;
    this.extraPlugins.push(plugin);
    this.reconfigure();
  }

  /** The editor state of a file with the app's shortcuts, spell-check, rules and added plugins. */
  private stateFor(file: ProtokollFile): EditorState {
    return createEditorState(file, this.appShortcuts, this.editorOptions());
  }

  /** The open document with the app's current plugins; its text, undo history and problems stay. */
  private reconfigure(): void {
    this.view.updateState(
      reconfigureEditorState(
        this.state,
        this.currentFile(),
        this.appShortcuts,
        this.editorOptions(),
      ),
    );
  }

  private editorOptions() {
    return { spell: this.spell, lint: this.lint, extra: this.extraPlugins };
  }

  setEditable(editable: boolean): void {
    this.editable = editable;
    this.view.setProps({ editable: () => this.editable && !this.readOnly });
    this.notify("meta");
  }

  currentFile(): ProtokollFile {
    return { kind: this.kind, meta: this.meta, doc: this.state.doc, ...reviewRecordOf(this.state) };
  }

  serialize(): string {
    return serialize(this.currentFile());
  }

  /** Parse a file's text; the errors with their paths when it is not a well-formed document. */
  static parseText(
    text: string,
  ): { ok: true; file: ProtokollFile } | { ok: false; errors: string[] } {
    const r = parse(text);
    if (r.ok) return r;
    return {
      ok: false,
      errors: r.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)),
    };
  }

  title(): string {
    const meta = this.meta;
    if (this.kind === "interpellationssvar") return answerTitleText(this.state.doc);
    // A kallelse and the protocol of the same meeting must not suggest the same file name.
    if (this.kind === "kallelse")
      return ["Kallelse", meta.body.name, meta.meeting.date].filter(Boolean).join(" ");
    return [meta.body.name, meta.meeting.date].filter(Boolean).join(" ") || "Protokoll";
  }

  statusText(): string {
    return statusLabel[this.meta.status];
  }

  private lastState = "";

  /** Mark the document saved or unsaved; the host hears of it only when something it shows changed. */
  setDirty(dirty: boolean): void {
    this.dirty = dirty;
    const title = this.title();
    const shown = JSON.stringify([title, dirty, this.path, this.meta.status]);
    if (shown === this.lastState) return;
    this.lastState = shown;
    document.title = `${dirty ? "● " : ""}${title} – ${this.statusText()} – Protokoll`;
    void this.host.setDocumentState({ title, dirty, path: this.path });
    this.notify("saved");
  }

  private scheduleAutosave(): void {
    clearTimeout(this.autosaveTimer);
    this.autosaveTimer = setTimeout(() => void this.autosaveNow(), 1000);
  }

  async autosaveNow(): Promise<void> {
    clearTimeout(this.autosaveTimer);
    if (!this.dirty) return;
    const r = await this.host.autosave({
      key: this.recoveryKey,
      path: this.path,
      text: this.serialize(),
      baseRevision: this.baseRevision,
    });
    if (!r.ok) console.warn("Autosparning misslyckades:", r.error);
  }

  cancelAutosave(): void {
    clearTimeout(this.autosaveTimer);
  }

  focus(): void {
    this.view.focus();
  }

  /** Put the cursor at `pos` (start of a text there), scroll to it and focus the text. */
  goTo(pos: number, end = false): void {
    const doc = this.state.doc;
    const clamped = Math.max(0, Math.min(pos, doc.content.size));
    const $pos = doc.resolve(clamped);
    let sel: Selection;
    if (end && $pos.parent.inlineContent) sel = TextSelection.create(doc, $pos.end());
    else sel = Selection.findFrom($pos, 1, true) ?? Selection.near($pos);
    this.view.dispatch(this.state.tr.setSelection(sel).scrollIntoView());
    this.view.focus();
    const dom = this.view.domAtPos(sel.from).node;
    (dom instanceof HTMLElement ? dom : dom.parentElement)?.scrollIntoView({ block: "center" });
  }

  /** The agenda_item around the cursor, if any. */
  currentItem(): { node: Node; pos: number } | null {
    const $from = this.state.selection.$from;
    if ($from.depth >= 1 && $from.node(1).type.name === "agenda_item")
      return { node: $from.node(1), pos: $from.before(1) };
    const node = this.state.doc.nodeAt(this.state.selection.from);
    if (node?.type.name === "agenda_item") return { node, pos: this.state.selection.from };
    return null;
  }
}
