/**
 * End to end: the body's reglemente is edited in Mötesuppgifter → Reglemente, saved as the body's
 * default in the workspace (bodies/<name>.json) and offered by "Ny"; the opening § follows the
 * day and place of justering.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { menu, poll } from "./actions.js";
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

async function setField(id: string, value: string) {
  await page.fill(`#${id}`, value);
  await page.dispatchEvent(`#${id}`, "change");
}

describe("the body's reglemente in the browser", () => {
  it("edits the reglemente, saves it as the body's default, and Ny offers it", async () => {
    await page.click("#tab-meta");
    await setField("reg-members", "11");
    await setField("reg-adjusters", "2");
    await page.check("#reg-substitutes");
    await setField("reg-dnr", "^TN \\d{4}/\\d+$");
    await setField("reg-municipality", "Exempelby kommun");
    await page.click("#reg-save");
    const saved = join(h.workspace, "bodies", "Socialnämnden.json");
    await poll(() => existsSync(saved)).toBe(true);
    expect(JSON.parse(readFileSync(saved, "utf8"))).toEqual({
      name: "Socialnämnden",
      type: "nämnd",
      municipality: "Exempelby kommun",
      reglemente: {
        adjusters: 2,
        substituteStatements: true,
        firstItemNumber: 1,
        members: 11,
        dnrPattern: "^TN \\d{4}/\\d+$",
      },
    });

    // An invalid pattern is refused with a message and not stored.
    await setField("reg-dnr", "^TN (");
    await poll(() => page.locator("#reg-dnr-error").innerText()).toBe(
      "Mönstret är inte ett giltigt reguljärt uttryck.",
    );

    // The opening § follows the day and place of justering.
    await setField("meta-adjustment-date", "2025-03-14");
    await setField("meta-adjustment-place", "Kommunhuset");
    await poll(() =>
      page.locator(".ProseMirror article:nth-of-type(1) .decision-point").innerText(),
    ).toBe(
      "… utses att jämte ordföranden justera dagens protokoll. Tid och plats för justering: fredag den 14 mars 2025, Kommunhuset.",
    );

    // Ny offers the saved body: the new protocol has its reglemente.
    await menu(page, "Arkiv", "file.new");
    const discard = page.locator("dialog button.primary", { hasText: "Fortsätt utan att spara" });
    const bodySelect = page.locator("#new-body");
    await Promise.race([discard.waitFor(), bodySelect.waitFor()]);
    if (await discard.count()) await discard.click();
    await bodySelect.selectOption({ label: "Socialnämnden" });
    await page.click('dialog button.primary:text-is("Skapa")');
    await page.click("#tab-meta");
    await poll(() => page.inputValue("#reg-members")).toBe("11");
    expect(await page.inputValue("#reg-dnr")).toBe("^TN \\d{4}/\\d+$");
    expect(await page.isChecked("#reg-substitutes")).toBe(true);
    expect(h.errors).toEqual([]);
  });
});
