/**
 * End to end: what happens around the writing — a broken file is refused with the path of what is
 * wrong and left untouched, unsaved work is autosaved and offered back after a reload, a rule's
 * quick fix is one undoable step, the keyboard help lists the keys, and an interpellation answer
 * opens with its signature.
 */
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serialize } from "../schemas/file.js";
import { socialnamnd } from "../templates/socialnamnd.js";
import { poll, place } from "./actions.js";
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

async function openFromDialog(path: string) {
  await page.click('.menu-button:text-is("Arkiv")');
  await page.click('[role=menuitem][data-command="file.open"]');
  // With unsaved changes the editor asks first.
  const discard = page.locator("dialog button.primary", { hasText: "Fortsätt utan att spara" });
  const choice = page.locator(`.file-choice[data-path="${path}"]`);
  await Promise.race([discard.waitFor(), choice.waitFor()]);
  if (await discard.count()) await discard.click();
  await choice.click();
}

describe("files, recovery, fixes and help in the browser", () => {
  it("refuses a broken file with the path of what is wrong, and does not change it", async () => {
    const broken = serialize(socialnamnd.create({ date: "2020-08-25" })).replace(
      '"name": "Socialnämnden"',
      '"name": ""',
    );
    writeFileSync(join(h.workspace, "trasig.protokoll"), broken);
    await openFromDialog("trasig.protokoll");
    const dialog = page.locator("#error-dialog");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain("meta.body.name");
    await dialog.locator("button.primary").click();
    expect(readFileSync(join(h.workspace, "trasig.protokoll"), "utf8")).toBe(broken);
    // The document that was open is still there.
    expect(await page.locator("#outline .outline-entry").count()).toBe(2);
  });

  it("applies a rule's quick fix as one undoable step", async () => {
    await place(page, ".ProseMirror article:nth-of-type(2) h2.item-title");
    await page.keyboard.press("End");
    await page.keyboard.press("Control+Enter");
    await page.keyboard.type("Information om sommaren");
    await page.click("[role=tab][data-tab=problems]");
    const missing = page.locator('#panel-problems .problem[data-rule="decision-required"]');
    await poll(() => missing.count()).toBe(1);
    await missing.locator(".problem-fix").click();
    await poll(() =>
      page.locator(".ProseMirror article:nth-of-type(3) section[data-block=decision]").count(),
    ).toBe(1);
    // The fix leaves the cursor in the new decision: type it.
    await page.keyboard.type("Informationen läggs till handlingarna.");
    await poll(() =>
      page.locator(".ProseMirror article:nth-of-type(3) section[data-block=decision]").innerText(),
    ).toContain("Informationen läggs till handlingarna.");
    await poll(() => missing.count()).toBe(0);
    await place(page, ".ProseMirror article:nth-of-type(3) h2.item-title");
    // Undo takes away the typed decision and the fixed-in block (at most two steps), but not the title.
    const decisions = page.locator(
      ".ProseMirror article:nth-of-type(3) section[data-block=decision]",
    );
    for (let i = 0; i < 2 && (await decisions.count()) > 0; i++) {
      await page.keyboard.press("Control+z");
      await page.waitForTimeout(100);
    }
    expect(await decisions.count()).toBe(0);
    expect(
      await page.locator(".ProseMirror article:nth-of-type(3) h2.item-title").innerText(),
    ).toBe("Information om sommaren");
  });

  it("autosaves unsaved work and offers it back after a reload", async () => {
    await place(page, ".ProseMirror article:nth-of-type(3) h2.item-title");
    await page.keyboard.press("End");
    await page.keyboard.type(" och hösten");
    // About a second after the last edit the work is in the recovery folder.
    const recovery = join(h.workspace, ".protokoll", "recovery");
    await poll(() => {
      try {
        return readdirSync(recovery).filter((n) => n.endsWith(".json")).length;
      } catch {
        return 0;
      }
    }).toBe(1);
    page.once("dialog", (d) => void d.accept()); // beforeunload warns about unsaved changes
    await page.reload();
    const offer = page.locator("#recovery-dialog");
    await offer.waitFor();
    expect(await offer.innerText()).toContain("Val av justerare");
    await offer.locator("button.primary").click();
    await poll(() =>
      page.locator(".ProseMirror article:nth-of-type(3) h2.item-title").innerText(),
    ).toBe("Information om sommaren och hösten");
    expect(await page.locator("#status-doc").innerText()).toContain("osparade ändringar");
  });

  it("finds and replaces text (Ctrl+H)", async () => {
    await place(page, ".ProseMirror article:nth-of-type(3) h2.item-title");
    await page.keyboard.press("Control+h");
    await page.fill("#find-input", "hösten");
    await poll(() => page.locator(".find-info").innerText()).toBe("1 träff");
    expect(await page.locator(".ProseMirror .ProseMirror-search-match").count()).toBe(1);
    await page.fill("#replace-input", "vintern");
    await page.click('.find-bar button:text-is("Ersätt alla")');
    await poll(() =>
      page.locator(".ProseMirror article:nth-of-type(3) h2.item-title").innerText(),
    ).toBe("Information om sommaren och vintern");
    await page.keyboard.press("Escape");
    expect(await page.locator("#find-bar").isHidden()).toBe(true);
  });

  it("opens the menus from the keyboard", async () => {
    const infoga = page.locator('.menu-button:text-is("Infoga")');
    await infoga.focus();
    await page.keyboard.press("ArrowDown");
    const focused = () =>
      page.evaluate(
        () =>
          document.activeElement?.getAttribute("data-command") ??
          document.activeElement?.textContent,
      );
    await poll(focused).toBe("insert.item");
    await page.keyboard.press("ArrowDown");
    await poll(focused).toBe("insert.decision");
    expect(await infoga.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Escape");
    expect(await page.locator("#menu-infoga").isHidden()).toBe(true);
    await poll(focused).toBe("Infoga");
  });

  it("lists the keyboard shortcuts on F1", async () => {
    await page.locator(".ProseMirror").focus();
    await page.keyboard.press("F1");
    const help = page.locator("#help-dialog");
    await help.waitFor();
    const text = await help.innerText();
    expect(text).toMatch(/Ctrl\+Enter\s+Ny paragraf \(§\) efter denna/);
    expect(text).toMatch(/Ctrl\+Alt\+R\s+Reservation/);
    await page.keyboard.press("Escape");
    await poll(() => help.count()).toBe(0);
  });

  it("opens an interpellation answer with its signature from the metadata", async () => {
    const seed = readdirSync("seeds").find((n) => n.startsWith("000-") && n.endsWith(".protokoll"));
    if (!seed) throw new Error("seeds/000-*.protokoll is missing");
    copyFileSync(join("seeds", seed), join(h.workspace, seed));
    await openFromDialog(seed);
    await page.locator(".ProseMirror .ip-title").waitFor();
    expect((await page.locator(".ProseMirror .ip-title").innerText()).length).toBeGreaterThan(10);
    await poll(() => page.locator(".ProseMirror footer.signature").innerText()).toMatch(/\d{4}/);
    await page.click("[role=tab][data-tab=meta]");
    expect(await page.locator("#ip-place").inputValue()).not.toBe("");
    expect(h.errors).toEqual([]);
  });

  it("imports a protocol text picked in the browser into a new, unsaved document", async () => {
    await page.click('.menu-button:text-is("Arkiv")');
    await page.click('[role=menuitem][data-command="file.import"]');
    const discard = page.locator("dialog button.primary", { hasText: "Fortsätt utan att spara" });
    const input = page.locator("#import-file");
    await Promise.race([discard.waitFor(), input.waitFor()]);
    if (await discard.count()) await discard.click();
    await input.setInputFiles("seeds/002-socialnamnden-2020-08-25.txt");
    await page.click("dialog button.primary");
    await poll(() => page.locator("#outline .outline-entry").count(), { timeout: 20_000 }).toBe(16);
    // The importer's report, when it has one, is shown; close it.
    const report = page.locator("dialog", {
      hasText: "Importerat från 002-socialnamnden-2020-08-25.txt",
    });
    if (await report.count()) await report.locator("button.primary").click();
    expect(await page.locator("#status-doc").innerText()).toContain("Ej sparat");
    expect(await page.locator("#outline .outline-entry").first().innerText()).toMatch(
      /^§ 1\s+Godkännande av dagordning/,
    );
    expect(h.errors).toEqual([]);
  });
});
