/**
 * Tables end to end in Chromium: one inserted with the keyboard and the Tabell menu (header row,
 * merged cells), one from `//tabell`, and tables pasted from Word, Excel and LibreOffice (their
 * HTML on the clipboard, as those programs put it there) — saved, and exported to DOCX (Word
 * tables read back from the XML) and PDF (text and the tagged cells' spans read back).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "../schemas/file.js";
import { menu, place, poll } from "./actions.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let page: Page;
const outDir =
  process.env.PROTOKOLL_SCREENSHOTS === "docs" ? "docs/images" : "test-output/screenshots";

beforeAll(async () => {
  h = await startHarness();
  page = h.page;
  mkdirSync(outDir, { recursive: true });
});
afterAll(async () => {
  await h?.close();
});

/** What Word (Microsoft 365, Windows) puts on the clipboard as text/html for a copied table. */
const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15"><meta name=Originator content="Microsoft Word 15">
<style><!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal {mso-style-unhide:no; mso-style-qformat:yes; margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif; mso-fareast-language:EN-US;}
 table.MsoTableGrid {mso-style-name:"Table Grid"; mso-tstyle-rowband-size:0; border:solid windowtext 1.0pt; mso-padding-alt:0cm 5.4pt 0cm 5.4pt;}
--></style></head>
<body lang=SV style='tab-interval:65.2pt;word-wrap:break-word'>
<!--StartFragment-->
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=151 valign=top style='width:113.25pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b><span style='mso-ansi-language:SV'>Verksamhet<o:p></o:p></span></b></p>
  </td>
  <td width=302 colspan=2 valign=top style='width:226.5pt;border:solid windowtext 1.0pt;border-left:none;mso-border-left-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'><b><span style='mso-ansi-language:SV'>Kostnad (tkr)<o:p></o:p></span></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=151 rowspan=2 valign=top style='width:113.25pt;border:solid windowtext 1.0pt;border-top:none;mso-border-top-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span style='mso-ansi-language:SV'>Förskola<o:p></o:p></span></p>
  </td>
  <td width=151 valign=top style='width:113.25pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span style='mso-ansi-language:SV'>2025<o:p></o:p></span></p>
  </td>
  <td width=151 valign=top style='width:113.25pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal align=right style='text-align:right'><span style='mso-ansi-language:SV'>12<span style='mso-spacerun:yes'> </span>400<o:p></o:p></span></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
  <td width=151 valign=top style='width:113.25pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span style='mso-ansi-language:SV'>2026<o:p></o:p></span></p>
  </td>
  <td width=151 valign=top style='width:113.25pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal align=right style='text-align:right'><span style='mso-ansi-language:SV'>13<span style='mso-spacerun:yes'> </span>150<o:p></o:p></span></p>
  </td>
 </tr>
</table>
<!--EndFragment-->
</body>
</html>`;
const WORD_TEXT = "Verksamhet\tKostnad (tkr)\r\nFörskola\t2025\t12 400\r\n2026\t13 150\r\n";

/** Excel's text/html for two columns of three rows. */
const EXCEL_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Excel.Sheet><meta name=Generator content="Microsoft Excel 15">
<style><!--table {mso-displayed-decimal-separator:"\\,"; mso-displayed-thousand-separator:" ";} .xl65 {font-weight:700;} --></style></head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=192 style='border-collapse:collapse;width:144pt'>
<!--StartFragment-->
 <col width=64 style='width:48pt'>
 <col width=128 style='width:96pt'>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl65 width=64 style='height:15.0pt;width:48pt'>År</td>
  <td class=xl65 width=128 style='width:96pt'>Investering (tkr)</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 align=right style='height:15.0pt'>2025</td>
  <td align=right>3 200</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 align=right style='height:15.0pt'>2026</td>
  <td align=right>4 100</td>
 </tr>
<!--EndFragment-->
</table>
</body>
</html>`;

/** LibreOffice Writer's text/html: a table with a repeated heading row (thead, th). */
const LIBREOFFICE_HTML = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title><meta name="generator" content="LibreOffice 7.6.4.1 (Linux)"/>
<style type="text/css">@page { size: 21cm 29.7cm; margin: 2cm } p { line-height: 115%; margin-bottom: 0.25cm; background: transparent } td p { orphans: 0; widows: 0; background: transparent }</style></head>
<body lang="sv-SE" link="#000080" vlink="#800000" dir="ltr"><table width="100%" cellpadding="4" cellspacing="0">
	<col width="128*"/><col width="128*"/>
	<thead><tr valign="top">
		<th width="50%" style="border-top: 1px solid #000000; border-bottom: 1px solid #000000; border-left: 1px solid #000000; border-right: none; padding: 0.1cm"><p>Remissinstans</p></th>
		<th width="50%" style="border: 1px solid #000000; padding: 0.1cm"><p>Svar senast</p></th>
	</tr></thead>
	<tbody><tr valign="top">
		<td width="50%" style="border-top: none; border-bottom: 1px solid #000000; border-left: 1px solid #000000; border-right: none; padding: 0.1cm"><p>Stadsbyggnadsnämnden</p></td>
		<td width="50%" style="border-top: none; border-bottom: 1px solid #000000; border-left: 1px solid #000000; border-right: 1px solid #000000; padding: 0.1cm"><p>30 september</p></td>
	</tr></tbody>
</table><p style="line-height: 100%; margin-bottom: 0cm"><br/></p></body></html>`;

/** Paste as the browser does when those programs put their clipboard in it. */
async function paste(html: string, text: string) {
  await page.evaluate(
    ([html, text]) => {
      const data = new DataTransfer();
      data.setData("text/html", html!);
      data.setData("text/plain", text!);
      document
        .querySelector(".ProseMirror")!
        .dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
        );
    },
    [html, text],
  );
}

const tables = () => page.locator(".ProseMirror table");
const cellTexts = (i: number) => tables().nth(i).locator("td, th").allInnerTexts();

describe("tables in the editor", () => {
  it("inserts a table from the keyboard, fills it with Tab and gives it a header row", async () => {
    await menu(page, "Arkiv", "file.new");
    await page.fill("#new-date", "2025-03-18");
    await page.click("dialog button.primary");
    await poll(() => page.locator("#outline .outline-entry").count()).toBe(2);
    await place(page, ".ProseMirror article:nth-of-type(2) h2.item-title");
    await page.keyboard.press("End");
    await page.keyboard.press("Control+Enter");
    await page.keyboard.type("Budget för förskolan");
    await page.keyboard.press("Control+Alt+a");
    await page.keyboard.type("Förvaltningen har redovisat budgeten:");
    await page.keyboard.press("Control+Alt+g");
    await poll(() => tables().count()).toBe(1);
    for (const [i, text] of [
      "Post",
      "2025",
      "2026",
      "Drift",
      "1 200",
      "1 450",
      "Investering",
      "300",
      "350",
    ].entries()) {
      if (i > 0) await page.keyboard.press("Tab");
      await page.keyboard.type(text);
    }
    expect(await tables().first().locator("th").allInnerTexts()).toEqual(["Post", "2025", "2026"]);
    expect(await cellTexts(0)).toEqual([
      "Post",
      "2025",
      "2026",
      "Drift",
      "1 200",
      "1 450",
      "Investering",
      "300",
      "350",
    ]);
  });

  it("adds a row and merges cells from the Tabell menu", async () => {
    await menu(page, "Tabell", "table.addRowAfter");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Summa");
    await poll(() => tables().first().locator("tr").count()).toBe(4);
    // Merge the last row's second and third cells: select them with Shift+arrows, then the menu.
    await page.keyboard.press("Tab");
    await page.keyboard.type("3 300");
    await page.keyboard.press("Shift+ArrowRight");
    await poll(() => page.locator(".ProseMirror .selectedCell").count()).toBe(2);
    await menu(page, "Tabell", "table.mergeCells");
    await poll(() => tables().first().locator("td[colspan='2']").count()).toBe(1);
    expect(await tables().first().locator("td[colspan='2']").innerText()).toBe("3 300");
    await page.locator(".ProseMirror").screenshot({ path: join(outDir, "editor-table.png") });
  });

  it("inserts a table with //tabell", async () => {
    await place(page, ".ProseMirror article:nth-of-type(3) section[data-block=background] > p");
    await page.keyboard.press("End");
    await page.keyboard.press("Control+Alt+n");
    await page.keyboard.type("//tabell");
    await page.locator("#quick-insert [aria-selected=true]").waitFor();
    expect(await page.locator("#quick-insert [aria-selected=true] .label").innerText()).toBe(
      "Tabell",
    );
    await page.keyboard.press("Enter");
    await poll(() => tables().count()).toBe(2);
    expect(
      await page.locator(".ProseMirror section[data-block=protocol_note]").innerText(),
    ).not.toContain("//tabell");
    await page.keyboard.type("Anteckning");
    expect((await cellTexts(1))[0]).toBe("Anteckning");
  });

  it("keeps the tables pasted from Word, Excel and LibreOffice", async () => {
    await place(page, ".ProseMirror article:nth-of-type(3) section[data-block=background] > p");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await paste(WORD_HTML, WORD_TEXT);
    await poll(() => tables().count()).toBe(3);
    // Pasted right after the first paragraph: before the table typed earlier.
    const word = tables().nth(0);
    expect(await word.locator("td, th").allInnerTexts()).toEqual([
      "Verksamhet",
      "Kostnad (tkr)",
      "Förskola",
      "2025",
      "12 400",
      "2026",
      "13 150",
    ]);
    expect(await word.locator("[colspan='2']").innerText()).toBe("Kostnad (tkr)");
    expect(await word.locator("[rowspan='2']").innerText()).toBe("Förskola");
    // Word's bold survives; its styles, spans and <o:p> do not.
    expect(await word.locator("strong").first().innerText()).toBe("Verksamhet");
    expect(await word.innerHTML()).not.toMatch(/mso-|<o:p|class="Mso/);

    await place(page, ".ProseMirror article:nth-of-type(3) section[data-block=background] > p");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await paste(EXCEL_HTML, "År\tInvestering (tkr)\r\n2025\t3 200\r\n2026\t4 100\r\n");
    await poll(() => tables().count()).toBe(4);
    expect(await tables().nth(0).locator("td").allInnerTexts()).toEqual([
      "År",
      "Investering (tkr)",
      "2025",
      "3 200",
      "2026",
      "4 100",
    ]);

    await place(page, ".ProseMirror article:nth-of-type(3) section[data-block=background] > p");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await paste(
      LIBREOFFICE_HTML,
      "Remissinstans\tSvar senast\nStadsbyggnadsnämnden\t30 september\n",
    );
    await poll(() => tables().count()).toBe(5);
    const lo = tables().nth(0);
    expect(await lo.locator("th").allInnerTexts()).toEqual(["Remissinstans", "Svar senast"]);
    expect(await lo.locator("td").allInnerTexts()).toEqual([
      "Stadsbyggnadsnämnden",
      "30 september",
    ]);
    expect(h.errors).toEqual([]);
  });

  it("saves the tables with their header rows and merged cells", async () => {
    await page.keyboard.press("Control+s");
    await page.fill("#save-name", "tabeller");
    await page.keyboard.press("Enter");
    await poll(() => page.locator("#status-doc").innerText()).toBe("tabeller.protokoll");
    const parsed = parse(readFileSync(join(h.workspace, "tabeller.protokoll"), "utf8"));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const found: import("prosemirror-model").Node[] = [];
    parsed.file.doc.descendants((n) => {
      if (n.type.name === "table") found.push(n);
      return n.type.name !== "table";
    });
    expect(found).toHaveLength(5);
    const byText = (s: string) => found.find((t) => t.textContent.includes(s))!;
    const typed = byText("Drift");
    expect(typed.child(3).child(0).textContent).toBe("Summa");
    expect(typed.child(0).child(0).type.name).toBe("table_header");
    expect(typed.child(3).child(1).attrs.colspan).toBe(2);
    const word = byText("Verksamhet");
    expect(word.child(0).child(1).attrs.colspan).toBe(2);
    expect(word.child(1).child(0).attrs.rowspan).toBe(2);
    expect(byText("Remissinstans").child(0).child(0).type.name).toBe("table_header");
  });

  it("exports the tables as Word tables and as tagged PDF tables", async () => {
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
    const xml = await (
      await JSZip.loadAsync(readFileSync(docxPath))
    )
      .file("word/document.xml")!
      .async("string");
    const wordTables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const table = (s: string) => wordTables.find((t) => t.includes(s)) ?? "";
    const typed = table("Drift");
    expect(typed).toMatch(/<w:tblHeader\/>[\s\S]*Post/);
    expect(typed).toMatch(/<w:gridSpan w:val="2"\/>[\s\S]*3 300/);
    const word = table("Verksamhet");
    expect(word).toMatch(/<w:gridSpan w:val="2"\/>[\s\S]*Kostnad \(tkr\)/);
    expect(word).toMatch(/<w:vMerge w:val="restart"\/>[\s\S]*Förskola/);
    expect(word).toContain("<w:vMerge/>");
    expect(table("Remissinstans")).toContain("<w:tblHeader/>");
    expect(table("Stadsbyggnadsnämnden")).toContain("30 september");

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
    const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
    for (const s of [
      "Verksamhet",
      "Kostnad (tkr)",
      "Förskola",
      "12 400",
      "13 150",
      "Investering (tkr)",
      "Remissinstans",
      "3 300",
    ])
      expect(text).toContain(s);
    const raw = readFileSync(pdfPath).toString("latin1");
    // Structure elements are uncompressed objects: the merged cells carry their spans.
    expect(raw.match(/\/ColSpan 2/g)?.length).toBe(2);
    expect(raw.match(/\/RowSpan 2/g)?.length).toBe(1);
    expect(raw).toMatch(/\/S \/TH\n[\s\S]{0,200}\/Scope \/Column/);
    expect(h.errors).toEqual([]);
  });
});
