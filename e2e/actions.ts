/**
 * What a user does in the editor, shared by the end-to-end tests: choose a menu command, put the
 * caret somewhere, wait for the page to reach a state.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Wait for the page to reach a state; generous, as the machine running the tests may be busy. */
export const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) =>
  expect.poll(fn, { timeout: 10_000, ...options });

/** Open a menu of the editor's menu bar and choose one of its commands. */
export async function menu(page: Page, menuLabel: string, command: string) {
  await page.click(`.menu-button:text-is("${menuLabel}")`);
  await page.click(`[role=menuitem][data-command="${command}"]`);
}

/**
 * Click into the text and wait until the editor has taken the new cursor position (ProseMirror
 * reads a click's selection from the browser's selectionchange event, after the click returns).
 */
export async function place(page: Page, selector: string) {
  await page.click(selector);
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    const dom = document.getSelection();
    const app = (
      window as unknown as {
        protokollApp: {
          view: { posAtDOM(n: Node, o: number): number; state: { selection: { head: number } } };
        };
      }
    ).protokollApp;
    if (!el || !dom?.focusNode || !el.contains(dom.focusNode)) return false;
    return app.view.state.selection.head === app.view.posAtDOM(dom.focusNode, dom.focusOffset);
  }, selector);
}

/** Put the caret right after the first occurrence of `text` in the document (through the app's own goTo). */
export async function caretAfter(page: Page, text: string) {
  await page.evaluate((t) => {
    type NodeLike = { isText: boolean; text?: string };
    type AppLike = {
      state: { doc: { descendants(f: (n: NodeLike, pos: number) => boolean | void): void } };
      goTo(pos: number): void;
    };
    const app = (window as unknown as { protokollApp: AppLike }).protokollApp;
    let at = -1;
    app.state.doc.descendants((n, pos) => {
      if (at >= 0) return false;
      const i = n.isText ? n.text!.indexOf(t) : -1;
      if (i >= 0) at = pos + i + t.length;
    });
    if (at < 0) throw new Error(`${t} is not in the document`);
    app.goTo(at);
  }, text);
}
