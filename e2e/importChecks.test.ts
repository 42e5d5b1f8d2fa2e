/**
 * After an import the editor shows the §§ the importer was unsure of ("§§ att kontrollera efter
 * import"), each a button to the §, until the list is closed. A protocol written for the test:
 * § 1 has much text and nothing the importer recognises, § 2 is an ordinary §.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poll } from "./actions.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), "protokoll-import-checks-"));
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const text = [
  "Miljönämnden",
  "Protokoll 2001-05-06",
  "",
  "§ 1",
  "Information om arbetet",
  "",
  "Arbetet har pågått under våren.",
  "",
  "Flera möten har hållits med föreningarna.",
  "",
  "En rapport kommer i höst.",
  "",
  "Frågor besvarades under mötet.",
  "",
  "§ 2",
  "Taxor",
  "",
  "Beslut",
  "",
  "Taxorna antas.",
].join("\n");

describe("§§ to check after an import", () => {
  it("lists the unsure § above the document and goes to it", async () => {
    const page = h.page;
    const file = join(dir, "miljonamnden.txt");
    writeFileSync(file, text);
    await page.click('.menu-button:text-is("Arkiv")');
    await page.click('[role=menuitem][data-command="file.import"]');
    const discard = page.locator("dialog button.primary", { hasText: "Fortsätt utan att spara" });
    const input = page.locator("#import-file");
    await Promise.race([discard.waitFor(), input.waitFor()]);
    if (await discard.count()) await discard.click();
    await input.setInputFiles(file);
    await page.click("dialog button.primary");
    await poll(() => page.locator("#outline .outline-entry").count(), { timeout: 20_000 }).toBe(2);
    const report = page.locator("dialog", { hasText: "Importerat från miljonamnden.txt" });
    await report.waitFor();
    expect(await report.innerText()).toContain("§§ att kontrollera efter import: § 1");
    await report.locator("button.primary").click();

    const bar = page.locator("#import-checks");
    expect(await bar.innerText()).toMatch(/§§ att kontrollera efter import:\s*§ 1\s*Klar/);
    await page.screenshot({ path: join(process.env.SCREENSHOT_DIR ?? dir, "import-checks.png") });
    await bar.locator("button", { hasText: "§ 1" }).click();
    await poll(() => page.locator("#status-item").innerText()).toContain("§ 1");
    await bar.locator("button.close").click();
    expect(await page.locator("#import-checks").count()).toBe(0);
    expect(h.errors).toEqual([]);
  }, 120_000);
});
