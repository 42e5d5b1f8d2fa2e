import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  AlignmentType,
  Document,
  Header,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { serialize } from "../../schemas/file.js";
import { importDocument, importText, type ImportResult } from "./importDocument.js";
import { outline } from "./testOutline.testkit.js";
import { fontFolder } from "../export/fonts.js";

const seedsDir = join(import.meta.dirname, "../../seeds");
const seed002 = readFileSync(
  join(
    seedsDir,
    readdirSync(seedsDir).find((n) => n.startsWith("002-") && n.endsWith(".txt"))!,
  ),
  "utf8",
);
const font = join(fontFolder(), "DejaVuSans.ttf");

/** The seed's lines as a PDF would lay them out: text lines, and " " lines as blank space. */
function sourceLines(text: string): string[] {
  // the empty lines are the copy-paste doubling; a line of spaces is a paragraph break
  return text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => (l.trim() === "" ? " " : l.replace(/\s+$/, "")));
}

/** Seed 002 as a real PDF: a running header on every page ("Socialnämnden / Protokoll / date / Sida n"), page breaks mid-paragraph. */
async function pdfOf(text: string): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    autoFirstPage: false,
    info: { Title: "Socialnämnden protokoll 2020-08-25" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  doc.font(font).fontSize(11);
  const lines = sourceLines(text);
  const perPage = 45;
  const pages = Math.ceil(lines.length / perPage) + 1;
  let page = 0;
  let y = 0;
  const newPage = () => {
    doc.addPage();
    page++;
    ["Socialnämnden", "Protokoll", "2020-08-25", `Sida ${page} (${pages})`].forEach((h, k) =>
      doc.text(h, 400, 30 + k * 14, { lineBreak: false }),
    );
    y = 110;
  };
  newPage();
  let onPage = 0;
  for (const line of lines) {
    if (onPage >= perPage || y > 770) {
      newPage();
      onPage = 0;
    }
    if (line.trim() === "")
      y += 14; // a blank line: paragraph space
    else
      doc.text(line.replace(/^\t/, ""), line.startsWith("\t") ? 90 : 50, y, { lineBreak: false });
    y += 14;
    onPage++;
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Seed 002 as a real DOCX: one Word paragraph a line (as when a PDF is converted to Word), a page header, page breaks. */
async function docxOf(text: string): Promise<Uint8Array> {
  const children: Paragraph[] = [];
  sourceLines(text).forEach((line, i) => {
    const run = new TextRun(line.trim() === "" ? "" : line.replace(/^\t/, ""));
    children.push(
      new Paragraph({ children: i > 0 && i % 60 === 0 ? [new PageBreak(), run] : [run] }),
    );
  });
  const doc = new Document({
    sections: [
      {
        headers: {
          default: new Header({
            children: [new Paragraph("Socialnämnden    Protokoll    2020-08-25")],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(r.error);
  return r;
}

/**
 * Where one plain paragraph ends and the next begins is read from the page's geometry in a PDF
 * and guessed from line lengths in text, so runs of plain paragraphs are compared as one; every
 * typed block, title, Dnr, person and date must be the same.
 */
const collapse = (blocks: string[]) =>
  blocks.filter((b, i) => !(b === "paragraph" && blocks[i - 1] === "paragraph"));
const summary = (r: ReturnType<typeof ok>) => ({
  kind: r.file.kind,
  body: r.file.meta.body.name,
  date: r.file.meta.meeting.date,
  chair: r.file.meta.chair,
  adjusters: r.file.meta.adjusters,
  adjustment: r.file.meta.adjustment.date,
  persons: r.file.meta.persons.map((p) => `${p.name} (${p.party})`),
  items: outline(r.file).map((o) => ({ ...o, blocks: collapse(o.blocks) })),
});

describe("a real PDF and a real DOCX of seed 002 import to the same structure as its text", () => {
  const fromText = ok(importText(seed002, "002.txt"));

  it("imports a PDF written with pdfkit (running headers, page breaks) like the text", async () => {
    const pdf = await pdfOf(seed002);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    const fromPdf = ok(await importDocument(pdf, "protokoll.pdf"));
    expect(summary(fromPdf)).toEqual(summary(fromText));
    // and not a word lost or added: the text of all blocks, paragraph boundaries aside
    const words = (r: ReturnType<typeof ok>) => {
      const out: string[] = [];
      r.file.doc.descendants((n) => {
        if (n.isTextblock) out.push(n.textContent);
        return true;
      });
      return out.join(" ").replace(/\s+/g, " ").trim();
    };
    expect(words(fromPdf)).toBe(words(fromText));
    const text = fromPdf.file.doc.textContent;
    expect(text).not.toMatch(/Sida \d+ \(\d+\)/);
    expect(text).not.toContain("HIER");
    expect(text).not.toMatch(/Socialnämnden\s*Protokoll/);
  });

  it("imports a DOCX written with the docx package like the text", async () => {
    const docx = await docxOf(seed002);
    const fromDocx = ok(await importDocument(docx, "protokoll.docx"));
    expect(summary(fromDocx)).toEqual(summary(fromText));
    expect(serialize(fromDocx.file)).toBe(serialize(fromText.file));
  });
});

describe("a PDF whose paragraphs pdfkit wraps itself", () => {
  it("imports an interpellation answer laid out as a real document: same questions, paragraphs and signature as its text", async () => {
    const fromText = ok(
      importText(
        readFileSync(
          join(
            seedsDir,
            readdirSync(seedsDir).find((n) => n.startsWith("001-") && n.endsWith(".txt"))!,
          ),
          "utf8",
        ),
      ),
    );
    const answer = fromText.file.doc.firstChild!;
    const ip = fromText.file.meta.interpellation!;
    const person = (id: string | null) => fromText.file.meta.persons.find((p) => p.id === id)!;
    // lay the imported answer out as a document: title, Dnr, paragraphs wrapped at the margin
    const doc = new PDFDocument({
      size: "A4",
      margins: { top: 60, bottom: 60, left: 70, right: 70 },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
    doc.font(font).fontSize(14).text(answer.firstChild!.textContent, { paragraphGap: 6 });
    doc.fontSize(11).text(`Dnr ${ip.dnr}`, { paragraphGap: 10 });
    let n = 0;
    answer.forEach((block) => {
      if (block.type.name === "ip_question")
        doc.text(`${++n}. ${block.textContent}`, { paragraphGap: 4 });
      else if (block.type.name === "paragraph") doc.text(block.textContent, { paragraphGap: 8 });
    });
    doc.moveDown().text(`${ip.place} den 22 mars 2022`).moveDown().text(person(ip.signatory).name);
    doc.end();
    await done;
    const fromPdf = ok(await importDocument(new Uint8Array(Buffer.concat(chunks)), "svar.pdf"));
    expect(fromPdf.file.kind).toBe("interpellationssvar");
    expect(fromPdf.file.meta.interpellation).toEqual(ip);
    const texts = (f: typeof fromText.file) => {
      const out: string[] = [];
      f.doc.firstChild!.forEach((b) => out.push(`${b.type.name}: ${b.textContent}`));
      return out;
    };
    expect(texts(fromPdf.file)).toEqual(texts(fromText.file));
  });
});

describe("a PDF with a two-column attendance list and a vote table", () => {
  it("reads the columns from the positions of the text on the page", async () => {
    const doc = new PDFDocument({ size: "A4", margin: 50 });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
    doc.font(font).fontSize(11);
    let y = 60;
    const row = (...cells: [number, string][]) => {
      for (const [x, t] of cells) doc.text(t, x, y, { lineBreak: false });
      y += 15;
    };
    row([50, "Kommunstyrelsen"], [350, "Sammanträdesprotokoll"]);
    row([50, "Sammanträdesdatum 2026-03-10"]);
    y += 15;
    row([50, "Ledamöter"], [300, "Tjänstgörande ersättare"]);
    row([50, "Eva Lind (S), ordförande"], [300, "Kent Ek (S) för Lars Berg (S)"]);
    row([50, "Per Ström (M)"], [300, "Sara Holm (C) för Nils Dahl (C)"]);
    row([50, "Anna Björk (S)"]);
    y += 15;
    row([50, "§ 12"]);
    row([50, "Budget 2027"]);
    row([50, "Omröstning"]);
    row([50, "Ledamot"], [250, "Ja"], [300, "Nej"], [350, "Avstår"]);
    row([50, "Eva Lind (S)"], [252, "X"]);
    row([50, "Per Ström (M)"], [302, "X"]);
    row([50, "Anna Björk (S)"], [352, "X"]);
    row([50, "Kent Ek (S)"], [252, "X"]);
    row([50, "Sara Holm (C)"], [302, "X"]);
    doc.end();
    await done;
    const r = ok(await importDocument(new Uint8Array(Buffer.concat(chunks)), "ks.pdf"));
    const name = (id: string | null) => r.file.meta.persons.find((p) => p.id === id)?.name;
    expect(r.file.meta.body.name).toBe("Kommunstyrelsen");
    expect(r.file.meta.meeting.date).toBe("2026-03-10");
    expect(r.file.meta.attendance.map((a) => [name(a.person), a.status, name(a.replaces)])).toEqual(
      [
        ["Eva Lind", "serving", undefined],
        ["Kent Ek", "serving", "Lars Berg"],
        ["Per Ström", "serving", undefined],
        ["Sara Holm", "serving", "Nils Dahl"],
        ["Anna Björk", "serving", undefined],
      ],
    );
    let ballots: { person: string; vote: string }[] = [];
    r.file.doc.firstChild!.forEach((b) => {
      if (b.type.name === "vote") ballots = b.attrs.ballots;
    });
    expect(ballots.map((b) => [name(b.person), b.vote])).toEqual([
      ["Eva Lind", "ja"],
      ["Per Ström", "nej"],
      ["Anna Björk", "avstår"],
      ["Kent Ek", "ja"],
      ["Sara Holm", "nej"],
    ]);
  });
});

describe("a DOCX with Word's own structure", () => {
  const cell = (...paragraphs: string[]) =>
    new TableCell({ children: paragraphs.map((t) => new Paragraph(t)) });
  const row = (...cells: TableCell[]) => new TableRow({ children: cells });

  it("reads automatic numbering as decision points and tables as columns (attendance, votes)", async () => {
    const numbered = (text: string) =>
      new Paragraph({ text, numbering: { reference: "beslut", level: 0 } });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: "beslut",
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: "%1.",
                alignment: AlignmentType.START,
              },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph("Kommunstyrelsen"),
            new Paragraph("Sammanträdesdatum 2026-03-10"),
            new Table({
              rows: [
                row(cell("Ledamöter"), cell("Tjänstgörande ersättare")),
                row(
                  cell("Eva Lind (S), ordförande", "Per Ström (M)", "Anna Björk (S)"),
                  cell("Kent Ek (S) för Lars Berg (S)"),
                ),
              ],
            }),
            new Paragraph("§ 12"),
            new Paragraph("Budget 2027"),
            new Paragraph("Kommunstyrelsens beslut"),
            numbered("Budgeten för 2027 fastställs."),
            numbered("Skattesatsen är oförändrad."),
            new Paragraph("Yrkanden"),
            new Paragraph("Eva Lind (S) yrkar bifall till arbetsutskottets förslag."),
            new Paragraph("Per Ström (M) yrkar avslag."),
            new Paragraph("Omröstning"),
            new Table({
              rows: [
                row(cell("Ledamot"), cell("Ja"), cell("Nej"), cell("Avstår")),
                row(cell("Eva Lind (S)"), cell("X"), cell(""), cell("")),
                row(cell("Per Ström (M)"), cell(""), cell("X"), cell("")),
                row(cell("Anna Björk (S)"), cell(""), cell(""), cell("X")),
                row(cell("Kent Ek (S)"), cell("X"), cell(""), cell("")),
              ],
            }),
          ],
        },
      ],
    });
    const r = ok(await importDocument(new Uint8Array(await Packer.toBuffer(doc)), "ks.docx"));
    const name = (id: string | null) => r.file.meta.persons.find((p) => p.id === id)?.name;
    expect(r.file.meta.body.name).toBe("Kommunstyrelsen");
    expect(r.file.meta.meeting.date).toBe("2026-03-10");
    expect(name(r.file.meta.chair)).toBe("Eva Lind");
    const kent = r.file.meta.attendance.find((a) => name(a.person) === "Kent Ek")!;
    expect(kent).toMatchObject({ status: "serving" });
    expect(name(kent.replaces)).toBe("Lars Berg");
    expect(
      r.file.meta.attendance.filter((a) => a.status === "serving").map((a) => name(a.person)),
    ).toEqual(["Eva Lind", "Kent Ek", "Per Ström", "Anna Björk"]);
    const item = r.file.doc.firstChild!;
    expect(item.child(0).textContent).toBe("Budget 2027");
    const decision = item.child(1);
    expect(decision.type.name).toBe("decision");
    expect(decision.childCount).toBe(2);
    expect(decision.child(1).textContent).toBe("Skattesatsen är oförändrad.");
    let ballots: { person: string; vote: string }[] = [];
    item.forEach((b) => {
      if (b.type.name === "vote") ballots = b.attrs.ballots;
    });
    expect(ballots.map((b) => [name(b.person), b.vote])).toEqual([
      ["Eva Lind", "ja"],
      ["Per Ström", "nej"],
      ["Anna Björk", "avstår"],
      ["Kent Ek", "ja"],
    ]);
  });
});

describe("reading files", () => {
  const sample =
    "§ 1\nGodkännande av dagordning\nBeslut\nDagordningen godkänns för mötet på Åland.\n";

  it("reads UTF-8 with a BOM and CRLF line ends", async () => {
    const bytes = new TextEncoder().encode("\ufeff" + sample.replace(/\n/g, "\r\n"));
    const r = ok(await importDocument(bytes, "a.txt"));
    expect(r.file.doc.firstChild!.firstChild!.textContent).toBe("Godkännande av dagordning");
    expect(r.file.doc.textContent).toContain("mötet på Åland.");
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", async () => {
    const cp1252: Record<string, number> = { "§": 0xa7, å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5 };
    const bytes = Uint8Array.from([...sample].map((ch) => cp1252[ch] ?? ch.charCodeAt(0)));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const r = ok(await importDocument(bytes, "a.txt"));
    expect(r.file.doc.firstChild!.firstChild!.textContent).toBe("Godkännande av dagordning");
    expect(r.file.doc.textContent).toContain("mötet på Åland.");
  });

  it("refuses an empty file, a broken PDF, an old .doc and binary data with a clear Swedish message", async () => {
    const cases: [Uint8Array, string, RegExp][] = [
      [new Uint8Array(), "tom.txt", /tom \(empty file\)/],
      [
        new TextEncoder().encode("%PDF-1.7\n1 0 obj trasig"),
        "trasig.pdf",
        /PDF-filen kunde inte läsas.*\(could not be read/,
      ],
      [
        Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        "gammal.doc",
        /äldre Word-dokument/,
      ],
      [
        Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]),
        "trasig.docx",
        /Word-filen kunde inte läsas/,
      ],
      [Uint8Array.from([1, 2, 3, 0, 5, 6, 7, 8]), "data.bin", /inte en textfil/],
      [new TextEncoder().encode("hej"), "fel.pdf", /stämmer inte med filändelsen/],
    ];
    for (const [bytes, name, message] of cases) {
      const r = await importDocument(bytes, name);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error, name).toMatch(message);
    }
  });
});
