/**
 * Whether a keystroke may still be on its way into the editor. The editor's background work (the
 * rules, the spell-check) dispatches its own transactions; one dispatched while ProseMirror is still
 * reading a keystroke from the page can put that key's text in the wrong place. So that work waits
 * until a moment has passed since the last key or input event, and while text is being composed
 * (IME, dead keys).
 */
import type { EditorView } from "prosemirror-view";

/** How long after a key or input event the background work waits (ms). */
export const INPUT_QUIET = 150;

/** The events of a keystroke, from the key to the text in the page. */
const INPUT_EVENTS = ["keydown", "beforeinput", "input", "compositionend"];

export interface InputQuiet {
  /** A key or input event came less than INPUT_QUIET ms ago, or text is being composed. */
  busy(): boolean;
  /** Stop listening (the plugin's view is destroyed). */
  destroy(): void;
}

export function inputQuiet(
  view: Pick<EditorView, "dom" | "composing">,
  now: () => number = () => performance.now(),
): InputQuiet {
  let lastInput = -Infinity;
  const onInput = () => (lastInput = now());
  for (const type of INPUT_EVENTS) view.dom.addEventListener(type, onInput);
  return {
    busy: () => now() - lastInput < INPUT_QUIET || view.composing,
    destroy() {
      for (const type of INPUT_EVENTS) view.dom.removeEventListener(type, onInput);
    },
  };
}
