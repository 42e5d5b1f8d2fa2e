/**
 * Bilagor end to end in Chromium through the web host: attach two files in the Bilagor panel (one
 * for a §, one for the whole protocol), insert references from the Infoga menu and with
 * `//bilaga`, save — the files are in bilagor/ beside the document and the saved document lists
 * them — export, and find the list in the PDF and the files beside it; a changed file is then a
 * problem in the Problem panel.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as b from "../schemas/build.js";
import { parse, serialize } from "../schemas/file.js";
import { sha256Bytes } from "../schemas/review/sha256.js";
import { protocolFile } from "../schemas/rules/testBuilder.testkit.js";
import { menu, place, poll } from "./actions.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let page: Page;
const shots =
  process.env.PROTOKOLL_SCREENSHOTS === "docs" ? "docs/images" : "test-output/screenshots";
const VOTES = Buffer.from("%PDF-1.4 voteringslista (ett dokument från en annan källa)");
const ATTENDANCE = Buffer.from("Närvarolista\nLedamot A\nLedamot B\n");

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  mkdirSync(shots, { recursive: true });
  const file = protocolFile([
    b.item(
      { id: "p1", title: "Val av justerare" },
      b.decision("Eva Exempel utses att justera protokollet."),
    ),
    b.item(
      { id: "p2", title: "Motion om parkbänkar" },
      b.decision("Motionen avslås."),
      b.background("Ärendet avgjordes efter omröstning."),
    ),
  ]);
  writeFileSync(join(h.workspace, "nämnd.protokoll"), serialize(file));
  await menu(page, "Arkiv", "file.open");
  const discard = page.locator("dialog button.primary", { hasText: "Fortsätt utan att spara" });
  const choice = page.locator('.file-choice[data-path="nämnd.protokoll"]');
  await Promise.race([discard.waitFor(), choice.waitFor()]);
  if (await discard.count()) await discard.click();
  await choice.click();
  await page.locator("#outline .outline-entry").nth(1).waitFor();
});
afterAll(async () => {
  await h?.close();
});

const background = '.ProseMirror article[data-item="p2"] section[data-block=background] > p';

async function attach(title: string, belongsTo: string, file: { name: string; buffer: Buffer }) {
  await page.click("#attachment-add");
  await page.locator("#attachment-new-title").waitFor();
  await page.fill("#attachment-new-title", title);
  await page.selectOption("#attachment-new-item", belongsTo);
  await page.setInputFiles("#attachment-file", {
    name: file.name,
    mimeType: "application/octet-stream",
    buffer: file.buffer,
  });
  await page.click("dialog button.primary");
  await page.locator("dialog").waitFor({ state: "detached" });
}

describe("bilagor in the editor", { timeout: 180_000 }, () => {
  it("attaches files, refers to them, saves them beside the document and exports them", async () => {
    await place(page, background);
    await menu(page, "Granska", "attachments.panel");
    // For the § under the cursor (the dialog chooses it), then one for the whole protocol.
    await attach("Voteringslista", "p2", { name: "votering.pdf", buffer: VOTES });
    await poll(() => page.locator("#attachment-list .attachment-label").allInnerTexts()).toEqual([
      "Bilaga 1 – Voteringslista",
    ]);
    await attach("Närvarolista", "", { name: "närvaro.txt", buffer: ATTENDANCE });
    // The whole protocol's bilagor come first: the voteringslista is renumbered.
    await poll(() => page.locator("#attachment-list .attachment-label").allInnerTexts()).toEqual([
      "Bilaga 1 – Närvarolista",
      "Bilaga 2 – Voteringslista",
    ]);
    expect(await page.locator("#attachment-list .attachment-meta").allInnerTexts()).toEqual([
      "Hela protokollet · bilagor/närvaro.txt",
      "§ 2 · bilagor/votering.pdf",
    ]);

    // A reference from the Infoga menu, with the title…
    await place(page, background);
    await page.keyboard.press("End");
    await page.keyboard.type(" Se ");
    await menu(page, "Infoga", "insert.attachmentRef");
    await page.locator("#attachment-ref-target").waitFor();
    await page.selectOption("#attachment-ref-target", { label: "Bilaga 2 – Voteringslista" });
    await page.check("#attachment-ref-title");
    await page.click("dialog button.primary");
    await poll(() => page.locator(`${background} .attachment-ref`).allInnerTexts()).toEqual([
      "Bilaga 2 – Voteringslista",
    ]);
    // …and one with //bilaga.
    await page.keyboard.type(" och ");
    await page.keyboard.type("//bilaga1");
    await page.locator("#quick-insert [aria-selected=true]").waitFor();
    expect(await page.locator("#quick-insert [aria-selected=true] .label").innerText()).toBe(
      "Hänvisning till bilaga 1",
    );
    await page.keyboard.press("Enter");
    await page.keyboard.type(".");
    await poll(() => page.locator(background).innerText()).toBe(
      "Ärendet avgjordes efter omröstning. Se Bilaga 2 – Voteringslista och bilaga 1.",
    );

    await page.evaluate(() =>
      document.querySelectorAll("#toasts .toast").forEach((t) => t.remove()),
    );
    await page.screenshot({ path: join(shots, "bilagor.png") });

    await page.keyboard.press("Control+s");
    await poll(() => page.locator("#status-doc").innerText()).toBe("nämnd.protokoll");
    // The files are copies in bilagor/ beside the document; the document names them only by that path.
    expect(readFileSync(join(h.workspace, "bilagor", "votering.pdf"))).toEqual(VOTES);
    expect(readFileSync(join(h.workspace, "bilagor", "närvaro.txt"))).toEqual(ATTENDANCE);
    const saved = parse(readFileSync(join(h.workspace, "nämnd.protokoll"), "utf8"));
    if (!saved.ok) throw new Error("the saved file is not well-formed");
    expect(
      saved.file.meta.attachments?.map(({ title, file, item, sha256 }) => ({
        title,
        file,
        item,
        sha256,
      })),
    ).toEqual([
      {
        title: "Voteringslista",
        file: "bilagor/votering.pdf",
        item: "p2",
        sha256: sha256Bytes(VOTES),
      },
      {
        title: "Närvarolista",
        file: "bilagor/närvaro.txt",
        item: undefined,
        sha256: sha256Bytes(ATTENDANCE),
      },
    ]);
    const refs: unknown[] = [];
    saved.file.doc.descendants(
      (n) => void (n.type.name === "attachment_ref" && refs.push(n.attrs.withTitle)),
    );
    expect(refs).toEqual([true, false]);

    // Export (a draft: the protocol is not justerat): the list in the PDF, the files beside it.
    await menu(page, "Arkiv", "export.pdf");
    await page.locator("#export-format").waitFor();
    await page.click("dialog button.primary");
    await poll(() => page.locator("#last-export").innerText(), { timeout: 60_000 }).toMatch(
      /\.pdf$/,
    );
    const pdfName = (await page.locator("#last-export").innerText()).replace(
      "Senaste export: ",
      "",
    );
    const beside = join(h.workspace, pdfName.replace(/\.pdf$/, "-bilagor"));
    expect(readFileSync(join(beside, "Bilaga 2 – Voteringslista.pdf"))).toEqual(VOTES);
    expect(readFileSync(join(beside, "Bilaga 1 – Närvarolista.txt"))).toEqual(ATTENDANCE);
    const text = execFileSync("pdftotext", ["-layout", join(h.workspace, pdfName), "-"], {
      encoding: "utf8",
    });
    expect(text.replace(/\s+/g, " ")).toContain("Se Bilaga 2 – Voteringslista och bilaga 1.");
    expect(text).toMatch(/^\s*Bilaga 1\s+Närvarolista\s+Hela protokollet\s*$/m);
    // pdftotext may drop the narrow space after "§".
    expect(text).toMatch(/^\s*Bilaga 2\s+Voteringslista\s+§\s*2\s*$/m);
    expect(h.errors).toEqual([]);
  });

  it("shows a file changed after it was attached, in the panel and as a problem, and the export refuses", async () => {
    writeFileSync(join(h.workspace, "bilagor", "votering.pdf"), "ändrad efteråt");
    // Reopen: the host looks at the files when a document is loaded.
    await menu(page, "Arkiv", "file.open");
    await page.click('.file-choice[data-path="nämnd.protokoll"]');
    await poll(() => page.locator("#attachment-list .attachment-status").allInnerTexts()).toEqual([
      " · Filen har ändrats",
    ]);
    await menu(page, "Granska", "review.problems");
    await poll(() => page.locator("#panel-problems").innerText()).toContain(
      "Filen till bilaga 2 (”Voteringslista”) har ändrats sedan den bifogades",
    );
    await menu(page, "Arkiv", "export.pdf");
    await page.locator("#export-format").waitFor();
    await page.click("dialog button.primary");
    await page.locator("#error-dialog").waitFor();
    expect(await page.locator("#error-dialog").innerText()).toContain(
      "Exporten gjordes inte. Filen till bilaga 2 (”Voteringslista”) har ändrats sedan den bifogades",
    );
    await page.click("#error-dialog button.primary");
  });

  it("renaming a bilaga renames the references that show its title; moving its § changes the § it is listed under", async () => {
    await menu(page, "Granska", "attachments.panel");
    await page.click("#attachment-list [data-attachment] >> nth=1 >> [data-action=edit]");
    await page.fill("#attachment-title", "Voteringslista (omröstning 1)");
    await page.click("dialog button.primary");
    await poll(() => page.locator(`${background} .attachment-ref`).allInnerTexts()).toEqual([
      "Bilaga 2 – Voteringslista (omröstning 1)",
      "bilaga 1",
    ]);
    // § 2 first: its bilaga still comes after the whole protocol's, the reference keeps its number.
    await place(page, background);
    await page.keyboard.press("Alt+ArrowUp");
    await poll(() => page.locator("#outline .outline-entry").first().innerText()).toContain(
      "Motion om parkbänkar",
    );
    expect(await page.locator("#attachment-list .attachment-meta").allInnerTexts()).toEqual([
      "Hela protokollet · bilagor/närvaro.txt",
      "§ 1 · bilagor/votering.pdf · Filen har ändrats",
    ]);
  });

  it("removing a bilaga keeps its file and turns a reference to it into a problem", async () => {
    await menu(page, "Granska", "attachments.panel");
    await page.click("#attachment-list [data-attachment] >> nth=0 >> [data-action=remove]");
    await page.click("dialog button.primary");
    await poll(() => page.locator("#attachment-list .attachment-label").allInnerTexts()).toEqual([
      "Bilaga 1 – Voteringslista (omröstning 1)",
    ]);
    expect(existsSync(join(h.workspace, "bilagor", "närvaro.txt"))).toBe(true);
    await poll(() => page.locator(`${background} .attachment-ref`).allInnerTexts()).toEqual([
      "Bilaga 1 – Voteringslista (omröstning 1)",
      "bilaga ?",
    ]);
    await menu(page, "Granska", "review.problems");
    await poll(() => page.locator("#panel-problems").innerText()).toContain(
      "pekar på en bilaga som inte längre finns",
    );
  });
});
