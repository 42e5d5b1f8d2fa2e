/**
 * End to end in Debian's Chromium against the web host: a secretary writes a protocol from the
 * socialnämnd template with the keyboard and the panels, sees a rule error come and go, reorders
 * §§, saves, reopens and exports — and the files on disk are checked.
 * Each test has a page and a document of its own and can run alone or in any order: what it needs
 * first (a protocol, the persons, a § with a vote) it makes itself with the steps below.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "../schemas/file.js";
import { poll, menu, place } from "./actions.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let page: Page;
let errors: string[];
let closePage: (() => Promise<void>) | null = null;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
// A page of its own for every test, in a workspace without the unsaved work of the tests before
// (their autosaves would be offered for recovery).
beforeEach(async () => {
  rmSync(join(h.workspace, ".protokoll", "recovery"), { recursive: true, force: true });
  const fresh = await h.newPage();
  page = fresh.page;
  errors = fresh.errors;
  closePage = fresh.close;
});
afterEach(async () => {
  await closePage?.();
  closePage = null;
});

/** The outline as "§ N\nTitle" per entry (without the error count badge). */
const outlineTexts = () =>
  page
    .locator("#outline .outline-entry")
    .evaluateAll((els) =>
      els.map(
        (e) =>
          `${e.querySelector(".outline-number")!.textContent}\n${e.querySelector(".outline-title")!.textContent}`,
      ),
    );
const tab = (name: string) => page.click(`[role=tab][data-tab=${name}]`);

async function addPerson(name: string, party: string, role: string, serving: boolean) {
  await page.fill("#new-person-name", name);
  await page.fill("#new-person-party", party);
  await page.selectOption("#new-person-role", role);
  if (serving) await page.check("#new-person-serving");
  else await page.uncheck("#new-person-serving");
  await page.click("#add-person");
  await page.locator(`.persons-table input[value="${name}"]`).waitFor();
}

/** Tick a person in the inspector's person list (proposers, reservants). */
async function pick(name: string, on = true) {
  const box = page
    .locator("#panel-inspector .person-row", { hasText: name })
    .locator("input[type=checkbox]")
    .first();
  if (on) await box.check();
  else await box.uncheck();
}

/** Step: a new protocol from the socialnämnd template, dated 2020-08-25 (§ 1 and § 2). */
async function createFromTemplate() {
  await menu(page, "Arkiv", "file.new");
  await page.selectOption("#new-template", "socialnamnd");
  await page.fill("#new-date", "2020-08-25");
  await page.click("dialog button.primary");
  await poll(outlineTexts).toEqual([
    "§ 1\nVal av justerare samt tid och plats för justering",
    "§ 2\nGodkännande av dagordning",
  ]);
  expect(await page.locator(".generated.decision-heading").first().innerText()).toBe(
    "Socialnämndens beslut",
  );
  expect(await page.locator("#status-state").innerText()).toBe("Utkast");
}

/** Step: four persons in the Närvaro panel — three serving, the ersättare David Dahl present only. */
async function recordAttendance() {
  await tab("attendance");
  await addPerson("Anna Andersson", "S", "chair", true);
  await addPerson("Bo Berg", "M", "member", true);
  await addPerson("Cecilia Carlsson", "V", "member", true);
  await addPerson("David Dahl", "L", "substitute", false);
  // The summary follows the § under the cursor.
  await place(page, ".ProseMirror article:nth-of-type(2) h2.item-title");
  await poll(() => page.locator("#serving-list").innerText()).toBe(
    "Anna Andersson (S), Bo Berg (M), Cecilia Carlsson (V)",
  );
}

/** Step: a § 3 "Ny förskola i Hässelby" after § 2, the caret in its title. */
async function addItem() {
  await place(page, ".ProseMirror article:nth-of-type(2) h2.item-title");
  await page.keyboard.press("End");
  await page.keyboard.press("Control+Enter");
  await page.keyboard.type("Ny förskola i Hässelby");
  await poll(outlineTexts).toContain("§ 3\nNy förskola i Hässelby");
}

/** Step: § 3 with a decision of two points, two yrkanden, a vote with the grid and a reservation. */
async function addVotingItem() {
  await addItem();

  await page.keyboard.press("Control+Alt+b");
  await page.keyboard.type("Nämnden godkänner förvaltningens förslag.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Förvaltningen får i uppdrag att bygga förskolan.");
  const points = page.locator(".ProseMirror article:nth-of-type(3) .decision-point");
  await poll(() => points.allInnerTexts()).toEqual([
    "Nämnden godkänner förvaltningens förslag.",
    "Förvaltningen får i uppdrag att bygga förskolan.",
  ]);

  // Yrkande 1: Bo Berg, bifall.
  await page.keyboard.press("Control+Alt+y");
  await tab("inspector");
  await pick("Bo Berg");
  await place(page, ".ProseMirror article:nth-of-type(3) section[data-block=proposal] p");
  // Yrkande 2: Cecilia Carlsson, avslag.
  await page.keyboard.press("Control+Alt+y");
  await pick("Cecilia Carlsson");
  await page.selectOption("#proposal-kind", "avslag");
  const leadIns = page.locator(
    ".ProseMirror article:nth-of-type(3) section[data-block=proposal] .generated",
  );
  await poll(() => leadIns.allInnerTexts()).toEqual([
    "Ledamoten Bo Berg (M) yrkade bifall till förvaltningens förslag till beslut.",
    "Ledamoten Cecilia Carlsson (V) yrkade avslag på förvaltningens förslag till beslut.",
  ]);

  // Omröstning: ja = Bo's yrkande, nej = Cecilia's (the defaults); the grid per serving member.
  await place(
    page,
    ".ProseMirror article:nth-of-type(3) section[data-block=proposal]:nth-of-type(3) p",
  );
  await page.keyboard.press("Control+Alt+o");
  const row = (name: string) => page.locator(".vote-grid tbody tr", { hasText: name });
  await poll(() => page.locator(".vote-grid tbody tr").count()).toBe(3);
  await row("Anna Andersson").locator('input[value="ja"]').check();
  await row("Bo Berg").locator('input[value="ja"]').check();
  await row("Cecilia Carlsson").locator('input[value="nej"]').check();
  await poll(() => page.locator(".vote-totals").innerText()).toMatch(/Summa\s+2\s+1\s+0/);
  await page.click("#vote-result-from-tally");
  expect(await page.inputValue("#vote-result")).toBe("ja");
  if (process.env.PROTOKOLL_SCREENSHOTS === "docs")
    await page.screenshot({ path: "docs/images/editor-vote.png" });
  await expect
    .poll(() => page.locator(".ProseMirror section[data-block=vote] .generated").innerText())
    .toContain("Omröstningen utföll med 2 ja-röster, 1 nej-röst och 0 som avstod.");

  // Reservation by Cecilia, who lost, for her own yrkande.
  await place(page, ".ProseMirror section[data-block=vote] p");
  await page.keyboard.press("Control+Alt+r");
  await pick("Cecilia Carlsson");
  const favouring = await page.locator("#reservation-favouring option").allInnerTexts();
  await page.selectOption("#reservation-favouring", {
    label: favouring.find((l) => l.startsWith("2."))!,
  });
  await expect
    .poll(() => page.locator(".ProseMirror section[data-block=reservation] .generated").innerText())
    .toMatch(/^Ledamoten Cecilia Carlsson \(V\) reserverade sig mot beslutet till förmån för/);
}

/** Step: in § 3's background, "Ärendet behandlades också i § 1." with a reference to the first §. */
async function addBackgroundWithReference() {
  await place(page, ".ProseMirror article:nth-of-type(3) h2.item-title");
  await page.keyboard.press("Control+Alt+a");
  await page.keyboard.type("Ärendet behandlades också i ");
  await page.keyboard.press("Control+Alt+h");
  await page.selectOption("#ref-target", { index: 0 });
  await page.click("dialog button.primary");
  await page.keyboard.type(".");
  await poll(() => page.locator(".ProseMirror .item-ref").first().innerText()).toBe("§ 1");
}

/** Step: save under `name` in the workspace. */
async function saveAs(name: string) {
  await page.keyboard.press("Control+s");
  await page.fill("#save-name", name);
  await page.keyboard.press("Enter");
  await poll(() => page.locator("#status-doc").innerText()).toBe(`${name}.protokoll`);
}

// Each test builds its own document from the start with the steps above, so it may take a minute
// on a busy machine: a generous timeout, as a guard against a hang only.
describe("the editor through the web host", { timeout: 240_000 }, () => {
  it("creates a protocol from the socialnämnd template", async () => {
    await createFromTemplate();
  });

  it("records who attends in the Närvaro panel", async () => {
    await createFromTemplate();
    await recordAttendance();
  });

  it("adds a § with a decision of two points, two yrkanden, a vote with the grid and a reservation", async () => {
    await createFromTemplate();
    await recordAttendance();
    await addVotingItem();
  });

  it("shows a rule error for a reservation by a non-serving ersättare, and it goes away after the fix", async () => {
    await createFromTemplate();
    await recordAttendance();
    await addVotingItem();
    const reservantError = page.locator('#panel-problems .problem[data-rule="reservant-eligible"]');
    await tab("problems");
    await poll(() => reservantError.count()).toBe(0);
    await place(page, ".ProseMirror section[data-block=reservation] p");
    await tab("inspector");
    // David Dahl is present but does not serve: listed, greyed, selectable.
    await pick("David Dahl");
    await tab("problems");
    await poll(() => reservantError.count()).toBe(1);
    expect(await reservantError.innerText()).toContain("David Dahl");
    await poll(() =>
      page
        .locator(
          ".ProseMirror section[data-block=reservation] .has-problem-error, .ProseMirror section[data-block=reservation].has-problem-error, .ProseMirror section[data-block=reservation] .problem-error",
        )
        .count(),
    ).toBeGreaterThan(0);
    // The fix: take David off the reservation (the rule's quick fix where offered, else the inspector).
    const fix = reservantError.locator(".problem-fix");
    if (await fix.count()) await fix.click();
    else {
      await tab("inspector");
      await pick("David Dahl", false);
      await tab("problems");
    }
    await poll(() => reservantError.count()).toBe(0);
    await expect
      .poll(() =>
        page.locator(".ProseMirror section[data-block=reservation] .generated").innerText(),
      )
      .toMatch(/^Ledamoten Cecilia Carlsson \(V\) reserverade/);
  });

  it("reorders §§ from the outline: numbers and a §-reference follow", async () => {
    await createFromTemplate();
    await addItem();
    // A reference to § 1 in the background of § 3.
    await addBackgroundWithReference();
    const ref = page.locator(".ProseMirror .item-ref").first();

    // Keyboard: focus § 1 in the outline and move it down with Alt+↓.
    await page.locator("#outline .outline-entry").first().focus();
    await page.keyboard.press("Alt+ArrowDown");
    await poll(outlineTexts).toEqual([
      "§ 1\nGodkännande av dagordning",
      "§ 2\nVal av justerare samt tid och plats för justering",
      "§ 3\nNy förskola i Hässelby",
    ]);
    await poll(() => ref.innerText()).toBe("§ 2");
    expect(
      await page.locator(".ProseMirror h2.item-title").first().getAttribute("data-number"),
    ).toBe("§ 1");

    // Drag with the mouse: § 3 to the top.
    await page.locator("#outline li").nth(2).dragTo(page.locator("#outline li").nth(0));
    await poll(outlineTexts).toEqual([
      "§ 1\nNy förskola i Hässelby",
      "§ 2\nGodkännande av dagordning",
      "§ 3\nVal av justerare samt tid och plats för justering",
    ]);
    await poll(() => ref.innerText()).toBe("§ 3");
    // Undo puts the drag back.
    await place(page, ".ProseMirror article:nth-of-type(1) h2.item-title");
    await page.keyboard.press("Control+z");
    await poll(outlineTexts).toEqual([
      "§ 1\nGodkännande av dagordning",
      "§ 2\nVal av justerare samt tid och plats för justering",
      "§ 3\nNy förskola i Hässelby",
    ]);
  });

  it("inserts a standard phrase by typing // and a few letters", async () => {
    await createFromTemplate();
    await addItem();
    await addBackgroundWithReference();
    await place(page, ".ProseMirror article:nth-of-type(3) section[data-block=background] p");
    await page.keyboard.press("End");
    await page.keyboard.type(" //tack");
    await page.locator("#quick-insert [role=option]").first().waitFor();
    expect(await page.locator("#quick-insert [aria-selected=true] .label").innerText()).toBe(
      "Tackade för informationen",
    );
    await page.keyboard.press("Enter");
    await poll(() =>
      page
        .locator(".ProseMirror article:nth-of-type(3) section[data-block=background] p")
        .innerText(),
    ).toMatch(/ Nämnden tackade för informationen\.$/);
    expect(await page.locator("#quick-insert").isHidden()).toBe(true);
  });

  it("saves, reopens and finds everything", async () => {
    await createFromTemplate();
    await recordAttendance();
    await addVotingItem();
    await addBackgroundWithReference();
    await saveAs("e2e-möte");
    const path = join(h.workspace, "e2e-möte.protokoll");
    const parsed = parse(readFileSync(path, "utf8"));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { file } = parsed;
    expect(file.meta.persons.map((p) => p.name)).toEqual([
      "Anna Andersson",
      "Bo Berg",
      "Cecilia Carlsson",
      "David Dahl",
    ]);
    const item = file.doc.child(2);
    expect(item.firstChild!.textContent).toBe("Ny förskola i Hässelby");
    const blocks: string[] = [];
    item.forEach((b) => blocks.push(b.type.name));
    expect(blocks).toEqual([
      "item_title",
      "background",
      "decision",
      "proposal",
      "proposal",
      "vote",
      "reservation",
    ]);
    const vote = item.child(5);
    expect((vote.attrs.ballots as { vote: string }[]).map((b) => b.vote)).toEqual([
      "ja",
      "ja",
      "nej",
    ]);
    expect(vote.attrs.result).toBe("ja");
    const cecilia = file.meta.persons.find((p) => p.name === "Cecilia Carlsson")!.id;
    expect(item.child(6).attrs.reservants).toEqual([cecilia]);

    // Start a new document, then open the saved one from the Öppna dialog.
    await menu(page, "Arkiv", "file.new");
    await page.click("dialog button.primary");
    await poll(outlineTexts).toHaveLength(2);
    await menu(page, "Arkiv", "file.open");
    await page.click('.file-choice[data-path="e2e-möte.protokoll"]');
    await poll(outlineTexts).toEqual([
      "§ 1\nVal av justerare samt tid och plats för justering",
      "§ 2\nGodkännande av dagordning",
      "§ 3\nNy förskola i Hässelby",
    ]);
    expect(
      await page.locator(".ProseMirror article:nth-of-type(3) .decision-point").allInnerTexts(),
    ).toHaveLength(2);
    expect(await page.locator(".ProseMirror .item-ref").first().innerText()).toBe("§ 1");
    await place(page, ".ProseMirror section[data-block=vote] p");
    await tab("inspector");
    await poll(() => page.locator(".vote-totals").innerText()).toMatch(/Summa\s+2\s+1\s+0/);
    expect(errors).toEqual([]);
  });

  it("exports DOCX and PDF with the § titles", async () => {
    await createFromTemplate();
    await addItem();
    await saveAs("e2e-export");
    await menu(page, "Arkiv", "export.pdf");
    await page.selectOption("#export-format", "docx");
    await page.click("dialog button.primary");
    await poll(() => page.locator("#last-export").innerText(), { timeout: 30_000 }).toMatch(
      /\.docx$/,
    );
    const docxPath = join(
      h.workspace,
      (await page.locator("#last-export").innerText()).replace("Senaste export: ", ""),
    );
    expect(existsSync(docxPath)).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(docxPath));
    const xml = await zip.file("word/document.xml")!.async("string");
    for (const title of [
      "Godkännande av dagordning",
      "Val av justerare samt tid och plats för justering",
      "Ny förskola i Hässelby",
    ])
      expect(xml).toContain(title);

    await menu(page, "Arkiv", "export.pdf");
    await page.selectOption("#export-format", "pdf");
    await page.click("dialog button.primary");
    await poll(() => page.locator("#last-export").innerText(), { timeout: 60_000 }).toMatch(
      /\.pdf$/,
    );
    const pdfPath = join(
      h.workspace,
      (await page.locator("#last-export").innerText()).replace("Senaste export: ", ""),
    );
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
    for (const title of ["Godkännande av dagordning", "Ny förskola i Hässelby"])
      expect(text).toContain(title);
  });

  it("records jäv: the block names the person and the ledger stops counting them as serving", async () => {
    await createFromTemplate();
    await recordAttendance();
    await addItem();
    await place(page, ".ProseMirror article:nth-of-type(3) h2.item-title");
    await page.keyboard.press("Control+Alt+j");
    await tab("inspector");
    await pick("Bo Berg");
    await page.click("#recusal-to-ledger");
    await poll(() =>
      page
        .locator(".ProseMirror article:nth-of-type(3) section[data-block=recusal] .generated")
        .innerText(),
    ).toBe("Ledamoten Bo Berg (M) anmälde jäv och deltog inte i handläggningen av ärendet.");
    await tab("attendance");
    await poll(() => page.locator("#serving-list").innerText()).toBe(
      "Anna Andersson (S), Cecilia Carlsson (V)",
    );
    expect(await page.locator(".attendance-summary").innerText()).toMatch(/Jäv\s+Bo Berg \(M\)/);
    // Undo takes the ledger change back; Bo serves again.
    await place(page, ".ProseMirror article:nth-of-type(3) h2.item-title");
    await page.keyboard.press("Control+z");
    await poll(() => page.locator("#serving-list").innerText()).toBe(
      "Anna Andersson (S), Bo Berg (M), Cecilia Carlsson (V)",
    );
  });
});
