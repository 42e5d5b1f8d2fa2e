/**
 * End to end (issue 13, item 3): two tabs on one file in the web host. The second tab's save is
 * refused with the conflict dialog and nothing is lost — its version goes to a copy; a change the
 * command line wrote meanwhile is not overwritten, and "Ladda om filen" shows it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, serialize } from "../schemas/file.js";
import { socialnamnd } from "../templates/socialnamnd.js";
import { runCapturing } from "../main/cli/runCapturing.js";
import { NAMND } from "../main/import/testTexts.testkit.js";
import { menu, place, poll } from "./actions.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let tabA: Page;
let tabB: Page;

beforeAll(async () => {
  h = await startHarness();
  tabA = h.page;
  tabB = await tabA.context().newPage();
  await tabB.goto(h.host.url);
  await tabB.waitForSelector("body[data-ready=true]");
});
afterAll(async () => {
  await h?.close();
});

async function openInTab(page: Page, path: string) {
  await menu(page, "Arkiv", "file.open");
  const discard = page.locator("dialog button.primary", { hasText: "Fortsätt utan att spara" });
  const choice = page.locator(`.file-choice[data-path="${path}"]`);
  await Promise.race([discard.waitFor(), choice.waitFor()]);
  if (await discard.count()) await discard.click();
  await choice.click();
  await poll(() => page.locator(".ProseMirror article").count()).toBeGreaterThan(0);
}

async function appendToFirstTitle(page: Page, text: string) {
  await place(page, ".ProseMirror article:nth-of-type(1) h2.item-title");
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

const onDisk = (name: string) => readFileSync(join(h.workspace, name), "utf8");

describe("two editors on one file", () => {
  it(
    "refuses the second tab's save with the conflict dialog, shows what changed, and saves it as a copy",
    { timeout: 120_000 },
    async () => {
      writeFileSync(
        join(h.workspace, "delad.protokoll"),
        serialize(socialnamnd.create({ date: "2020-08-25" })),
      );
      await openInTab(tabA, "delad.protokoll");
      await openInTab(tabB, "delad.protokoll");

      await appendToFirstTitle(tabA, " (flik A)");
      await menu(tabA, "Arkiv", "file.save");
      await poll(() => onDisk("delad.protokoll")).toContain("(flik A)");

      await appendToFirstTitle(tabB, " (flik B)");
      await menu(tabB, "Arkiv", "file.save");
      const dialog = tabB.locator("#conflict-dialog");
      await dialog.waitFor();
      expect(await dialog.innerText()).toMatch(/har ändrats sedan du öppnade den/);
      await tabB.screenshot({ path: "test-output/conflict-dialog.png" });
      // The file still has A's edit and not B's.
      expect(onDisk("delad.protokoll")).toContain("(flik A)");
      expect(onDisk("delad.protokoll")).not.toContain("(flik B)");

      await dialog.locator("button", { hasText: "Visa ändringar" }).click();
      const diff = tabB.locator("#conflict-diff-dialog");
      await diff.waitFor();
      expect(await diff.locator("ins").allInnerTexts()).toEqual(
        expect.arrayContaining([expect.stringContaining("A")]),
      );
      expect(await diff.innerText()).toMatch(/§ 1 .*ändrad/);
      await tabB.screenshot({ path: "test-output/conflict-changes.png" });
      await diff.locator("button.primary").click();

      await tabB.locator("#conflict-dialog button.primary", { hasText: "Spara som kopia" }).click();
      const name = tabB.locator("#save-name");
      await name.waitFor();
      expect(await name.inputValue()).toBe("delad (kopia).protokoll");
      await tabB.locator("dialog button.primary", { hasText: "Spara" }).click();
      await poll(() => {
        try {
          return onDisk("delad (kopia).protokoll");
        } catch {
          return "";
        }
      }).toContain("(flik B)");
      expect(onDisk("delad.protokoll")).toContain("(flik A)");
      expect(onDisk("delad (kopia).protokoll")).not.toContain("(flik A)");
    },
  );

  it(
    "does not overwrite what the command line wrote meanwhile, and reloads it on request",
    { timeout: 120_000 },
    async () => {
      await appendToFirstTitle(tabA, " igen");
      // Meanwhile a colleague imports last month's protocol over the file with the CLI.
      const source = join(h.workspace, "import-kalla.txt");
      writeFileSync(source, NAMND);
      const cli = await runCapturing([
        "import",
        source,
        "-o",
        join(h.workspace, "delad.protokoll"),
        "--force",
      ]);
      expect(cli.code).toBe(0);
      const written = onDisk("delad.protokoll");

      await menu(tabA, "Arkiv", "file.save");
      const dialog = tabA.locator("#conflict-dialog");
      await dialog.waitFor();
      expect(onDisk("delad.protokoll")).toBe(written);
      await dialog.locator("button", { hasText: "Ladda om filen" }).click();
      await tabA.locator("dialog button.primary", { hasText: "Ladda om" }).click();
      await poll(() => tabA.locator(".ProseMirror").innerText()).not.toContain("(flik A) igen");
      const imported = parse(written);
      if (!imported.ok) throw new Error("the CLI's file does not parse");
      await poll(() =>
        tabA.locator(".ProseMirror article:nth-of-type(1) h2.item-title").innerText(),
      ).toBe(imported.file.doc.firstChild!.firstChild!.textContent);
      expect(onDisk("delad.protokoll")).toBe(written);
      // And from the reloaded revision a save goes through.
      await appendToFirstTitle(tabA, " efter omladdning");
      await menu(tabA, "Arkiv", "file.save");
      await poll(() => onDisk("delad.protokoll")).toContain("efter omladdning");
      expect(h.errors).toEqual([]);
    },
  );
});
