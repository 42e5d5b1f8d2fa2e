/**
 * End to end in Chromium against the web host: paste from Word keeps paragraphs and lists and
 * drops Word's styles; plain text keeps its paragraphs; Klipp ut / Kopiera / Klistra in in the
 * Redigera menu work on the system clipboard.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as b from "../schemas/build.js";
import { createFile, serialize } from "../schemas/file.js";
import { menu, place, poll } from "./actions.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let workspace: string;

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), "protokoll-clipboard-"));
  const doc = b.protocol(
    b.item({ id: "k1", title: "Ärende om klistring" }, b.background("Bakgrundens första stycke.")),
  );
  writeFileSync(
    join(workspace, "k.protokoll"),
    serialize(createFile("protokoll", { body: { name: "Testnämnden" } }, doc)),
  );
  h = await startHarness({ workspace });
  await h.page
    .context()
    .grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.host.url });
});
afterAll(async () => {
  await h?.close();
  rmSync(workspace, { recursive: true, force: true });
});

/** A paste event with these clipboard types, on the editor (as Ctrl+V makes). */
async function paste(data: Record<string, string>) {
  await h.page.evaluate((d) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(d)) dt.setData(type, value);
    document
      .querySelector("#editor .ProseMirror")!
      .dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }),
      );
  }, data);
}
type Win = { protokollApp: { state: { doc: { toJSON(): unknown; textContent: string } } } };
const docJSON = () =>
  h.page.evaluate(() => JSON.stringify((window as unknown as Win).protokollApp.state.doc.toJSON()));
const docText = () =>
  h.page.evaluate(() => (window as unknown as Win).protokollApp.state.doc.textContent);

/** A list as Word 2016 puts it on the clipboard (paragraphs with mso-list and an ignored marker), written for this test. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!-- p.MsoNormal {font-family:Calibri} --></style></head><body lang=SV>
<!--StartFragment--><p class=MsoNormal style='color:#ff0000;font-family:"Comic Sans MS"'>Förvaltningen föreslår följande.</p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Att anta planen.</p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Att ge förvaltningen i uppdrag att följa upp.</p>
<!--EndFragment--></body></html>`;

describe("paste and the clipboard", () => {
  it("keeps a Word list as a numbered list, and drops Word's styles and markers", async () => {
    const page = h.page;
    await menu(page, "Arkiv", "file.open");
    await page.click('.file-choice[data-path="k.protokoll"]');
    await poll(() => page.locator("#outline .outline-entry").count()).toBe(1);
    await place(page, "#editor .ProseMirror p");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await paste({
      "text/html": WORD_HTML,
      "text/plain":
        "Förvaltningen föreslår följande.\n1. Att anta planen.\n2. Att ge förvaltningen i uppdrag att följa upp.",
    });
    await poll(docText).toContain("Att anta planen.");
    const json = await docJSON();
    const list = JSON.parse(json) as unknown;
    const lists: { type: string; content: unknown[] }[] = [];
    const walk = (n: { type: string; content?: unknown[] }) => {
      if (n.type.endsWith("_list")) lists.push(n as never);
      for (const c of n.content ?? []) walk(c as never);
    };
    walk(list as never);
    expect(lists.map((l) => [l.type, l.content.length])).toEqual([["ordered_list", 2]]);
    expect(json).not.toMatch(/mso|Comic|1\.\u00a0|StartFragment/);
    expect(await docText()).not.toMatch(/^1\./m);
  });

  it("keeps the paragraphs of plain text", async () => {
    const before = (await docJSON()).match(/"type":"paragraph"/g)!.length;
    await h.page.keyboard.press("Control+End");
    await paste({ "text/plain": "Första inklistrade stycket.\n\nAndra inklistrade stycket." });
    await poll(docText).toContain("Andra inklistrade stycket.");
    expect((await docJSON()).match(/"type":"paragraph"/g)!.length).toBeGreaterThanOrEqual(
      before + 1,
    );
    expect(await docText()).toContain("Första inklistrade stycket.Andra inklistrade stycket."); // two blocks, no text merged into one line break
  });

  it("copies and pastes from the Redigera menu", async () => {
    const page = h.page;
    // Select the title's text, copy it from the menu, and paste it at the end of the text.
    await place(page, "#editor .ProseMirror h2.item-title");
    await page.keyboard.press("Home");
    await page.keyboard.press("Shift+End");
    await menu(page, "Redigera", "edit.copy");
    await place(page, "#editor .ProseMirror p");
    await page.keyboard.press("End");
    await menu(page, "Redigera", "edit.paste");
    await poll(async () => (await docText()).split("Ärende om klistring").length - 1).toBe(2);
  });

  it("logged no errors in the page", () => {
    expect(h.errors).toEqual([]);
  });
});
