/**
 * The linter plugin's timing, with the plugin's own view driven the way ProseMirror's EditorView
 * drives it (apply the transaction, then `update(view, previous state)`). No DOM library is
 * installed, so the view is this small stand-in; the end-to-end tests run it in Chromium.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EditorState, PluginView, Transaction } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type { Problem } from "../../schemas/rules/problem.js";
import { sampleProtocol } from "../../schemas/review/sampleProtocol.testkit.js";
import { forceLinting, linterKey } from "./linterPlugin.js";
import { problemsOf } from "./problemsPlugin.js";
import { createEditorState } from "./setup.js";
import { setReviewRecord } from "./reviewRecordPlugin.js";
import { undoDepth } from "prosemirror-history";

interface Stand {
  view: {
    state: EditorState;
    dom: EventTarget;
    composing: boolean;
    isDestroyed: boolean;
    dispatch(tr: Transaction): void;
  };
  runs: EditorState[];
  plugin: PluginView;
}

/** A state with the linter (delay 250 ms) whose source counts its runs and reports one problem per run. */
function stand(): Stand {
  const runs: EditorState[] = [];
  const source = (state: EditorState): Problem[] => {
    runs.push(state);
    return [
      {
        rule: "test-rule",
        severity: "warning",
        message: `Körning ${runs.length}`,
        reference: null,
        item: null,
        from: 1,
        to: 2,
      } as unknown as Problem,
    ];
  };
  const state = createEditorState(sampleProtocol(), [], { lint: source });
  const linterPlugin = linterKey.get(state)!;
  const view: Stand["view"] = {
    state,
    dom: new EventTarget(),
    composing: false,
    isDestroyed: false,
    dispatch(tr) {
      const prev = this.state;
      this.state = prev.apply(tr);
      pluginView.update?.(view as unknown as EditorView, prev);
    },
  };
  const pluginView = linterPlugin.spec.view!(view as unknown as EditorView);
  return { view, runs, plugin: pluginView };
}

const typeText = (s: Stand, text: string) => s.view.dispatch(s.view.state.tr.insertText(text, 5));
const messages = (s: Stand) => problemsOf(s.view.state).map((p) => p.message);

describe("the linter plugin", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // A window that draws frames: the first run waits for the next one.
    vi.stubGlobal("requestAnimationFrame", (f: FrameRequestCallback) =>
      setTimeout(() => f(performance.now()), 16),
    );
    vi.stubGlobal("cancelAnimationFrame", (id: number) => clearTimeout(id));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("runs the source once the document is on screen, and puts its problems into the state", () => {
    const s = stand();
    expect(s.runs).toHaveLength(0);
    vi.advanceTimersByTime(20);
    expect(s.runs).toHaveLength(1);
    expect(messages(s)).toEqual(["Körning 1"]);
    vi.advanceTimersByTime(2000);
    expect(s.runs).toHaveLength(1);
    s.plugin.destroy?.();
  });

  it("runs again only after the document has been quiet for the delay, on the newest state, outside the undo history", () => {
    const s = stand();
    vi.advanceTimersByTime(20);
    typeText(s, "a");
    vi.advanceTimersByTime(200);
    typeText(s, "b");
    vi.advanceTimersByTime(200);
    expect(s.runs).toHaveLength(1);
    vi.advanceTimersByTime(60);
    expect(s.runs).toHaveLength(2);
    expect(s.runs[1]!.doc.eq(s.view.state.doc)).toBe(true);
    expect(messages(s)).toEqual(["Körning 2"]);
    // two keystrokes in one group; the problems' transaction added nothing to undo
    expect(undoDepth(s.view.state)).toBe(1);
    s.plugin.destroy?.();
  });

  it("waits while a word is being composed, and runs when the composition has ended", () => {
    const s = stand();
    vi.advanceTimersByTime(20);
    s.view.composing = true;
    typeText(s, "å");
    vi.advanceTimersByTime(1000);
    expect(s.runs).toHaveLength(1);
    s.view.composing = false;
    vi.advanceTimersByTime(150);
    expect(s.runs).toHaveLength(2);
    s.plugin.destroy?.();
  });

  it("puts a run off while a key press is being read", () => {
    const s = stand();
    vi.advanceTimersByTime(20);
    typeText(s, "a");
    vi.advanceTimersByTime(200);
    s.view.dom.dispatchEvent(new Event("keydown"));
    vi.advanceTimersByTime(60);
    expect(s.runs).toHaveLength(1);
    vi.advanceTimersByTime(150);
    expect(s.runs).toHaveLength(2);
    s.plugin.destroy?.();
  });

  it("runs again when the review record changes, and at once when forced", () => {
    const s = stand();
    vi.advanceTimersByTime(20);
    s.view.dispatch(setReviewRecord(s.view.state.tr, { history: [] }));
    vi.advanceTimersByTime(250);
    expect(s.runs).toHaveLength(2);
    forceLinting(s.view as unknown as EditorView);
    expect(s.runs).toHaveLength(3);
    s.plugin.destroy?.();
  });

  it("does nothing more once its view is gone", () => {
    const s = stand();
    s.plugin.destroy?.();
    vi.advanceTimersByTime(5000);
    expect(s.runs).toHaveLength(0);
    forceLinting(s.view as unknown as EditorView);
    expect(s.runs).toHaveLength(0);
  });
});
