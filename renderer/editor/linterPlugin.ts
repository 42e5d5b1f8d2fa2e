/**
 * The rules run from the editor itself, in the shape of CodeMirror's `linter(source, {delay})`: a
 * pure source `(state) => Problem[]` runs `delay` ms after the last change of the document, its
 * metadata or whatever `needsRefresh` names, and its results go into the problems plugin with
 * `setProblems` (outside the undo history). The panels and the status bar read them from there.
 *
 * - The first run of a new state (a document opened, restored or imported) checks every §: it
 *   waits until the document is on screen (the first task after the next frame), so a large
 *   protocol is readable sooner; a window that draws no frames (hidden) runs after a second.
 * - No run while the text is being composed (IME, dead keys) or within a moment of a key or input
 *   event: ProseMirror may still be reading that keystroke from the DOM, and a transaction
 *   dispatched in between can put its text in the wrong place. The run is put off instead.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type { Problem } from "../../schemas/rules/problem.js";
import { INPUT_QUIET, inputQuiet } from "./inputQuiet.js";
import { setProblems } from "./problemsPlugin.js";

export type LintSource = (state: EditorState) => Problem[];

export interface LinterConfig {
  /** Quiet time after the last change before the source runs (ms). */
  delay?: number;
  /** Changes other than the document's that call for a new run (e.g. the review record). */
  needsRefresh?: (tr: Transaction) => boolean;
}

/** Counts the changes that call for a run; the plugin's view runs the source `delay` ms after it moves. */
type LinterState = number;

export const linterKey = new PluginKey<LinterState>("linter");

/** A hidden window draws no frames: the first run does not wait longer than this for one. */
const FIRST_RUN_FALLBACK = 1000;

/** The run of each view's linter, for `forceLinting`. */
const runners = new WeakMap<EditorView, () => void>();

/**
 * Run the source now, without waiting for the delay (at start, or when something outside the state
 * that the source reads has changed); put off as usual while a keystroke is being read or composed.
 */
export function forceLinting(view: EditorView): void {
  runners.get(view)?.();
}

export function linter(source: LintSource, config: LinterConfig = {}): Plugin<LinterState> {
  const delay = config.delay ?? 250;
  return new Plugin<LinterState>({
    key: linterKey,
    state: {
      init: () => 0,
      apply: (tr, version) => (tr.docChanged || config.needsRefresh?.(tr) ? version + 1 : version),
    },
    view(view) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let firstRun = true;
      const input = inputQuiet(view);
      const run = () => {
        clearTimeout(timer);
        timer = undefined;
        if (view.isDestroyed) return;
        if (input.busy()) {
          schedule(INPUT_QUIET);
          return;
        }
        firstRun = false;
        try {
          const problems = source(view.state);
          view.dispatch(setProblems(view.state.tr, problems).setMeta("addToHistory", false));
        } catch (e) {
          console.error("Reglerna kunde inte köras:", e);
        }
      };
      const schedule = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(run, ms);
      };
      runners.set(view, run);
      schedule(FIRST_RUN_FALLBACK);
      const frame = requestAnimationFrame(() => {
        if (firstRun) schedule(0);
      });
      return {
        update(view, prev) {
          if (linterKey.getState(view.state) !== linterKey.getState(prev)) schedule(delay);
        },
        destroy() {
          clearTimeout(timer);
          cancelAnimationFrame(frame);
          if (runners.get(view) === run) runners.delete(view);
          input.destroy();
        },
      };
    },
  });
}
