/**
 * End to end in Chromium against the web host: Förhandsgranska shows the PDF the export writes
 * (its page count, pages drawn only when in view), and Skriv ut asks the browser to print.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as b from "../schemas/build.js";
import { createFile, serialize, type ProtokollFile } from "../schemas/file.js";
import { exportDocument } from "../main/export/exportDocument.js";
import { readPdf } from "../main/export/readBack.testkit.js";
import { menu, poll } from "./actions.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let workspace: string;
let file: ProtokollFile;

/** A draft protocol long enough for many pages: forty §§ with a background and a decision each. */
function longProtocol(): ProtokollFile {
  const items = Array.from({ length: 40 }, (_, i) =>
    b.item(
      { id: `q${i + 1}`, title: `Ärende nummer ${i + 1}` },
      b.decision(`Nämnden beslutar i ärende ${i + 1} enligt förvaltningens förslag.`),
      b.background(
        `Förvaltningen har utrett frågan. ${"Utredningen beskriver bakgrunden och konsekvenserna. ".repeat(12)}`,
      ),
    ),
  );
  return createFile(
    "protokoll",
    { body: { name: "Testnämnden" }, meeting: { date: "2026-03-10" } },
    b.protocol(...items),
  );
}

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), "protokoll-preview-"));
  file = longProtocol();
  writeFileSync(join(workspace, "lang.protokoll"), serialize(file));
  h = await startHarness({ workspace });
});
afterAll(async () => {
  await h?.close();
  rmSync(workspace, { recursive: true, force: true });
});

describe("print preview", () => {
  it("shows the exported PDF's pages with the right page count, drawing only the pages in view", async () => {
    const page = h.page;
    await menu(page, "Arkiv", "file.open");
    await page.click('.file-choice[data-path="lang.protokoll"]');
    await poll(() => page.locator("#outline .outline-entry").count()).toBe(40);
    await menu(page, "Arkiv", "file.preview");
    await page.waitForSelector("#preview-dialog #preview-count");
    // The same PDF exported here and read back with pdfjs.
    const exported = await exportDocument(file, {
      format: "pdf",
      output: "full",
      items: [],
      draft: true,
    });
    if (!exported.ok) throw new Error(exported.error);
    const pages = (await readPdf(exported.bytes)).pages.length;
    expect(pages).toBeGreaterThan(5);
    expect(await page.locator("#preview-count").innerText()).toBe(`${pages} sidor`);
    expect(await page.locator("#preview-dialog").innerText()).toContain("UTKAST");
    expect(await page.locator(".preview-page").count()).toBe(pages);
    await poll(() =>
      page.locator('.preview-page[data-page="1"][data-drawn=true] canvas').count(),
    ).toBe(1);
    const drawn = await page.locator(".preview-page[data-drawn=true]").count();
    expect(drawn).toBeLessThan(pages);
    // Scrolling to the last page draws it.
    await page.locator(`.preview-page[data-page="${pages}"]`).scrollIntoViewIfNeeded();
    await poll(() =>
      page.locator(`.preview-page[data-page="${pages}"][data-drawn=true] canvas`).count(),
    ).toBe(1);
    // A drawn page is not blank: some pixels are dark (text).
    const dark = await page
      .locator('.preview-page[data-page="1"] canvas')
      .evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 100) n++;
        return n;
      });
    expect(dark).toBeGreaterThan(500);
    await page.evaluate(() => {
      for (const el of document.querySelectorAll(
        "#preview-dialog, #preview-dialog .dialog-body, #preview-pages",
      ))
        el.scrollTop = 0;
    });
    if (process.env.PROTOKOLL_SCREENSHOTS === "docs") {
      mkdirSync("docs/images", { recursive: true });
      await page.screenshot({ path: "docs/images/editor-print-preview.png" });
    }
  });

  it("prints: Skriv ut hands every page to the browser's print", async () => {
    const page = h.page;
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = -1;
      window.print = () => {
        (window as unknown as { printed: number }).printed =
          document.querySelectorAll("#print-pages img").length;
      };
    });
    await page.click('#preview-dialog button:text-is("Skriv ut")');
    const exported = await exportDocument(file, {
      format: "pdf",
      output: "full",
      items: [],
      draft: true,
    });
    if (!exported.ok) throw new Error(exported.error);
    const pages = (await readPdf(exported.bytes)).pages.length;
    await poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed), {
      timeout: 60_000,
    }).toBe(pages);
    expect(await page.locator("#print-pages").count()).toBe(0); // removed after printing
  });

  it("logged no errors in the page", () => {
    expect(h.errors).toEqual([]);
  });
});
