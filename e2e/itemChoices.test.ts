/**
 * The §§ a user picks from are one list (schemas/itemChoices.ts) wherever they are offered: the
 * Närvaro ledger's from and to, Hänvisning till paragraf, the § a new bilaga belongs to and the
 * §§ of a protokollsutdrag in the export dialog — numbered from the meeting's first § number, a
 * long title cut with "…", a § without a title named "(utan rubrik)". Chromium through the web host.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as b from "../schemas/build.js";
import { createFile, serialize } from "../schemas/file.js";
import { schema } from "../schemas/schema.js";
import { menu } from "./actions.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let page: Page;

const LONG = "Motion om att utreda fler gång- och cykelvägar längs ån genom hela tätorten";
const expected = [
  "§ 12 Val av justerare",
  "§ 13 (utan rubrik)",
  "§ 14 Motion om att utreda fler gång- och cykelvägar…",
];

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  const untitled = schema.nodes.agenda_item.create({ id: "t2" }, [
    schema.nodes.item_title.create(),
    b.decision("Beslutet."),
  ]);
  const file = createFile(
    "protokoll",
    {
      body: { name: "Nämnden", reglemente: { firstItemNumber: 12 } },
      persons: [{ id: "m1", name: "Ada Exempel", party: "A", role: "member" }],
      attendance: [{ person: "m1", status: "serving", from: null, to: null, replaces: null }],
    },
    b.protocol(
      b.item({ id: "t1", title: "Val av justerare" }, b.decision("Ada Exempel justerar.")),
      untitled,
      b.item({ id: "t3", title: LONG }, b.decision("Motionen avslås.")),
    ),
  );
  writeFileSync(join(h.workspace, "val.protokoll"), serialize(file));
  await menu(page, "Arkiv", "file.open");
  const discard = page.locator("dialog button.primary", { hasText: "Fortsätt utan att spara" });
  const choice = page.locator('.file-choice[data-path="val.protokoll"]');
  await Promise.race([discard.waitFor(), choice.waitFor()]);
  if (await discard.count()) await discard.click();
  await choice.click();
  await page.locator("#outline .outline-entry").nth(2).waitFor();
});
afterAll(async () => {
  await h?.close();
});

const texts = (selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((e) => (e.textContent ?? "").trim()));

async function cancel() {
  await page.locator("dialog button", { hasText: "Avbryt" }).click();
  await page.locator("dialog").waitFor({ state: "detached" });
}

describe("the lists of §§ in the browser", { timeout: 120_000 }, () => {
  it("are the same list in the ledger, the reference dialog, the bilaga dialog and the extract", async () => {
    await page.click('[role=tab][data-tab="attendance"]');
    await page.locator("#ledger-0-from").waitFor();
    expect(await texts("#ledger-0-from option")).toEqual(["första §", ...expected]);
    expect(await texts("#ledger-0-to option")).toEqual(["sista §", ...expected]);

    await menu(page, "Infoga", "insert.itemRef");
    await page.locator("#ref-target").waitFor();
    expect(await texts("#ref-target option")).toEqual(expected);
    await cancel();

    await page.click('[role=tab][data-tab="attachments"]');
    await page.click("#attachment-add");
    await page.locator("#attachment-new-item").waitFor();
    expect(await texts("#attachment-new-item option")).toEqual(["Hela protokollet", ...expected]);
    await cancel();

    await menu(page, "Arkiv", "export.pdf");
    await page.locator("#export-output").waitFor();
    await page.selectOption("#export-output", "extract");
    expect(await texts(".export-items label")).toEqual(expected);
    // with no § ticked Exportera asks for one and the dialog stays; Avbryt still closes it
    for (const box of await page.locator(".export-item:checked").all()) await box.uncheck();
    await page.locator("dialog button.primary").click();
    expect(await page.locator("dialog .dialog-error").innerText()).toBe("Välj minst en paragraf.");
    await cancel();
    expect(h.errors).toEqual([]);
  });
});
