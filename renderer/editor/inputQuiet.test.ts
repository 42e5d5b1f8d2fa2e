import { describe, expect, it } from "vitest";
import { INPUT_QUIET, inputQuiet } from "./inputQuiet.js";

/** An editor's page element and composing flag, with a clock the test moves. */
function editor() {
  const view = { dom: new EventTarget() as HTMLElement, composing: false };
  let t = 1000;
  const quiet = inputQuiet(view, () => t);
  return { view, quiet, advance: (ms: number) => (t += ms) };
}

describe("the editor's quiet after input", () => {
  it("is quiet until a key comes, busy for a moment after each key or input event, and quiet again after it", () => {
    const { view, quiet, advance } = editor();
    expect(quiet.busy()).toBe(false);
    for (const type of ["keydown", "beforeinput", "input", "compositionend"]) {
      view.dom.dispatchEvent(new Event(type));
      expect(quiet.busy()).toBe(true);
      advance(INPUT_QUIET - 1);
      expect(quiet.busy()).toBe(true);
      advance(1);
      expect(quiet.busy()).toBe(false);
    }
  });

  it("is busy while text is being composed, and stops listening once destroyed", () => {
    const { view, quiet, advance } = editor();
    view.composing = true;
    expect(quiet.busy()).toBe(true);
    view.composing = false;
    quiet.destroy();
    view.dom.dispatchEvent(new Event("keydown"));
    advance(1);
    expect(quiet.busy()).toBe(false);
  });
});
