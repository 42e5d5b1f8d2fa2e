/**
 * The spell-check while the secretary types, in Chromium through the web host with the real worker
 * and dictionary: the word being written is not flagged while the caret is in it (and is as soon as
 * the caret leaves it); letters typed into a flagged word take its underline away at once, so the
 * keys that follow never make ProseMirror redraw an underlined word under the caret; a space typed
 * after a flagged word leaves it flagged.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caretAfter as caretAfterIn, menu, place, poll } from "./actions.js";
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

const flagged = () => page.locator(".ProseMirror .spelling-error").allInnerTexts();
const background = ".ProseMirror section[data-block=background] p";

/** Has the spell-check read every edit (its pause over, the worker's answer in)? */
const spellChecked = () =>
  page.evaluate(
    () =>
      (window as unknown as { protokollApp: { spellChecked: boolean } }).protokollApp.spellChecked,
  );

const caretAfter = (text: string) => caretAfterIn(page, text);

/** Count the underlined words ProseMirror takes out of the page from now on. */
async function countRedraws() {
  await page.evaluate(() => {
    const w = window as unknown as { __redrawn: number };
    w.__redrawn = 0;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.removedNodes)
          if (n instanceof Element && n.classList.contains("spelling-error")) w.__redrawn++;
    }).observe(document.querySelector(".ProseMirror")!, {
      subtree: true,
      childList: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { __redrawn: number }).__redrawn);
}

describe("the spell-check while typing", () => {
  it("does not flag the word being written until the caret leaves it", async () => {
    await menu(page, "Arkiv", "file.new");
    await page.fill("#new-date", "2025-03-18");
    await page.click("dialog button.primary");
    await place(page, ".ProseMirror article:nth-of-type(2) h2.item-title");
    await page.keyboard.press("End");
    await page.keyboard.press("Control+Enter");
    await page.keyboard.type("Ärendet");
    await page.keyboard.press("Control+Alt+a");
    await page.keyboard.type("Nämnden beslutadt");
    // The pause is over and the worker has answered: the text is checked, the word at the caret held back.
    await page.waitForTimeout(700);
    await poll(spellChecked, { timeout: 30_000 }).toBe(true);
    await page.waitForTimeout(300);
    expect(await flagged()).toEqual([]);
    // The caret leaves the word: it is flagged.
    await page.keyboard.type(" att");
    await poll(flagged, { timeout: 30_000 }).toEqual(["beslutadt"]);
  });

  it("takes the underline away from a flagged word as soon as letters are typed into it, and redraws it once", async () => {
    await page.keyboard.type(" xyzqwk är fel.");
    await poll(flagged, { timeout: 30_000 }).toEqual(["beslutadt", "xyzqwk"]);
    const redraws = await countRedraws();
    await caretAfter("beslutadt");
    await page.keyboard.type("ttt");
    // At once, before the spell-check's pause: the edited word is no longer underlined.
    expect(await flagged()).toEqual(["xyzqwk"]);
    expect(await redraws()).toBeLessThanOrEqual(1);
    await page.keyboard.type("ade");
    expect(await redraws()).toBeLessThanOrEqual(1);
    // Still being written (the caret is in it) after the pause; flagged when the caret leaves.
    await page.waitForTimeout(700);
    await poll(spellChecked, { timeout: 30_000 }).toBe(true);
    expect(await flagged()).toEqual(["xyzqwk"]);
    await page.keyboard.press("End");
    await poll(flagged, { timeout: 30_000 }).toEqual(["beslutadttttade", "xyzqwk"]);
    expect(await page.locator(background).innerText()).toBe(
      "Nämnden beslutadttttade att xyzqwk är fel.",
    );
  });

  it("keeps a flagged word flagged when a space or a period is typed after it", async () => {
    await caretAfter("xyzqwk");
    await page.keyboard.type(" ,");
    expect(await flagged()).toEqual(["beslutadttttade", "xyzqwk"]);
    await page.waitForTimeout(700);
    await poll(spellChecked, { timeout: 30_000 }).toBe(true);
    expect(await flagged()).toEqual(["beslutadttttade", "xyzqwk"]);
    expect(h.errors).toEqual([]);
  });
});
