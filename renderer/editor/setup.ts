/** The editor's state for a document: the schema, and every plugin in the order they take keys. */
import { dropCursor } from "prosemirror-dropcursor";
import { gapCursor } from "prosemirror-gapcursor";
import { history } from "prosemirror-history";
import { EditorState, type Plugin } from "prosemirror-state";
import { search } from "prosemirror-search";
import { columnResizing, tableEditing } from "prosemirror-tables";
import type { ProtokollFile } from "../../schemas/file.js";
import { schema } from "../../schemas/schema.js";
import { attendanceMovePlugin } from "./attendanceMovePlugin.js";
import { currentItemPlugin } from "./currentItemPlugin.js";
import { derivedPlugin } from "./derivedPlugin.js";
import { documentPlugin } from "./documentPlugin.js";
import { generatedClickPlugin } from "./generatedClick.js";
import { buildInputRules } from "./inputRules.js";
import { buildKeymaps, type Shortcut } from "./keymap.js";
import { openingItemsPlugin } from "./openingItemsPlugin.js";
import { problemsPlugin } from "./problemsPlugin.js";
import { linter, type LintSource } from "./linterPlugin.js";
import {
  changesReviewRecord,
  emptyReviewRecord,
  reviewRecordPlugin,
} from "./reviewRecordPlugin.js";
import { quickInsertPlugin } from "./quickInsert.js";
import { recipientPastePlugin } from "./recipientList.js";
import { wordPastePlugin } from "./wordPastePlugin.js";
import type { SpellClient } from "./spellcheck/spellClient.js";
import { spellPlugin } from "./spellcheck/spellPlugin.js";

interface EditorOptions {
  /** The spell-check (its worker); none: no spelling errors are shown. */
  spell?: SpellClient | null;
  /** The rules, run after a pause in typing (linterPlugin.ts); none: no problems are computed. */
  lint?: LintSource | null;
  /** Plugins added beside the editor's own (the justering session's), last in the order. */
  extra?: readonly Plugin[];
}

type EditorFile = Pick<ProtokollFile, "kind" | "meta" | "doc"> &
  Partial<Pick<ProtokollFile, "review" | "history">>;

/** Quiet time after the last change before the rules run again (ms). */
export const LINT_DELAY = 250;

/** `file.review`/`file.history`: the review record (empty when not given: a new document). */
export function createEditorState(
  file: EditorFile,
  appShortcuts: Shortcut[] = [],
  options: EditorOptions = {},
): EditorState {
  return EditorState.create({
    schema,
    doc: file.doc,
    plugins: editorPlugins(file, appShortcuts, options),
  });
}

/**
 * The same document with other shortcuts, spell-check or plugins: the text, the selection, the undo
 * history, the problems and the review record stay (a plugin's state is kept when its key is in
 * both), so turning the spell-check on or off loses neither undo nor the Problem panel.
 */
export function reconfigureEditorState(
  state: EditorState,
  file: EditorFile,
  appShortcuts: Shortcut[] = [],
  options: EditorOptions = {},
): EditorState {
  return state.reconfigure({ plugins: editorPlugins(file, appShortcuts, options) });
}

/** Every plugin of the editor, in the order they take keys. */
function editorPlugins(
  file: EditorFile,
  appShortcuts: Shortcut[],
  options: EditorOptions,
): Plugin[] {
  return [
    documentPlugin({ kind: file.kind, meta: file.meta }),
    reviewRecordPlugin({
      review: file.review ?? emptyReviewRecord().review,
      history: file.history ?? emptyReviewRecord().history,
    }),
    openingItemsPlugin(),
    quickInsertPlugin(), // before the keymaps: it takes ↑/↓/Enter while its popup is open
    // Tables: drag a column border to resize; cell selections, arrow keys between cells, pasting cells.
    columnResizing(),
    tableEditing(),
    derivedPlugin(),
    generatedClickPlugin(),
    currentItemPlugin(),
    problemsPlugin(),
    ...(options.lint
      ? [linter(options.lint, { delay: LINT_DELAY, needsRefresh: changesReviewRecord })]
      : []),
    attendanceMovePlugin(),
    wordPastePlugin(),
    recipientPastePlugin(),
    buildInputRules(schema),
    ...buildKeymaps(schema, appShortcuts),
    history({ newGroupDelay: 700 }),
    dropCursor(),
    gapCursor(),
    search(),
    ...(options.spell ? [spellPlugin(options.spell)] : []),
    ...(options.extra ?? []),
  ];
}
