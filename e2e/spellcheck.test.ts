/**
 * The Swedish spell-check end to end in Chromium through the web host: Hunspell in a worker (under
 * the strict CSP with only 'wasm-unsafe-eval' added) underlines a misspelled word and not Swedish
 * compounds; right-click shows suggestions and replaces the word; "Lägg till i ordlistan" writes
 * the workspace's ordlista.txt; the meeting's persons' names are never flagged.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { menu, place, poll } from "./actions.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let page: Page;
const outDir =
  process.env.PROTOKOLL_SCREENSHOTS === "docs" ? "docs/images" : "test-output/screenshots";

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  mkdirSync(outDir, { recursive: true });
});
afterAll(async () => {
  await h?.close();
});

/** Put the caret at the end of the paragraph (End alone stops at the end of a wrapped line). */
async function caretAtEnd(selector: string) {
  await place(page, selector);
  await page.evaluate((sel) => {
    const app = (
      window as unknown as {
        protokollApp: {
          view: { posAtDOM(n: Node, o: number): number };
          goTo(pos: number, end: boolean): void;
        };
      }
    ).protokollApp;
    app.goTo(app.view.posAtDOM(document.querySelector(sel)!, 0), true);
  }, selector);
}

const flagged = () => page.locator(".ProseMirror .spelling-error").allInnerTexts();
const word = (text: string) =>
  page.locator(".ProseMirror .spelling-error", { hasText: text }).first();

describe("the spell-check", () => {
  it("underlines a misspelled word and not Swedish compounds", async () => {
    await menu(page, "Arkiv", "file.new");
    await page.fill("#new-date", "2025-03-18");
    await page.click("dialog button.primary");
    await place(page, ".ProseMirror article:nth-of-type(2) h2.item-title");
    await page.keyboard.press("End");
    await page.keyboard.press("Control+Enter");
    await page.keyboard.type("Ersättarnas yttranden");
    await page.keyboard.press("Control+Alt+a");
    await page.keyboard.type(
      "Nämnden beslutadt att ett ersättaryttrande, justeringsdatum och en protokollsanteckning ska framgå. Nämnden har beslutat om xyzqwk.",
    );
    await poll(flagged, { timeout: 30_000 }).toEqual(["beslutadt", "xyzqwk"]);
    // The browser's own spell-check (which needs downloaded dictionaries) is off.
    expect(await page.locator(".ProseMirror").getAttribute("spellcheck")).toBe("false");
  });

  it("shows suggestions on right-click and replaces the word with the chosen one", async () => {
    await word("beslutadt").click({ button: "right" });
    await page.locator("#spell-menu .suggestion").first().waitFor({ timeout: 30_000 });
    const suggestions = await page.locator("#spell-menu .suggestion").allInnerTexts();
    expect(suggestions).toContain("beslutat");
    await page.screenshot({
      path: join(outDir, "editor-spellcheck.png"),
      clip: await clipAround("#spell-menu"),
    });
    await page.locator("#spell-menu .suggestion", { hasText: /^beslutat$/ }).click();
    await poll(() =>
      page.locator(".ProseMirror section[data-block=background] p").innerText(),
    ).toMatch(/^Nämnden beslutat att ett ersättaryttrande/);
    await poll(flagged).toEqual(["xyzqwk"]);
    // One undo brings the misspelling back.
    await page.keyboard.press("Control+z");
    await poll(() =>
      page.locator(".ProseMirror section[data-block=background] p").innerText(),
    ).toMatch(/^Nämnden beslutadt att/);
    await page.keyboard.press("Control+y");
  });

  it("adds a word to the workspace's word list and stops flagging it", async () => {
    await page.keyboard.press("Control+s");
    await page.fill("#save-name", "stavning");
    await page.keyboard.press("Enter");
    await poll(() => page.locator("#status-doc").innerText()).toBe("stavning.protokoll");
    await word("xyzqwk").click({ button: "right" });
    await page.click("#spell-menu >> text=Lägg till i ordlistan");
    await poll(flagged).toEqual([]);
    await poll(() => readFileSync(join(h.workspace, "ordlista.txt"), "utf8")).toBe("xyzqwk\n");
    // Typed again elsewhere, it is still right.
    await caretAtEnd(".ProseMirror section[data-block=background] p");
    await page.keyboard.type(" Även xyzqwk och qwzzyx.");
    await poll(flagged, { timeout: 30_000 }).toEqual(["qwzzyx"]);
  });

  it("never flags the names of the meeting's persons", async () => {
    await page.click("[role=tab][data-tab=attendance]");
    await page.fill("#new-person-name", "Zbigniew Qwertyson");
    await page.fill("#new-person-party", "S");
    await page.selectOption("#new-person-role", "member");
    await page.click("#add-person");
    await caretAtEnd(".ProseMirror section[data-block=background] p");
    await page.keyboard.type(" Ledamoten Zbigniew Qwertyson och Qwertysons förslag.");
    await page.waitForTimeout(1500);
    await poll(flagged).toEqual(["qwzzyx"]);
    expect(h.errors).toEqual([]);
  });
});

/** A clip of the page around an element and the text it belongs to (for the documentation). */
async function clipAround(selector: string) {
  const box = (await page.locator(selector).boundingBox())!;
  const editor = (await page.locator(".ProseMirror section[data-block=background]").boundingBox())!;
  const x = Math.max(0, Math.min(box.x, editor.x) - 10);
  const y = Math.max(0, Math.min(box.y, editor.y) - 10);
  return {
    x,
    y,
    width: Math.max(box.x + box.width, editor.x + editor.width) - x + 10,
    height: Math.max(box.y + box.height, editor.y + editor.height) - y + 10,
  };
}
