/**
 * End to end in Debian's Chromium against the web host: the justering of a protocol in the
 * editor's Justering panel — draft → för justering → a justerare comments and asks for a change →
 * the secretary changes the text → the chair and the justerare approve every § → justera → the
 * editor is read-only (typing changes nothing) → a rättelse is recorded, shown in the text, and
 * `protokoll verify` accepts the saved file. Then a review copy goes out and comes back merged.
 *
 * The renderer is the built one (dist/renderer, built by scripts/test.mjs); PROTOKOLL_RENDERER_DIR
 * points at another build.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, serialize } from "../schemas/file.js";
import JSZip from "jszip";
import mammoth from "mammoth";
import {
  addComment,
  approveItem,
  findTextInItem,
  sendForReview,
  verifySeal,
} from "../schemas/review/index.js";
import { writeReviewCopyDocx } from "../main/review/writeReviewCopyDocx.js";
import { sampleProtocol } from "../schemas/review/sampleProtocol.testkit.js";
import { startHarness, type Harness } from "./harness.js";
import { daysBetween, localIsoDate } from "../schemas/dates.js";
import { statutoryLastDay } from "../schemas/deadlines.js";
import { menu } from "./actions.js";

let h: Harness;
let page: Page;
let workspace: string;

const isoToday = localIsoDate();

/** The secretary's settings folder (signing keys), outside the workspace, as the web host's owner. */
const settings = mkdtempSync(join(tmpdir(), "protokoll-justering-installningar-"));
const PASSPHRASE = "nämndens lösenfras 2020";

beforeAll(async () => {
  process.env.PROTOKOLL_CONFIG_DIR = settings;
  workspace = mkdtempSync(join(tmpdir(), "protokoll-justering-"));
  // The sample protocol (six §§, chair Jon Järvholm, justerare Linda Vall, secretary Sara
  // Karlsson), held today so the deadlines count from today.
  const file = sampleProtocol();
  file.meta.meeting.date = isoToday;
  writeFileSync(join(workspace, "sn.protokoll"), serialize(file));
  h = await startHarness({ workspace, rendererDir: process.env.PROTOKOLL_RENDERER_DIR });
  page = h.page;
});

afterAll(async () => {
  await h?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  rmSync(settings, { recursive: true, force: true });
});

// ---- helpers ----
type Win = {
  protokollApp: {
    state: { doc: { textContent: string; toJSON(): unknown } };
    dirty: boolean;
    editable: boolean;
    path: string | null;
  };
};
const docText = () =>
  page.evaluate(() => (window as unknown as Win).protokollApp.state.doc.textContent);
const docJSON = () =>
  page.evaluate(() => JSON.stringify((window as unknown as Win).protokollApp.state.doc.toJSON()));
const row = (id: string) => page.locator(`#review-items .review-item[data-item="${id}"]`);
/** The §§ the justerare approve one by one (§ 4 is justerad at the meeting). */
const ids = ["p1", "p2", "p3", "p5", "p6"];

async function iAm(name: string) {
  const value = await page
    .locator("#review-identity option", { hasText: name })
    .getAttribute("value");
  await page.selectOption("#review-identity", value!);
}

/** Select a word in the text as a reader does (double-click), and wait until the editor has it. */
async function selectWord(word: string) {
  const target = page.locator("#editor .ProseMirror").getByText(word, { exact: false }).first();
  const box = await target.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(w);
      if (i < 0) continue;
      n.parentElement!.scrollIntoView({ block: "center" });
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, word);
  expect(box, `the word ”${word}” is on the page`).not.toBeNull();
  await page.mouse.dblclick(box!.x, box!.y);
  await page.waitForFunction((w) => {
    const app = (
      window as unknown as {
        protokollApp: {
          state: {
            selection: { from: number; to: number };
            doc: { textBetween(a: number, b: number): string };
          };
        };
      }
    ).protokollApp;
    const { from, to } = app.state.selection;
    return app.state.doc.textBetween(from, to).trim() === w;
  }, word);
}

/** Put the cursor at the end of a text in the editor (a click where it is). */
async function clickAfter(text: string) {
  const box = await page.locator("#editor .ProseMirror").evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(t);
      if (i < 0) continue;
      n.parentElement!.scrollIntoView({ block: "center" });
      const range = document.createRange();
      range.setStart(n, i + t.length - 1);
      range.setEnd(n, i + t.length);
      const r = range.getBoundingClientRect();
      return { x: r.right - 1, y: r.top + r.height / 2 };
    }
    return null;
  }, text);
  expect(box).not.toBeNull();
  await page.mouse.click(box!.x, box!.y);
  await page.keyboard.press("End");
  // ProseMirror reads the new caret from the browser's selectionchange event, after the key returns
  // (in editable text; read-only text has no caret to follow).
  await page.waitForFunction(() => {
    const dom = document.getSelection();
    const app = (
      window as unknown as {
        protokollApp: {
          view: {
            editable: boolean;
            posAtDOM(n: Node, o: number): number;
            state: { selection: { head: number } };
          };
        };
      }
    ).protokollApp;
    if (!app.view.editable) return true;
    return (
      !!dom?.focusNode &&
      app.view.state.selection.head === app.view.posAtDOM(dom.focusNode, dom.focusOffset)
    );
  });
}

async function primary() {
  await page.click("dialog[open] button.primary");
  await page.waitForSelector("dialog[open]", { state: "detached" });
}

const state = () => page.locator("#review-state").innerText();

describe("justering in the editor", () => {
  it("opens the draft and shows its status, approvals and deadlines in the Justering panel", async () => {
    await menu(page, "Arkiv", "file.open");
    await page.click('.file-choice[data-path="sn.protokoll"]');
    await expect.poll(() => page.locator("#outline .outline-entry").count()).toBe(6);
    await page.click("[role=tab][data-tab=review]");
    expect(await state()).toBe("Utkast");
    expect(await page.locator("#status-state").innerText()).toBe("Utkast");
    const deadlines = await page.locator("#review-deadlines li").allInnerTexts();
    expect(deadlines).toHaveLength(3);
    // 14 days from today, moved past a weekend or holiday (lag 1930:173).
    const daysLeft = daysBetween(isoToday, statutoryLastDay(isoToday, 14));
    expect(deadlines[0]).toMatch(
      new RegExp(`^Justering senast .* \\(${daysLeft} dagar kvar\\)\\.$`),
    );
    expect(await page.locator("#review-identity option").allInnerTexts()).toEqual([
      "Sara Karlsson (sekreterare)",
      "Jon Järvholm (ordförande)",
      "Linda Vall (justerare)",
    ]);
  });

  it("justerar § 4 at the meeting (omedelbar justering): marked, and locked while the other §§ stay editable", async () => {
    await row("p4").locator(".review-immediate").click();
    await primary();
    await expect
      .poll(() => page.locator('#outline button[data-item="p4"] .review-mark').innerText())
      .toBe("J");
    expect(await row("p4").locator(".approval.immediate").innerText()).toBe("Justerad vid mötet");
    const before = await docText();
    await clickAfter("godkänner månadsrapporten.");
    await page.keyboard.type(" Ändrat.");
    expect(await docText()).toBe(before);
    expect(await page.locator('#editor .agenda-item[data-item="p4"]').innerText()).not.toContain(
      "Ändrat",
    ); // nor on the screen
    await expect
      .poll(() => page.locator(".toast", { hasText: "omedelbart justerad" }).count())
      .toBeGreaterThan(0);
    await clickAfter("Dagordningen godkänns.");
    await page.keyboard.type(" Ja.");
    await expect.poll(docText).toContain("Dagordningen godkänns. Ja.");
    for (let i = 0; i < 4; i++) await page.keyboard.press("Backspace");
    await expect.poll(docText).toBe(before);
  });

  it("keeps § 4, justerad at the meeting, at its place and number: Alt+↑ on it, or moving § 2 past it, is refused with the reason", async () => {
    const order = () => page.locator("#outline .outline-entry").allInnerTexts();
    const before = await docJSON();
    const outlineBefore = await order();
    // Toasts repeat at most every 3 s (the step before ended on a refusal).
    await page.waitForTimeout(3100);
    await clickAfter("godkänner månadsrapporten.");
    await page.keyboard.press("Alt+ArrowUp");
    await expect
      .poll(() => page.locator(".toast", { hasText: "behåller sitt nummer" }).count())
      .toBeGreaterThan(0);
    expect(await docJSON()).toBe(before);
    expect(await order()).toEqual(outlineBefore);
    // Toasts repeat at most every 3 s: wait so the second refusal shows its own reason.
    await page.waitForTimeout(3100);
    await clickAfter("Dagordningen godkänns.");
    await page.keyboard.press("Alt+ArrowDown"); // § 2 ↔ § 3: allowed, § 4 keeps its number
    await expect.poll(docJSON).not.toBe(before);
    await page.keyboard.press("Alt+ArrowDown"); // § 3 past § 4: refused
    await expect
      .poll(() => page.locator(".toast", { hasText: "§ 4 är omedelbart justerad" }).count())
      .toBeGreaterThan(0);
    await page.keyboard.press("Control+z");
    await expect.poll(docJSON).toBe(before);
  });

  it("finds whole words, and replaces all outside § 4 (justerad at the meeting) in one undo step", async () => {
    const before = await docJSON();
    await clickAfter("Dagordningen godkänns.");
    await page.keyboard.press("Control+h");
    await page.fill("#find-input", "Socialnämnd");
    await expect.poll(() => page.locator(".find-info").innerText()).toBe("2 träffar"); // § 3 and § 5; § 4 skipped
    await page.check("#find-word");
    await expect.poll(() => page.locator(".find-info").innerText()).toBe("0 träffar");
    await page.fill("#find-input", "Socialnämnden");
    await expect.poll(() => page.locator(".find-info").innerText()).toBe("2 träffar");
    await page.uncheck("#find-skip-adjusted");
    await expect.poll(() => page.locator(".find-info").innerText()).toBe("3 träffar");
    await page.check("#find-skip-adjusted");
    await page.fill("#replace-input", "Nämnden");
    if (process.env.PROTOKOLL_SCREENSHOTS === "docs")
      await page.screenshot({ path: "docs/images/editor-find-replace.png" });
    await page.click('.find-bar button:text-is("Ersätt alla")');
    await expect.poll(docText).toContain("Nämnden överlämnar");
    const text = await docText();
    expect(text).toContain("Nämnden godkänner förvaltningens");
    expect(text).toContain("Socialnämnden godkänner månadsrapporten."); // § 4 as justerad
    expect(text.match(/Socialnämnden/g)).toHaveLength(1);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+z"); // one step undoes every replacement
    await expect.poll(docJSON).toBe(before);
  });

  it("sends the protocol for review", async () => {
    await page.click("#review-send");
    await primary();
    await expect.poll(state).toBe("För justering");
    expect(await page.locator("#status-state").innerText()).toBe("För justering");
    expect(await page.title()).toContain("För justering");
    expect(await page.locator("#review-missing li").allInnerTexts()).toEqual([
      "Jon Järvholm har inte godkänt ännu: § 1, § 2, § 3, § 5, § 6",
      "Linda Vall har inte godkänt ännu: § 1, § 2, § 3, § 5, § 6",
    ]);
    expect(await page.locator("#review-adjust").isDisabled()).toBe(true);
  });

  it("lets the chair review read-only: typing changes nothing, a comment is anchored to the selected word", async () => {
    await iAm("Jon Järvholm");
    await page.click("#review-mark-seen"); // the chair reads the whole protocol once
    expect(await page.locator("#editor .ProseMirror").getAttribute("contenteditable")).toBe(
      "false",
    );
    const before = await docJSON();
    await clickAfter("Dagordningen godkänns.");
    await page.keyboard.type("XYZ");
    await page.keyboard.press("Enter");
    expect(await docJSON()).toBe(before);

    await selectWord("ytterstaden");
    await expect
      .poll(() => page.locator("#review-comment-target").innerText())
      .toContain("”ytterstaden”");
    await page.fill("#review-comment-text", "Ska det inte vara innerstaden?");
    await page.click("#review-comment-add");
    const comment = page.locator("#review-comments .review-comment").first();
    await expect.poll(() => comment.innerText()).toContain("Ska det inte vara innerstaden?");
    expect(await comment.locator(".review-comment-where").innerText()).toBe("§ 5 ”ytterstaden”");
    expect(await comment.locator(".review-comment-head strong").innerText()).toBe("Jon Järvholm");
    expect(await page.locator("#editor .review-anchor").innerText()).toBe("ytterstaden");
    expect(await docJSON()).toBe(before);
    // A click on the commented text brings its comment up in the panel.
    await page.click("[role=tab][data-tab=problems]");
    // (a click event only: a real mouse click this soon after the double-click would be a triple-click to ProseMirror)
    await page.locator("#editor .review-anchor").dispatchEvent("click");
    expect(await page.locator("[role=tab][data-tab=review]").getAttribute("aria-selected")).toBe(
      "true",
    );
    expect(
      await page
        .locator("#review-comments .review-comment.active .review-comment-text")
        .innerText(),
    ).toBe("Ska det inte vara innerstaden?");
  });

  it("records the chair's request for a change in § 5, marked in the outline", async () => {
    await row("p5").locator(".review-request").click();
    await page.fill("#request-note", "Skriv vilken del av staden som avses.");
    await primary();
    await expect.poll(() => row("p5").locator(".approval.changes_requested").count()).toBe(1);
    expect(await page.locator('#outline button[data-item="p5"] .review-mark').innerText()).toBe(
      "!",
    );
    expect(await page.locator("#review-missing li").allInnerTexts()).toContain(
      "Jon Järvholm har begärt ändring: § 5",
    );
    // The picture of the panel for the documentation: a tall window, so the comments show too.
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.evaluate(() =>
      document.querySelectorAll("#toasts .toast").forEach((t) => t.remove()),
    );
    await page.locator("#panel-review").evaluate((el) => (el.scrollTop = 0));
    await page.locator("#side").evaluate((el) => (el.scrollTop = 0));
    await page.screenshot({
      path:
        process.env.PROTOKOLL_SCREENSHOTS === "docs"
          ? "docs/images/editor-review.png"
          : "test-output/editor-review.png",
    });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it("lets the secretary change the text, answer and resolve the comment", async () => {
    await iAm("Sara Karlsson");
    expect(await page.locator("#editor .ProseMirror").getAttribute("contenteditable")).toBe("true");
    await clickAfter("Förvaltningen ser positivt på förslaget.");
    await page.keyboard.type(" Med ytterstaden avses Rinkeby och Tensta.");
    await expect.poll(docText).toContain("Med ytterstaden avses Rinkeby och Tensta.");
    const comment = page.locator("#review-comments .review-comment").first();
    await comment.locator(".review-reply-text").fill("Nej, ytterstaden är rätt – förtydligat.");
    await comment.locator(".review-reply-send").click();
    await expect
      .poll(() => comment.locator(".review-replies").innerText())
      .toContain("förtydligat");
    await page
      .locator("#review-comments .review-comment")
      .first()
      .locator(".review-resolve")
      .click();
    await expect.poll(() => page.locator("#review-comments .review-comment").count()).toBe(0);
    await page.check("#review-show-resolved");
    expect(await page.locator("#review-comments .review-comment.resolved").count()).toBe(1);
  });

  it("shows the chair only what changed since the chair last read", async () => {
    await iAm("Jon Järvholm");
    await page.click("#review-show-changes");
    await expect
      .poll(() => page.locator("#review-changes-summary").innerText())
      .toContain("1 paragraf ändrade");
    expect(await page.locator("#review-changes ins").innerText()).toContain(
      "Med ytterstaden avses Rinkeby och Tensta.",
    );
    expect(
      await page.locator("#editor .agenda-item.review-changed, #editor .review-changed").count(),
    ).toBe(1);
    await page.click("#review-show-changes");
  });

  it("refuses justering until the chair and the justerare have approved every §, then justerar", async () => {
    for (const id of ids) await row(id).locator(".review-approve").click();
    await expect
      .poll(() => page.locator('#outline button[data-item="p1"] .review-mark').innerText())
      .toBe("1/2");
    expect(await page.locator("#review-missing li").allInnerTexts()).toEqual([
      "Linda Vall har inte godkänt ännu: § 1, § 2, § 3, § 5, § 6",
    ]);
    expect(await page.locator("#review-adjust").isDisabled()).toBe(true);
    await iAm("Linda Vall");
    for (const id of ids) await row(id).locator(".review-approve").click();
    await expect.poll(() => page.locator("#review-adjust").isDisabled()).toBe(false);
    expect(await page.locator('#outline button[data-item="p5"] .review-mark').innerText()).toBe(
      "✓",
    );
    await page.click("#review-adjust");
    // The sample has no attendance list, a rule error: justering needs a recorded reason (issue 13, item 8).
    const dialog = page.locator("dialog[open]#adjust-dialog");
    await dialog.waitFor();
    expect(await dialog.locator("h2").innerText()).toBe("Justera trots regelfel?");
    expect(await dialog.locator("#adjust-errors li").allInnerTexts()).toEqual([
      expect.stringMatching(/saknar närvaroförteckning/),
    ]);
    await dialog.locator("button.primary", { hasText: "Justera ändå" }).click();
    expect(await dialog.isVisible()).toBe(true); // no reason given: not justerad
    await page.screenshot({ path: "test-output/adjust-despite-errors.png" });
    await page.fill("#adjust-override", "Närvaroförteckningen finns i bilaga 1.");
    await page.screenshot({ path: "test-output/editor-review-adjust-dialog.png" });
    // No key yet: the dialog offers to create one, protected by a passphrase.
    expect(await page.inputValue("#seal-key")).toBe("new");
    expect(await page.inputValue("#seal-key-holder")).toBe("Socialnämnden");
    await page.fill("#seal-passphrase", PASSPHRASE);
    await page.fill("#seal-passphrase-again", "något annat än frasen");
    await page.click("dialog[open] button.primary");
    expect(await page.locator("dialog[open] .dialog-error").innerText()).toBe(
      "Lösenfraserna är inte lika.",
    );
    await page.fill("#seal-passphrase-again", PASSPHRASE);
    await primary();
    await expect.poll(state).toBe("Justerad");
    expect(await page.locator("#review-signature").innerText()).toMatch(
      /^Signerat med nyckel ([0-9a-f]{4} ){7}[0-9a-f]{4} \(Socialnämnden\)\./,
    );
    expect(await page.locator("#status-state").innerText()).toBe("Justerad");
    expect(await page.locator("#review-seal").innerText()).toContain("Sigillet stämmer");
    expect(await page.locator("#editor .review-seal").innerText()).toMatch(
      /sigill \(SHA-256\) [0-9a-f]{64}/,
    );
  });

  it("keeps the justerad protocol read-only for everyone: typing and menu commands change nothing", async () => {
    await iAm("Sara Karlsson");
    expect(await page.locator("#editor .ProseMirror").getAttribute("contenteditable")).toBe(
      "false",
    );
    const before = await docJSON();
    await clickAfter("Dagordningen godkänns.");
    await page.keyboard.type("ändrat i efterhand");
    await page.keyboard.press("Backspace");
    await menu(page, "Infoga", "insert.item");
    await menu(page, "Redigera", "edit.undo");
    expect(await docJSON()).toBe(before);
    expect(await page.locator("#outline .outline-entry").count()).toBe(6);
    // the save of the justerad protocol
    await menu(page, "Arkiv", "file.save");
    await expect
      .poll(() => page.evaluate(() => (window as unknown as Win).protokollApp.dirty))
      .toBe(false);
    const saved = parse(readFileSync(join(workspace, "sn.protokoll"), "utf8"));
    expect(saved.ok && saved.file.meta.status).toBe("adjusted");
    expect(saved.ok && verifySeal(saved.file).ok).toBe(true);
    // The override is recorded in the justering's history entry, under the seal.
    expect(
      saved.ok && saved.file.history.find((e) => e.kind === "adjusted" && e.item === null),
    ).toMatchObject({
      why: "Närvaroförteckningen finns i bilaga 1.",
      what: expect.stringMatching(/trots regelfel/),
    });
  });

  it("records a rättelse: visible under its §, the seal renewed, and protokoll verify accepts the saved file", async () => {
    const oldSeal = (await page.locator("#editor .review-seal").innerText()).match(
      /[0-9a-f]{64}/,
    )![0];
    await page.click("#review-correction");
    await page.fill("#correction-what", "”ytterstaden” ändras till ”innerstaden” i § 5.");
    await page.fill("#correction-why", "Skrivfel.");
    expect(await page.inputValue("#correction-by")).toBe("Sara Karlsson");
    await primary();
    await expect
      .poll(() => page.locator("#editor .ProseMirror").getAttribute("contenteditable"))
      .toBe("true");
    await selectWord("ytterstaden");
    await page.keyboard.type("innerstaden");
    await expect.poll(docText).toContain("hemtjänst i innerstaden");
    await page.click("#review-correction-finish");
    // The renewed seal is signed with the key made at the justering: its passphrase is asked for.
    expect(await page.locator("#seal-key option").first().innerText()).toMatch(/^Socialnämnden – /);
    await page.fill("#seal-passphrase", "fel lösenfras 123");
    await page.click("#sign-dialog button.primary");
    await expect
      .poll(() => page.locator("#error-dialog").innerText())
      .toContain("Fel lösenfras för nyckeln.");
    await primary();
    await page.click("#review-correction-finish");
    await page.fill("#seal-passphrase", PASSPHRASE);
    await primary();
    await expect.poll(() => page.locator("#editor .correction-note").count()).toBe(1);
    const note = page.locator('#editor .agenda-item[data-item="p5"] .correction-note').first();
    expect(await note.innerText()).toMatch(
      /^Rättelse \(§ 5\) den \d+ \w+ \d{4} av Sara Karlsson: ”ytterstaden” ändras till ”innerstaden” i § 5\. Skäl: Skrivfel\.$/,
    );
    expect(await page.locator("#editor .ProseMirror").getAttribute("contenteditable")).toBe(
      "false",
    );
    const newSeal = (await page.locator("#editor .review-seal").innerText()).match(
      /[0-9a-f]{64}/,
    )![0];
    expect(newSeal).not.toBe(oldSeal);
    expect(await page.locator("#review-seal").innerText()).toContain("1 rättelse");
    expect(await page.locator('#outline button[data-item="p5"] .review-mark').innerText()).toBe(
      "R",
    );
    expect(await row("p5").locator(".approval").innerText()).toBe("Rättad");
    await page.evaluate(() =>
      document.querySelectorAll("#toasts .toast").forEach((t) => t.remove()),
    );
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({
      path:
        process.env.PROTOKOLL_SCREENSHOTS === "docs"
          ? "docs/images/editor-review-adjusted.png"
          : "test-output/editor-review-adjusted.png",
    });

    await menu(page, "Arkiv", "file.save");
    await expect
      .poll(() => page.evaluate(() => (window as unknown as Win).protokollApp.dirty))
      .toBe(false);
    const text = readFileSync(join(workspace, "sn.protokoll"), "utf8");
    const saved = parse(text);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const correction = saved.file.history.find((h) => h.kind === "correction")!;
    expect(correction).toMatchObject({ by: "Sara Karlsson", item: "p5", why: "Skrivfel." });
    expect(correction.previousSeal?.sha256).toBe(oldSeal);
    expect(saved.file.meta.seal?.sha256).toBe(newSeal);

    const verify = spawnSync(
      "node",
      ["bin/protokoll.mjs", "verify", join(workspace, "sn.protokoll"), "--today", isoToday],
      { encoding: "utf8" },
    );
    expect(verify.stderr).toBe("");
    expect(verify.status).toBe(0);
    // The key is the secretary's own (in the settings folder), so verify trusts it.
    expect(verify.stdout).toMatch(
      /^OK: the file agrees with its seal, signed by key ([0-9a-f]{4} ){7}[0-9a-f]{4} \(Socialnämnden\)/,
    );
    expect(verify.stdout).toContain("Rättelser / Corrections: 1");

    // …and a byte of the text changed behind the editor's back is caught.
    writeFileSync(
      join(workspace, "tampered.protokoll"),
      text.replace("innerstaden", "ytterstaden"),
    );
    const tampered = spawnSync(
      "node",
      ["bin/protokoll.mjs", "verify", join(workspace, "tampered.protokoll")],
      { encoding: "utf8" },
    );
    expect(tampered.status).toBe(1);
  });

  it("records the anslag with a signed seal, and protokoll verify shows it", async () => {
    await page.click("#review-notice");
    expect(await page.inputValue("#notice-posted")).toBe(isoToday);
    await page.screenshot({ path: "test-output/editor-review-notice-dialog.png" });
    await page.fill("#seal-passphrase", PASSPHRASE);
    await primary();
    await expect
      .poll(() => page.locator("#review-signature").innerText())
      .toMatch(/^Signerat med nyckel/);
    await menu(page, "Arkiv", "file.save");
    await expect
      .poll(() => page.evaluate(() => (window as unknown as Win).protokollApp.dirty))
      .toBe(false);
    const saved = parse(readFileSync(join(workspace, "sn.protokoll"), "utf8"));
    expect(saved.ok && saved.file.meta.notice.posted).toBe(isoToday);
    expect(saved.ok && saved.file.history.at(-1)?.kind).toBe("notice");
    const verify = spawnSync(
      "node",
      ["bin/protokoll.mjs", "verify", join(workspace, "sn.protokoll"), "--require-signature"],
      { encoding: "utf8" },
    );
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/^OK: the file agrees with its seal, signed by key/);
    expect(verify.stdout).toContain("Anslag / Notice:");
  });

  it("sends a review copy out and merges the justerare's comments and approvals back, keeping the secretary's edits", async () => {
    // A new draft in review, from the same sample.
    const draft = sampleProtocol();
    draft.meta.meeting.date = isoToday;
    mkdirSync(join(workspace, "runda2"), { recursive: true });
    writeFileSync(join(workspace, "runda2", "sn2.protokoll"), serialize(draft));
    await menu(page, "Arkiv", "file.open");
    await page.fill("#open-path", "runda2/sn2.protokoll");
    await primary();
    await expect.poll(state).toBe("Utkast");
    await page.click("#review-send");
    await primary();
    await expect.poll(state).toBe("För justering");
    await menu(page, "Granska", "review.saveCopy");
    await page.fill("#copy-name", "runda2/kopia.protokoll");
    await primary();
    await expect
      .poll(() => page.locator(".toast", { hasText: "Granskningskopia sparad" }).count())
      .toBe(1);

    // The justerare works in the copy (here: with the same pure functions the editor uses)…
    const copy = parse(readFileSync(join(workspace, "runda2", "kopia.protokoll"), "utf8"));
    expect(copy.ok).toBe(true);
    if (!copy.ok) return;
    const approved = approveItem(copy.file, "p2", "lv", `${isoToday}T10:00`);
    expect(approved.ok).toBe(true);
    if (!approved.ok) return;
    const commented = addComment(approved.file, {
      item: "p6",
      anchor: null,
      author: "Linda Vall",
      text: "Vilka beslut gäller anmälan?",
      at: `${isoToday}T10:05`,
    });
    expect(commented.ok).toBe(true);
    if (!commented.ok) return;
    writeFileSync(join(workspace, "runda2", "kopia.protokoll"), serialize(commented.file));

    // …while the secretary edits § 3.
    await iAm("Sara Karlsson");
    await clickAfter("föreslår att den avslås.");
    await page.keyboard.type(" Tillägg under granskningen.");
    await expect.poll(docText).toContain("Tillägg under granskningen.");

    await menu(page, "Granska", "review.mergeCopy");
    await page.click('#merge-dialog .file-choice[data-path="runda2/kopia.protokoll"]');
    await page.waitForSelector("#merge-report");
    const report = await page.locator("#merge-report").innerText();
    expect(report).toContain("1 nya kommentarer.");
    expect(report).toContain("§ 2 Linda Vall");
    await primary();
    expect(await docText()).toContain("Tillägg under granskningen.");
    expect(await page.locator("#review-comments .review-comment").first().innerText()).toContain(
      "Vilka beslut gäller anmälan?",
    );
    expect(await row("p2").locator(".approval.approved").count()).toBe(1);
  });

  it("sends a Word copy for a justerare who works in Word and brings the Word comments back", async () => {
    await page.click("#review-save-word");
    const toastText = await page
      .locator(".toast", { hasText: "Word-kopia för granskning sparad" })
      .innerText();
    const name = toastText.match(/sparad: (.+\.docx)/)![1]!;
    const bytes = readFileSync(join(workspace, name));
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    expect(value).toContain("§ 5 Yttrande över remiss om äldreomsorg");
    // The open comment travels as a Word comment.
    expect(
      await (await JSZip.loadAsync(bytes)).file("word/comments.xml")!.async("string"),
    ).toContain("Vilka beslut gäller anmälan?");

    // The justerare's Word file: a new comment on "ytterstaden" in § 5.
    const sent = sampleProtocol();
    sent.meta.meeting.date = isoToday;
    const inReview = sendForReview(sent, "Sara Karlsson", `${isoToday}T09:00`);
    if (!inReview.ok) throw new Error(inReview.error);
    const at = findTextInItem(inReview.file.doc, "p5", "ytterstaden")!;
    let start = 0;
    inReview.file.doc.forEach((n, offset) => {
      if (n.attrs.id === "p5") start = offset + 1;
    });
    const commented = addComment(inReview.file, {
      item: "p5",
      anchor: { from: at.from - start, to: at.to - start },
      author: "Linda Vall",
      text: "Vilka stadsdelar?",
      at: `${isoToday}T11:00`,
    });
    if (!commented.ok) throw new Error(commented.error);
    const docx = join(workspace, "från-word.docx");
    writeFileSync(docx, await writeReviewCopyDocx(commented.file));

    await menu(page, "Granska", "review.mergeWordCopy");
    await page.setInputFiles("#word-review-file", docx);
    await page.click("#word-merge-dialog button.primary");
    await page.waitForSelector("#merge-report");
    expect(await page.locator("#merge-report").innerText()).toContain("1 nya kommentarer.");
    await primary();
    const fromWord = page.locator("#review-comments .review-comment", {
      hasText: "Vilka stadsdelar?",
    });
    expect(await fromWord.locator(".review-comment-where").innerText()).toBe("§ 5 ”ytterstaden”");
    expect(await page.locator("#editor .review-anchor", { hasText: "ytterstaden" }).count()).toBe(
      1,
    );
  });

  it("logged no errors in the page", () => {
    expect(h.errors).toEqual([]);
  });
});
