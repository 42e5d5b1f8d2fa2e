/**
 * End to end in Chromium against the web host: moving a § with Alt+↑ keeps who served in it
 * (the Problem panel says what the move changed, Ctrl+Z takes back both), and Infoga → Sidbrytning
 * ends up in the saved file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as b from "../schemas/build.js";
import { createFile, parse, serialize } from "../schemas/file.js";
import { resolveAttendance } from "../schemas/attendance.js";
import { menu, place, poll } from "./actions.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let workspace: string;
const shots = process.env.PROTOKOLL_SCREENSHOTS === "docs" ? "docs/images" : null;

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), "protokoll-move-"));
  const doc = b.protocol(
    b.item({ id: "a", title: "Första ärendet" }, b.decision("Beslut ett.")),
    b.item({ id: "b", title: "Andra ärendet" }, b.decision("Beslut två.")),
    b.item({ id: "c", title: "Tredje ärendet" }, b.decision("Beslut tre.")),
    b.item({ id: "d", title: "Fjärde ärendet" }, b.decision("Beslut fyra.")),
  );
  const file = createFile(
    "protokoll",
    {
      body: { name: "Testnämnden" },
      meeting: { date: "2026-03-10" },
      persons: [
        { id: "m", name: "Maja Ledamot", party: "S", role: "member" },
        { id: "s", name: "Sven Ersättare", party: "S", role: "substitute" },
      ],
      attendance: [
        { person: "m", status: "serving", from: "a", to: "a" },
        { person: "s", status: "serving", from: "b", to: null, replaces: "m" },
      ],
    },
    doc,
  );
  writeFileSync(join(workspace, "flytt.protokoll"), serialize(file));
  h = await startHarness({ workspace });
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await h?.close();
  rmSync(workspace, { recursive: true, force: true });
});

/** Who served in each § title, from the editor's document and metadata (through the file text). */
async function servingByTitle(): Promise<Record<string, string[]>> {
  const text = await h.page.evaluate(() =>
    (window as unknown as { protokollApp: { serialize(): string } }).protokollApp.serialize(),
  );
  const r = parse(text);
  if (!r.ok) throw new Error("not parsed");
  const att = resolveAttendance(r.file.doc, r.file.meta);
  const out: Record<string, string[]> = {};
  r.file.doc.forEach(
    (n) =>
      void (out[n.firstChild!.textContent] = [
        ...att.byItem.get(n.attrs.id as string)!.serving,
      ].sort()),
  );
  return out;
}

describe("moving a § and a page break", () => {
  it("keeps who served in a § moved with Alt+↑, shows what the move changed, and undoes both", async () => {
    const page = h.page;
    await menu(page, "Arkiv", "file.open");
    await page.click('.file-choice[data-path="flytt.protokoll"]');
    await poll(() => page.locator("#outline .outline-entry").count()).toBe(4);
    const before = await servingByTitle();
    expect(before["Fjärde ärendet"]).toEqual(["s"]);
    await place(page, '#editor .agenda-item[data-item="d"] h2.item-title');
    for (let i = 0; i < 3; i++) await page.keyboard.press("Alt+ArrowUp");
    await poll(() => page.locator("#outline .outline-entry").first().innerText()).toContain(
      "Fjärde ärendet",
    );
    expect(await servingByTitle()).toEqual(before);
    await page.click("[role=tab][data-tab=problems]");
    await poll(() => page.locator("#panel-problems .attendance-moved").innerText()).toContain(
      "Sven Ersättare (S) tjänstgör för Maja Ledamot (S) fortfarande i samma ärenden; efter flyttningen är det § 1 och §§ 3–4.",
    );
    if (shots) await page.screenshot({ path: join(shots, "editor-move-attendance.png") });
    await place(page, '#editor .agenda-item[data-item="d"] h2.item-title'); // back in the text
    await page.keyboard.press("Control+z");
    await poll(() => page.locator("#outline .outline-entry").nth(1).innerText()).toContain(
      "Fjärde ärendet",
    ); // one move back
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await poll(() => page.locator("#outline .outline-entry").last().innerText()).toContain(
      "Fjärde ärendet",
    );
    expect(await servingByTitle()).toEqual(before);
  });

  it("inserts a page break from Infoga → Sidbrytning, shown in the text and kept in the saved file", async () => {
    const page = h.page;
    await place(page, '#editor .agenda-item[data-item="b"] p');
    await menu(page, "Infoga", "insert.pageBreak");
    await poll(() => page.locator("#editor hr.page-break").count()).toBe(1);
    if (shots)
      await page
        .locator('#editor .agenda-item[data-item="b"]')
        .screenshot({ path: join(shots, "editor-page-break.png") });
    await page.keyboard.press("Control+s");
    await poll(() => readFileSync(join(workspace, "flytt.protokoll"), "utf8")).toContain(
      '"type": "page_break"',
    );
  });

  it("logged no errors in the page", () => {
    expect(h.errors).toEqual([]);
  });
});
