import { describe, expect, it } from "vitest";
import { cleanLines, normalizeText } from "./cleanLines.js";
import { decodeText, htmlToText } from "./extractText.js";
import { tallyOf } from "./blocks.js";
import { joinLines, joinWrapped } from "./paragraphs.js";
import { leadingPersons, PersonRegister, sameName } from "./persons.js";
import { findDate, findTimes } from "./swedishDate.js";

describe("joining wrapped lines", () => {
  it("drops the hyphen of a word broken across lines, and only then", () => {
    expect(joinWrapped("personer med funktions-", "nedsättning")).toBe(
      "personer med funktionsnedsättning",
    );
    expect(joinWrapped("den offentligt finansierade hälso-", "och sjukvården")).toBe(
      "den offentligt finansierade hälso- och sjukvården",
    );
    expect(joinWrapped("stöd för EU-", "medborgare")).toBe("stöd för EU-medborgare");
    expect(joinWrapped("sammanträden 2020-05-", "04, 2020-06-16")).toBe(
      "sammanträden 2020-05-04, 2020-06-16",
    );
    expect(joinWrapped("Att höra till -", "Insatser")).toBe("Att höra till - Insatser");
    expect(
      joinLines([
        "  Ordföranden Jon Järvholm och   vice",
        "ordföranden Agnes Malmberg",
        "Åström utsågs.",
      ]),
    ).toBe("Ordföranden Jon Järvholm och vice ordföranden Agnes Malmberg Åström utsågs.");
  });
});

describe("cleaning extracted text", () => {
  it("undoes doubled blank lines, keeps space-only lines as paragraph breaks and drops a stray tab fragment", () => {
    const r = cleanLines("§ 1\n\nRubrik\n\n \n\nText här.\n\n\tHIER\n");
    expect(r.lines.map((l) => [l.text, l.breakBefore])).toEqual([
      ["§ 1", false],
      ["Rubrik", false],
      ["Text här.", true],
    ]);
    expect(r.removed).toEqual(["HIER"]);
  });

  it("removes a running header inside a paragraph and keeps what it says", () => {
    const r = cleanLines(
      "att man ej\nSocialnämnden\nProtokoll\n2020-08-25\nska hänvisas till hemtjänst\nSida 4 (12)\n",
    );
    expect(r.lines.map((l) => l.text)).toEqual(["att man ej", "ska hänvisas till hemtjänst"]);
    expect(r.header).toEqual({
      bodies: ["Socialnämnden"],
      dates: ["2020-08-25"],
      municipalities: [],
    });
  });

  it("keeps a sentence's date that happens to follow a page header", () => {
    const r = cleanLines(
      "i ett tjänsteutlåtande daterat\nSocialnämnden\nProtokoll\n2020-08-25\nden 11 augusti 2020\nBeslutsordning\n",
    );
    expect(r.lines.map((l) => l.text)).toEqual([
      "i ett tjänsteutlåtande daterat",
      "den 11 augusti 2020",
      "Beslutsordning",
    ]);
  });

  it("removes a one-line running header in columns, whose page number changes from page to page", () => {
    const page = (n: number) =>
      `Tierps kommun      Kommunstyrelsen      SAMMANTRÄDESPROTOKOLL      2021-03-15      Sida ${n} (3)`;
    const r = cleanLines(
      `${page(1)}\n§ 1\nText som fortsätter\n${page(2)}\npå nästa sida.\nMer text om ärendet\nKommunstyrelsen 2021-03-15 Blad 3\noch slutet.\nKommunstyrelsen 2021-03-15 Blad 4\nKommunstyrelsen 2021-03-15 Blad 5\n`,
    );
    expect(r.lines.map((l) => l.text)).toEqual([
      "§ 1",
      "Text som fortsätter",
      "på nästa sida.",
      "Mer text om ärendet",
      "och slutet.",
    ]);
    expect(r.header.bodies).toContain("Kommunstyrelsen");
    expect(r.header.municipalities).toContain("Tierps kommun");
    expect(r.header.dates).toContain("2021-03-15");
  });

  it("repairs PDF typography: ligatures, soft hyphens at line ends, symbol-font bullets", () => {
    expect(normalizeText("ﬁnansiering\nfunk\u00ad\ntion\n\uf0b7 punkt")).toBe(
      "finansiering\nfunk-\ntion\n• punkt",
    );
    const r = cleanLines("ﬁnansiering av funk\u00ad\ntionshinderområdet.\n");
    expect(joinLines(r.lines.map((l) => l.text))).toBe("finansiering av funktionshinderområdet.");
  });

  it("drops bare page numbers that count up through the text, and repeated address footers", () => {
    const r = cleanLines(
      "Text ett.\n1\nText två, 3 punkter:\n2\nText tre.\nPostadress: Box 1, 111 11 Tierp  www.tierp.se\n3\nText fyra.\nPostadress: Box 1, 111 11 Tierp  www.tierp.se\n",
    );
    expect(r.lines.map((l) => l.text)).toEqual([
      "Text ett.",
      "Text två, 3 punkter:",
      "Text tre.",
      "Text fyra.",
    ]);
  });

  it("decodes UTF-8 with BOM and CRLF, and Windows-1252", () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0xa5, 0x0d, 0x0a, 0x61]))).toBe(
      "å\na",
    );
    expect(decodeText(Uint8Array.from([0xa7, 0x20, 0x35, 0x20, 0xe4]))).toBe("§ 5 ä");
  });

  it("turns Word HTML into lines: list numbers written out, table cells in columns", () => {
    const text = htmlToText(
      "<p>Beslut</p><ol><li>Ett</li><li>Två &amp; tre</li></ol><table><tr><td><p>Ledamöter</p></td><td><p>Ersättare</p></td></tr><tr><td><p>A (S)</p><p>B (M)</p></td><td><p>C (V)</p></td></tr></table>",
    );
    expect(text.split("\n").filter((l) => l.trim())).toEqual([
      "Beslut",
      "1. Ett",
      "2. Två & tre",
      "Ledamöter    Ersättare",
      "A (S)        C (V)",
      "B (M)",
    ]);
  });
});

describe("persons", () => {
  it("reads a persons phrase with roles, m.fl., parties and 'alla (S)'", () => {
    const { mentions, end } = leadingPersons(
      "Ordföranden Jon Järvholm (L), ledamöterna Olof-Johan Pettersén m.fl. (M), Kerstin Granlund, Axel Gunnarsson alla (S) yrkade bifall.",
    );
    expect(mentions.map((m) => [m.name, m.party, m.role, m.andOthers])).toEqual([
      ["Jon Järvholm", "L", "chair", false],
      ["Olof-Johan Pettersén", "M", "member", true],
      ["Kerstin Granlund", "S", "member", false],
      ["Axel Gunnarsson", "S", "member", false],
    ]);
    expect(
      "Ordföranden Jon Järvholm (L), ledamöterna Olof-Johan Pettersén m.fl. (M), Kerstin Granlund, Axel Gunnarsson alla (S) yrkade bifall."
        .slice(end)
        .trim(),
    ).toBe("yrkade bifall.");
  });

  it("treats spelling variants and shortened forms of a name as one person, but not different persons", () => {
    expect(sameName("Agnes Malmbergh Åström", "Agnes Malmberg Åström")).toBe(true);
    expect(sameName("Kämpe Jernberg", "Annika Kämpe Jernberg")).toBe(true);
    expect(sameName("Anna Ek", "Anna Eklund")).toBe(false);
    expect(sameName("Karin Ek", "Anna Ek")).toBe(false);
    const reg = new PersonRegister();
    const a = reg.resolve({ name: "Agnes Malmbergh Åström", party: "V" });
    expect(reg.resolve({ name: "Agnes Malmberg Åström", party: "V", role: "vice_chair" })).toBe(a);
    expect(reg.resolve({ name: "Agnes Malmberg Åström", party: "V" })).toBe(a);
    expect(reg.resolve({ name: "Anna Ek", party: "S" })).not.toBe(
      reg.resolve({ name: "Anna Ek", party: "M" }),
    );
    expect(reg.merged()).toEqual([
      { kept: "Agnes Malmberg Åström", variants: ["Agnes Malmbergh Åström"] },
    ]);
    expect(reg.persons()[0]).toMatchObject({ role: "vice_chair", party: "V" });
  });
});

describe("vote totals", () => {
  it("reads totals in the usual ways of writing them", () => {
    expect(tallyOf("Med 7 ja-röster mot 6 nej-röster beslutar kommunstyrelsen")).toEqual({
      ja: 7,
      nej: 6,
      avstår: 0,
    });
    expect(tallyOf("Omröstningen utföll med 7 ja-röster, 5 nej-röster och 1 som avstod.")).toEqual({
      ja: 7,
      nej: 5,
      avstår: 1,
    });
    expect(tallyOf("Omröstningsresultat: Ja 7, Nej 6, Avstår 1")).toEqual({
      ja: 7,
      nej: 6,
      avstår: 1,
    });
    expect(tallyOf("Ja-röster: 8 Nej-röster: 3 Avstående: 2")).toEqual({
      ja: 8,
      nej: 3,
      avstår: 2,
    });
    expect(tallyOf("Nämnden beslutade enligt förslaget.")).toBeNull();
  });
});

describe("dates and times", () => {
  it("reads ISO and Swedish long dates and refuses impossible ones", () => {
    expect(findDate("meddelade att justering sker måndag 31 augusti 2020.")?.iso).toBe(
      "2020-08-31",
    );
    expect(findDate("Stockholm den 5 januari 2022")?.iso).toBe("2022-01-05");
    expect(findDate("Stockholm 2009-02-10")?.iso).toBe("2009-02-10");
    expect(findDate("2020-02-30")).toBeNull();
    expect(findDate("Justerat 3 sept. 2021")?.iso).toBe("2021-09-03");
    expect(findDate("den 25 aug 2020")?.iso).toBe("2020-08-25");
    expect(findTimes("Stadshuset kl. 13.00–15.30")).toEqual({ start: "13:00", end: "15:30" });
  });
});
