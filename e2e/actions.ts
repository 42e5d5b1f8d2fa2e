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
