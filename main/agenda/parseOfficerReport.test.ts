import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Document, Packer, Paragraph, HeadingLevel } from "docx";
import { describe, expect, it } from "vitest";
import type { Node } from "prosemirror-model";
import { agendaEntries } from "../../schemas/agenda/agendaEntries.js";
import { agendaEntry } from "../../schemas/agenda/agendaEntry.js";
import { fromAgenda } from "../../schemas/agenda/fromAgenda.js";
import { createFile, parse, serialize } from "../../schemas/file.js";
import { schema } from "../../schemas/schema.js";
import { projectRoot } from "../files/projectRoot.js";
import { entriesOf, newKallelse, readOfficerReports, bodyOfReportText } from "./importReports.js";
import { RECIPIENTS_HEADING_RE } from "../import/lexicon.js";
import { entryOfReport, parseOfficerReport } from "./parseOfficerReport.js";

const corpus =
  [join(projectRoot(), "../shared/corpus"), join(projectRoot(), "../../shared/corpus")].find((d) =>
    existsSync(d),
  ) ?? "";
const papers = join(corpus, "case-papers");
const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(papers, name))) });

/** A short tjänsteskrivelse written for the test (no real case). */
const SHORT = `2024-03-01
TJÄNSTESKRIVELSE
Dnr KS 2024/12

Kommunstyrelsen

Ny taxa för
kulturskolan
Förslag till beslut
1. Kommunstyrelsen föreslår kommunfullmäktige att anta taxan.
2. Taxan gäller från den 1 juli 2024.

Sammanfattning
Taxan har inte ändrats sedan
2015.

Bilagor
Förslag till taxa

Beslutet skickas till
Kulturförvaltningen
Ekonomienheten

Anna Berg
Kulturchef
`;

describe("a tjänsteskrivelse read as text", () => {
  it("gives its title, Dnr, numbered förslag points, summary, bilagor, recipients and signatory", () => {
    const r = parseOfficerReport(SHORT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.title).toBe("Ny taxa för kulturskolan");
    expect(r.report.dnr).toBe("KS 2024/12");
    expect(r.report.date).toBe("2024-03-01");
    expect(r.report.proposal).toEqual([
      "Kommunstyrelsen föreslår kommunfullmäktige att anta taxan.",
      "Taxan gäller från den 1 juli 2024.",
    ]);
    expect(r.report.forCouncil).toBe(true);
    expect(r.report.summary).toEqual(["Taxan har inte ändrats sedan 2015."]);
    expect(r.report.attachments).toEqual(["Förslag till taxa"]);
    expect(r.report.recipients).toEqual(["Kulturförvaltningen", "Ekonomienheten"]);
    expect(r.report.signatories).toEqual([{ name: "Anna Berg", title: "Kulturchef" }]);
  });

  it("splits a line of recipients into one each, and the protocol made from it carries them as its typed list", () => {
    const r = parseOfficerReport(
      SHORT.replace(
        "Kulturförvaltningen\nEkonomienheten",
        "Kulturförvaltningen, Ekonomienheten och Kultur- och fritidsnämnden",
      ),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.report.recipients).toEqual([
      "Kulturförvaltningen",
      "Ekonomienheten",
      "Kultur- och fritidsnämnden",
    ]);
    const entry = agendaEntry(entryOfReport(r.report));
    const made = fromAgenda(
      createFile(
        "kallelse",
        { body: { name: "Kommunstyrelsen" } },
        schema.nodes.doc.create(null, [entry]),
      ),
    );
    let dist: Node | null = null;
    made.doc.descendants((n) => {
      if (n.type.name === "distribution") dist = n;
      return !dist;
    });
    expect(dist).not.toBeNull();
    const children: string[][] = [];
    dist!.forEach((c) => children.push([c.type.name, c.textContent]));
    expect(children).toEqual([
      ["recipient", "Kulturförvaltningen"],
      ["recipient", "Ekonomienheten"],
      ["recipient", "Kultur- och fritidsnämnden"],
    ]);
  });

  // One list of headings (main/import/lexicon.ts) for a protocol's § and a tjänsteskrivelse.
  it.each([
    "Expedieras till",
    "Protokollsutdrag till",
    "Protokollsutdrag skickas till",
    "Beslutet expedieras till",
    "Sändlista",
    "Utdrag till",
    "Utdrag",
    "Exp",
    "Kopia till",
    "För kännedom",
  ])("reads the recipients under “%s”, as the protocol importer does", (heading) => {
    expect(RECIPIENTS_HEADING_RE.test(heading)).toBe(true);
    const r = parseOfficerReport(SHORT.replace("Beslutet skickas till", `${heading}:`));
    if (!r.ok) throw new Error(r.error);
    expect(r.report.recipients).toEqual(["Kulturförvaltningen", "Ekonomienheten"]);
    expect(r.report.attachments).toEqual(["Förslag till taxa"]);
  });

  it("refuses a text without “Förslag till beslut” with a clear message", () => {
    const r = parseOfficerReport("Protokoll\n§ 1 Val av justerare\n");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/Förslag till beslut/);
    expect(parseOfficerReport("").ok).toBe(false);
  });
});

describe("the two corpus tjänsteskrivelser (PDF)", () => {
  it("import to agenda entries with the right Dnr, title and förslag points, with progress", async () => {
    const progress: number[] = [];
    const outcomes = await readOfficerReports(
      [
        read("37_a_tjskr_fisksatraskolan_nedlaggning.pdf"),
        read("38_a_tjskr_fisksatra_overlatelse_fastighet.pdf"),
      ],
      (p) => progress.push(p.done),
    );
    expect(progress).toEqual([1, 2]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const [first, second] = outcomes.map((o) => o.report!);
    expect(first!.dnr).toBe("KFKS 2019/475");
    expect(first!.title).toBe("Nedläggning av Fisksätraskolan samt Fisksätraskolans förskola");
    expect(first!.proposal).toEqual([
      "Kommunstyrelsen beslutar om nedläggning av Fisksätraskolans skolenhet. Nedläggningen sker efter avslutad vårtermin 2019.",
    ]);
    expect(first!.summary[0]).toMatch(/^Välfärd skola driver verksamhet/);
    expect(first!.summary.join(" ")).not.toMatch(/POSTADRESS|Granitvägen/);
    expect(first!.signatories.map((s) => s.name)).toHaveLength(2);
    expect(second!.dnr).toBe("KFKS 2019/476");
    expect(second!.proposal).toHaveLength(2);
    expect(second!.proposal[0]).toBe(
      "Kommunstyrelsen föreslår kommunfullmäktige fatta följande beslut.",
    );
    expect(second!.proposal[1]).toMatch(
      /^Kommunfullmäktige beslutar att .* Josefina c\/o Stena Fastigheter\.$/,
    );
    expect(second!.forCouncil).toBe(true);
    expect(second!.attachments).toEqual(["Fastighetsöverlåtelseavtal"]);

    // A kallelse of them is a well-formed file that reads back the same.
    const body = bodyOfReportText(
      readFileSync(join(papers, "37_a_tjskr_fisksatraskolan_nedlaggning.txt"), "utf8"),
    );
    expect(body?.name).toBe("Kommunstyrelsen");
    const kallelse = newKallelse(body!, entriesOf(outcomes));
    const back = parse(serialize(kallelse));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.file.kind).toBe("kallelse");
    expect(agendaEntries(back.file.doc).map((e) => e.dnr)).toEqual([
      "KFKS 2019/475",
      "KFKS 2019/476",
    ]);
  });

  it("agree with the §§ of the same meeting's protocol (title and Dnr)", async () => {
    const protocol = readFileSync(
      join(corpus, "02-nacka-kommunstyrelsen-2019-05-13.txt"),
      "utf8",
    ).split("\n");
    const outcomes = await readOfficerReports([
      read("37_a_tjskr_fisksatraskolan_nedlaggning.pdf"),
      read("38_a_tjskr_fisksatra_overlatelse_fastighet.pdf"),
    ]);
    for (const o of outcomes) {
      const r = o.report!;
      // The § heading line "§ 135      KFKS 2019/475" (not the table of contents' dotted line), the title under it.
      const at = protocol.findIndex(
        (l) => /^§ \d+\s+\S/.test(l) && l.trim().endsWith(r.dnr!) && !l.includes("..."),
      );
      expect(at).toBeGreaterThan(0);
      const title = protocol
        .slice(at + 1, at + 6)
        .join(" ")
        .replace(/\s+/g, " ")
        .trim();
      expect(title.startsWith(r.title)).toBe(true);
    }
  });

  it("reads the same entry from the pdftotext text as from the PDF", async () => {
    const fromPdf = (
      await readOfficerReports([read("38_a_tjskr_fisksatra_overlatelse_fastighet.pdf")])
    )[0]!.report!;
    const fromText = parseOfficerReport(
      readFileSync(join(papers, "38_a_tjskr_fisksatra_overlatelse_fastighet.txt"), "utf8"),
    );
    expect(fromText.ok).toBe(true);
    if (!fromText.ok) return;
    expect(fromText.report.title).toBe(fromPdf.title);
    expect(fromText.report.dnr).toBe(fromPdf.dnr);
    expect(fromText.report.proposal).toEqual(fromPdf.proposal);
    expect(fromText.report.signatories).toEqual(fromPdf.signatories);
  });
});

describe("a tjänsteskrivelse in Word (DOCX)", () => {
  it("imports like the text: title, Dnr, points, recipients", async () => {
    const para = (text: string, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
      new Paragraph(heading ? { text, heading } : { text });
    const doc = new Document({
      sections: [
        {
          children: [
            para("TJÄNSTESKRIVELSE"),
            para("Dnr KS 2024/12"),
            para(""),
            para("Ny taxa för kulturskolan", HeadingLevel.HEADING_1),
            para("Förslag till beslut", HeadingLevel.HEADING_2),
            para("Kommunstyrelsen föreslår kommunfullmäktige att anta taxan."),
            para("Taxan gäller från den 1 juli 2024."),
            para("Sammanfattning", HeadingLevel.HEADING_2),
            para("Taxan har inte ändrats sedan 2015."),
            para("Beslutet skickas till", HeadingLevel.HEADING_2),
            para("Kulturförvaltningen"),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const [o] = await readOfficerReports([{ name: "taxa.docx", bytes }]);
    expect(o!.ok, o!.message).toBe(true);
    expect(o!.report!.title).toBe("Ny taxa för kulturskolan");
    expect(o!.report!.dnr).toBe("KS 2024/12");
    expect(o!.report!.proposal).toEqual([
      "Kommunstyrelsen föreslår kommunfullmäktige att anta taxan.",
      "Taxan gäller från den 1 juli 2024.",
    ]);
    expect(o!.report!.recipients).toEqual(["Kulturförvaltningen"]);
  });
});
