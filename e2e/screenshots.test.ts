/**
 * The imported seed 002 (Socialnämnden 2020-08-25) in the editor: whole window, outline,
 * inspector and problems panel. The pictures go to test-output/screenshots, or to docs/images
 * (the README's pictures) with PROTOKOLL_SCREENSHOTS=docs.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poll } from "./actions.js";
import { startHarness, type Harness } from "./harness.js";

const found = readdirSync("seeds").find((n) => n.startsWith("002-") && n.endsWith(".protokoll"));
// A missing seed fails the file instead of skipping the screenshots silently.
if (!found) throw new Error("seeds/002-*.protokoll is missing");
const seed: string = found;
const outDir =
  process.env.PROTOKOLL_SCREENSHOTS === "docs" ? "docs/images" : "test-output/screenshots";
let h: Harness;
let workspace: string;

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), "protokoll-shots-"));
  copyFileSync(join("seeds", seed), join(workspace, seed));
  mkdirSync(outDir, { recursive: true });
  h = await startHarness({ workspace, viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await h?.close();
  rmSync(workspace, { recursive: true, force: true });
});

function isPng(path: string): boolean {
  const b = readFileSync(path);
  return (
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) &&
    b.length > 5000
  );
}

describe("screenshots of seed 002", () => {
  it("opens the seed with all its §§ and shows them", async () => {
    const page = h.page;
    await page.click('.menu-button:text-is("Arkiv")');
    await page.click('[role=menuitem][data-command="file.open"]');
    await page.click(`.file-choice[data-path="${seed}"]`);
    await poll(() => page.locator("#outline .outline-entry").count()).toBe(16);
    expect(await page.locator("#outline .outline-entry").first().innerText()).toMatch(
      /^§ 1\s+Godkännande av dagordning/,
    );
    // § 5: three yrkanden, a beslutsordning and a reservation; select the reservation.
    await page.locator("#outline .outline-entry").nth(4).click();
    const reservation = page.locator(
      ".ProseMirror article:nth-of-type(5) section[data-block=reservation] .generated",
    );
    await reservation.scrollIntoViewIfNeeded();
    await reservation.click();
    await poll(() => page.locator("#panel-inspector .block-kind").innerText()).toBe("Reservation");
    await page.evaluate(() =>
      document
        .querySelector(".ProseMirror article:nth-of-type(5) section[data-block=proposal]")
        ?.scrollIntoView({ block: "start" }),
    );
    // Close the notices so they do not cover the panels.
    for (const close of await page.locator(".toast-close").all()) await close.click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(outDir, "editor-window.png") });
    await page.locator("#outline").screenshot({ path: join(outDir, "editor-outline.png") });
    await page.locator("#side").screenshot({ path: join(outDir, "editor-inspector.png") });
    await page.click("[role=tab][data-tab=problems]");
    await poll(() => page.locator("#problem-count").innerText()).toMatch(/fel/);
    await page.locator("#side").screenshot({ path: join(outDir, "editor-problems.png") });
    for (const name of ["editor-window", "editor-outline", "editor-inspector", "editor-problems"])
      expect(isPng(join(outDir, `${name}.png`)), name).toBe(true);
    expect(h.errors).toEqual([]);
  });
});
