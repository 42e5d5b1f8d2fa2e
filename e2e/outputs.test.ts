/**
 * End to end (issue 15): the export dialog follows what the document's status allows — a draft
 * protocol is ticked "Utkast", an extract of a § justerad at the meeting is official — and
 * pre-ticks only the § chosen; "Kommunprofil" writes profile.json with a picked logo copied into
 * the workspace (that every export uses it is tested in main/host/profileHandlers.test.ts).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serialize } from "../schemas/file.js";
import { immediateAdjust } from "../schemas/review/adjust.js";
import { must, sampleProtocol } from "../schemas/review/sampleProtocol.testkit.js";
import { menu, poll } from "./actions.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let page: Page;
const shots = process.env.PROTOKOLL_SHOTS;

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  const f = sampleProtocol();
  f.meta.attendance = f.meta.persons
    .filter((p) => p.role !== "secretary")
    .map((p) => ({
      person: p.id,
      status: "serving" as const,
      from: null,
      to: null,
      replaces: null,
    }));
  f.meta.adjustment = { date: "2020-08-31", place: "Stadshuset" };
  writeFileSync(
    join(h.workspace, "sn.protokoll"),
    serialize(must(immediateAdjust(f, "p4", ["jj", "lv"], "2020-08-25T19:00"))),
  );
  await menu(page, "Arkiv", "file.open");
  const discard = page.locator("dialog button.primary", { hasText: "Fortsätt utan att spara" });
  const choice = page.locator('.file-choice[data-path="sn.protokoll"]');
  await Promise.race([discard.waitFor(), choice.waitFor()]);
  if (await discard.count()) await discard.click();
  await choice.click();
  await page.locator("#outline .outline-entry").nth(5).waitFor();
});
afterAll(async () => {
  await h?.close();
});

describe("the export dialog and Kommunprofil in the browser", () => {
  it("ticks Utkast for a protocol that is not justerat and says why, and unticks it for an extract of the § justerad at the meeting", async () => {
    await menu(page, "Arkiv", "export.pdf");
    await page.locator("#export-output").waitFor();
    expect(await page.locator("#export-draft").isChecked()).toBe(true);
    expect(await page.locator("#export-status").innerText()).toContain(
      "protokollet är inte justerat",
    );
    await page.selectOption("#export-output", "extract");
    // Only the § under the cursor is ticked; choose § 4 instead.
    const ticked = () => page.locator(".export-item:checked").count();
    expect(await ticked()).toBeLessThanOrEqual(1);
    for (const box of await page.locator(".export-item:checked").all()) await box.uncheck();
    await page.locator('.export-item[value="p4"]').check();
    expect(await ticked()).toBe(1);
    await poll(() => page.locator("#export-draft").isChecked()).toBe(false);
    expect(await page.locator("#export-status").isHidden()).toBe(true);
    await page.locator('.export-item[value="p5"]').check();
    await poll(() => page.locator("#export-draft").isChecked()).toBe(true);
    await page.locator('.export-item[value="p5"]').uncheck();
    if (shots)
      await page.locator("dialog").screenshot({ path: join(shots, "export-dialog-extract.png") });
    await page.locator("dialog button.primary").click();
    await poll(
      () =>
        h.errors.length === 0 &&
        existsSync(join(h.workspace, "socialnamnden_2020-08-25_utdrag_4.pdf")),
    ).toBe(true);
  });

  it("writes profile.json with the picked logo, copied into the workspace, from the Kommunprofil dialog", async () => {
    await menu(page, "Arkiv", "profile.edit");
    await page.locator("#profile-municipality").fill("Exempelby kommun");
    await page.locator("#profile-court").fill("Förvaltningsrätten i Exempelstad");
    const chooser = page.waitForEvent("filechooser");
    await page.click("#profile-pick-logo");
    // A 2×2 RGBA PNG (one pixel transparent).
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAGElEQVR4nGOQ96v8L+9XycDw//9/EKMBAEM2CC7HWgliAAAAAElFTkSuQmCC",
      "base64",
    );
    await (await chooser).setFiles({ name: "Logga.png", mimeType: "image/png", buffer: png });
    await poll(() => page.locator(".profile-file").first().innerText()).toBe("profil/logga.png");
    expect(await page.locator("#profile-logo-preview").isVisible()).toBe(true);
    if (shots)
      await page
        .locator("#profile-dialog")
        .screenshot({ path: join(shots, "kommunprofil-dialog.png") });
    await page.locator("#profile-dialog button.primary").click();
    await poll(() => existsSync(join(h.workspace, "profile.json"))).toBe(true);
    const saved = JSON.parse(readFileSync(join(h.workspace, "profile.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(saved).toMatchObject({
      municipality: "Exempelby kommun",
      administrativeCourt: "Förvaltningsrätten i Exempelstad",
      logo: { png: "profil/logga.png", svg: null },
      signatureLayout: "end",
    });
    expect(existsSync(join(h.workspace, "profil", "logga.png"))).toBe(true);
    expect(h.errors).toEqual([]);
  });
});
