import { describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { createFile } from "../../schemas/file.js";
import { isPersonalNumber } from "../../schemas/render/maskPersonalNumbers.js";
import { renderDocument } from "../../schemas/render/renderDocument.js";
import { exportDocument, type ExportOptions } from "./exportDocument.js";
import { writeDocx } from "./writeDocx.js";
import { docxParagraphs, docxParts, readPdf } from "./readBack.testkit.js";
import {
  confidentialProtocol,
  SECRET_TEXT,
  seed002,
  VALID_PERSONAL_NUMBERS,
} from "./testFixtures.testkit.js";

async function exported(file: ReturnType<typeof seed002>, options: ExportOptions) {
  const r = await exportDocument(file, options);
  if (!r.ok) throw new Error(r.error);
  return r;
}

const ITEM_TITLES = seed002().doc.content.content.map((n) => n.firstChild!.textContent);

describe("DOCX export", async () => {
  const r = await exported(seed002(), { format: "docx", output: "full", draft: true });
  const parts = docxParts(r.bytes);
  const body = docxParagraphs(parts["word/document.xml"]!);

  it("makes every § a real Word heading (Heading2), numbered and in order", () => {
    const headings = body.filter((p) => p.style === "Heading2" && p.text.startsWith("§ "));
    expect(headings.map((h) => h.text)).toEqual(ITEM_TITLES.map((t, i) => `§ ${i + 1}  ${t}`));
  });

  it("declares the heading, list and quote styles and the numbering once, and uses them", () => {
    const styles = parts["word/styles.xml"]!;
    for (const id of ["Heading1", "Heading2", "Heading3", "Quote", "Lead", "Meta"])
      expect(styles).toContain(`w:styleId="${id}"`);
    const numbering = parts["word/numbering.xml"]!;
    expect(numbering).toContain('w:val="upperLetter"');
    expect(numbering).toContain('w:val="decimal"');
    // § 11's two decision points and § 15's A–D list are numbered paragraphs
    const numbered = (parts["word/document.xml"]!.match(/<w:numPr>/g) ?? []).length;
    expect(numbered).toBeGreaterThanOrEqual(2 + 4);
    expect(parts["word/document.xml"]).toContain("<w:tbl>");
  });

  it("sets title, creator and language sv-SE in the document properties and the default style", () => {
    const core = parts["docProps/core.xml"]!;
    expect(core).toContain("<dc:title>Protokoll Socialnämnden 2020-08-25</dc:title>");
    expect(core).toContain("<dc:creator>Maria Sekreterare</dc:creator>");
    expect(core).toContain("<dc:language>sv-SE</dc:language>");
    expect(parts["word/styles.xml"]).toMatch(/<w:lang w:val="sv-SE"/);
  });

  it("puts body, Protokoll and date in the header and Justerandes signatur and Sida X av Y in the footer", () => {
    const header = Object.entries(parts).find(([k]) => /^word\/header\d*\.xml$/.test(k))![1];
    const footer = Object.entries(parts).find(([k]) => /^word\/footer\d*\.xml$/.test(k))![1];
    const headerText = docxParagraphs(header)
      .map((p) => p.text)
      .join("|");
    expect(headerText).toContain("Socialnämnden");
    expect(headerText).toContain("Protokoll");
    expect(headerText).toContain("2020-08-25");
    expect(header).toContain("UTKAST");
    expect(footer).toContain("Justerandes signatur");
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it("has the attendance, signatures and ANSLAG/BEVIS", () => {
    const all = body.map((p) => p.text).join("\n");
    for (const s of [
      "Beslutande",
      "Tjänstgörande ersättare",
      "ersätter Mats Larsson (C)",
      "Underskrifter",
      "ANSLAG/BEVIS",
      "Datum då anslaget tas ned",
      "tidigast 23 september 2020",
    ])
      expect(all).toContain(s);
  });

  it("has no watermark when it is not a draft", async () => {
    const rendered = renderDocument(seed002(), { output: "full" });
    if (!rendered.ok) throw new Error(rendered.error);
    const plain = docxParts(await writeDocx(rendered.rendered));
    const header = Object.entries(plain).find(([k]) => /^word\/header\d*\.xml$/.test(k))![1];
    expect(
      docxParagraphs(header)
        .map((p) => p.text)
        .join(""),
    ).toContain("Socialnämnden");
    expect(header).not.toContain("UTKAST");
  });
});

describe("PDF export", async () => {
  const progress: [number, number][] = [];
  const r = await exported(seed002(), {
    format: "pdf",
    output: "full",
    draft: true,
    onProgress: (d, t) => progress.push([d, t]),
  });
  const pdf = await readPdf(r.bytes);

  it("has one outline entry per §, in order", () => {
    expect(pdf.outline).toEqual(ITEM_TITLES.map((t, i) => `§ ${i + 1} ${t}`));
  });

  it("has the title in the metadata", () => {
    expect(pdf.title).toBe("Protokoll Socialnämnden 2020-08-25");
  });

  it("prints the header, Sida X av Y and the UTKAST watermark on every page", () => {
    pdf.pages.forEach((text, i) => {
      expect(text).toContain("UTKAST");
      expect(text).toContain(`Sida ${i + 1} av ${pdf.pages.length}`);
      expect(text).toContain("Socialnämnden");
    });
  });

  it("reports its progress up to the last block, as the DOCX writer does", async () => {
    expect(progress.length).toBeGreaterThan(10);
    const last = progress.at(-1)!;
    expect(last[0]).toBe(last[1]);
    const docx: [number, number][] = [];
    await exported(seed002(), {
      format: "docx",
      output: "full",
      draft: true,
      onProgress: (d, t) => docx.push([d, t]),
    });
    expect(docx.length).toBe(last[1]);
    expect(docx.map(([d]) => d)).toEqual(docx.map((_x, i) => i + 1));
  });

  it("finds the § titles in order in the text", () => {
    const text = pdf.pages.join("\n").replace(/\s+/g, " ");
    let from = 0;
    for (const t of ITEM_TITLES) {
      const at = text.indexOf(t.replace(/\s+/g, " "), from);
      expect(at, t).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
  });
});

describe("public version", () => {
  it.each(["pdf", "docx"] as const)(
    "the %s has no personnummer and no text of the sekretess §",
    async (format) => {
      const r = await exported(confidentialProtocol(), { format, output: "public", draft: true });
      const pdf = format === "pdf" ? await readPdf(r.bytes) : null;
      const parts = format === "docx" ? docxParts(r.bytes) : {};
      // Page text, and for the PDF also the outline and metadata, for the DOCX every part (properties included).
      const text = pdf
        ? [...pdf.pages, ...pdf.outline, pdf.title ?? "", pdf.metadataXml ?? ""].join("\n")
        : [
            ...Object.values(parts).map((x) =>
              docxParagraphs(x)
                .map((p) => p.text)
                .join("\n"),
            ),
            ...Object.values(parts),
          ].join("\n");
      expect(text).not.toContain(SECRET_TEXT);
      expect(text).toContain("OSL 26 kap. 1 §");
      for (const n of VALID_PERSONAL_NUMBERS) expect(text).not.toContain(n);
      expect((text.match(/\d[\d+-]{9,13}\d/g) ?? []).filter(isPersonalNumber)).toEqual([]);
      expect(text).toContain("ÅÅMMDD-XXXX");
      expect(r.fileName).toBe("socialnamnden_2020-08-25_offentlig_UTKAST." + format);
    },
  );
});

describe("export gate", () => {
  const broken = () =>
    createFile(
      "protokoll",
      { body: { name: "Socialnämnden" }, meeting: { date: "2020-08-25" } },
      b.protocol(b.item({ id: "a", title: "" }, b.background("Ingen titel och inget beslut."))),
    );

  it("refuses an official export while the rules report errors, and lists them in Swedish", async () => {
    const r = await exportDocument(broken(), { format: "pdf", output: "full" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^Exporten stoppades: dokumentet har \d+ fel/);
    expect(r.problems!.map((p) => p.rule)).toContain("item-title");
    expect(r.problems!.every((p) => p.severity === "error")).toBe(true);
    expect(r.error).toMatch(/– § 1: /);
  });

  it("lets an official export of a justerat protocol without errors through, without watermark", async () => {
    const r = await exported(seed002(), { format: "pdf", output: "full" });
    expect(r.fileName).toBe("socialnamnden_2020-08-25_protokoll.pdf");
    expect((await readPdf(r.bytes)).pages.some((p) => p.includes("UTKAST"))).toBe(false);
  });

  it("checks only the chosen §§ (and the whole document) for an extract", async () => {
    const file = seed002();
    const broken = createFile(
      "protokoll",
      { ...file.meta, status: "draft", seal: null },
      b.protocol(...file.doc.content.content, b.item({ id: "bad", title: "" }, b.background("x"))),
    );
    // Not justerat, so both are refused for their status (exportGate.test.ts); the rules' errors count only for the chosen §§.
    const good = await exportDocument(broken, { format: "docx", output: "extract", items: ["p5"] });
    expect(!good.ok && good.problems).toEqual([]);
    const r = await exportDocument(broken, { format: "docx", output: "extract", items: ["bad"] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems!.map((p) => p.item)).toContain("bad");
  });

  it("exports the same document as a draft, watermarked", async () => {
    const r = await exported(broken(), { format: "pdf", output: "full", draft: true });
    expect((await readPdf(r.bytes)).pages[0]).toContain("UTKAST");
    expect(r.fileName).toBe("socialnamnden_2020-08-25_protokoll_UTKAST.pdf");
  });
});

describe("outputs and file names", () => {
  it("names an extract after its §§ and refuses an interpellationssvar notice", async () => {
    const r = await exported(seed002(), {
      format: "pdf",
      output: "extract",
      items: ["p5", "p7", "p8", "p9"],
      draft: true,
    });
    expect(r.fileName).toBe("socialnamnden_2020-08-25_utdrag_5_7-9_UTKAST.pdf");
    const pdf = await readPdf(r.bytes);
    expect(pdf.outline).toEqual(
      ITEM_TITLES.filter((_t, i) => [4, 6, 7, 8].includes(i)).map(
        (t, i) => `§ ${[5, 7, 8, 9][i]} ${t}`,
      ),
    );
    expect(pdf.pages.join("\n")).toContain("Utdragsbestyrkande");
    const notice = await exported(seed002(), { format: "docx", output: "notice", draft: true });
    expect(notice.fileName).toBe("socialnamnden_2020-08-25_anslag_UTKAST.docx");
  });

  it("never throws: an unknown § comes back as a message", async () => {
    const r = await exportDocument(seed002(), {
      format: "docx",
      output: "extract",
      items: ["zz"],
      draft: true,
    });
    expect(r).toEqual({ ok: false, error: "Paragrafen finns inte i protokollet: zz" });
  });
});
