/**
 * The Problem panel while the secretary types, in Chromium through the web host: between two
 * validations the keys only move the problems, so the panel's list is not rebuilt on every key (it
 * was, at a cost larger than the key's own), and a problem clicked after typing still goes to its
 * place as the edits moved it.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caretAfter, menu, poll } from "./actions.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
});
afterAll(async () => {
  await h?.close();
});

const head = () =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          protokollApp: { state: { selection: { head: number } } };
        }
      ).protokollApp.state.selection.head,
  );

describe("the Problem panel while typing", () => {
  it("keeps its list while keys only move the problems, and a problem still goes to its moved place", async () => {
    await menu(page, "Arkiv", "file.new");
    await page.fill("#new-date", "2025-03-18");
    await page.click("dialog button.primary");
    await page.click("[role=tab][data-tab=problems]");
    await page.locator("#panel-problems .problem-go").first().waitFor({ timeout: 30_000 });
    // The problem furthest into the document, and the start of a block of text before it (not a §
    // title: that would change the list's headings).
    const target = await page.evaluate(() => {
      type NodeLike = {
        type: { name: string };
        isTextblock: boolean;
        content: { size: number };
      };
      type StateLike = {
        doc: {
          descendants(f: (n: NodeLike, pos: number) => boolean | void): void;
        };
        plugins: {
          key: string;
          getState(s: StateLike): {
            problems: { from: number; message: string }[];
          };
        }[];
      };
      const app = (window as unknown as { protokollApp: { state: StateLike } }).protokollApp;
      const problems = app.state.plugins
        .find((p) => p.key === "problems$")!
        .getState(app.state).problems;
      const furthest = problems.reduce((a, b) => (b.from > a.from ? b : a));
      let end = -1;
      app.state.doc.descendants((n, pos) => {
        if (end < 0 && n.isTextblock && n.type.name !== "item_title" && pos + 1 < furthest.from)
          end = pos + 1;
        return !n.isTextblock;
      });
      return { message: furthest.message, from: furthest.from, end };
    });
    expect(target.end).toBeGreaterThan(0);
    const last = page.locator("#panel-problems .problem-go", { hasText: target.message }).last();
    await last.click();
    const before = await head();
    await page.evaluate(
      (end) =>
        (window as unknown as { protokollApp: { goTo(p: number): void } }).protokollApp.goTo(end),
      target.end,
    );
    const typedAt = await head();
    expect(typedAt).toBeLessThan(before);
    // Mark the list's elements: a rebuilt list has new ones.
    await page.evaluate(() =>
      document
        .querySelectorAll("#panel-problems .problem-go")
        .forEach((b) => b.setAttribute("data-kept", "")),
    );
    const shown = await page.locator("#panel-problems .problem-go").count();
    await page.keyboard.type(" och mer", { delay: 20 });
    await page.evaluate(() =>
      (window as unknown as { protokollApp: { flush(): void } }).protokollApp.flush(),
    );
    expect(await page.locator("#panel-problems .problem-go[data-kept]").count()).toBe(shown);
    // Clicked now, the problem's place has moved by the eight characters typed before it.
    await last.click();
    expect(await head()).toBe(before + " och mer".length);
    expect(h.errors).toEqual([]);
  });

  it("is rebuilt when the problems themselves change", async () => {
    const count = () => page.locator("#problem-count").innerText();
    // The validation of the previous test's typing is in: the count stays the same for a while.
    let start = await count();
    await poll(async () => {
      await page.waitForTimeout(600);
      const now = await count();
      const settled = now === start;
      start = now;
      return settled;
    }).toBe(true);
    // A placeholder of the template filled in: the validation after the pause has one problem less.
    // (The first test's typing put text right before the first one, which is no longer a placeholder.)
    await caretAfter(page, " …");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("ordföranden");
    await poll(count, { timeout: 30_000 }).not.toBe(start);
    expect(
      await page.locator("#panel-problems .problem-go:not([data-kept])").count(),
    ).toBeGreaterThan(0);
  });
});
