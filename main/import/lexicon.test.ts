/**
 * The conventions of the lexicon and the stages, each on a short text written for the test in the
 * style of a different kind of municipal template (never text of a real protocol).
 */
import { describe, expect, it } from "vitest";
import { recipientsOf } from "../../schemas/agenda/distributionGroups.js";
import type { ProtokollFile } from "../../schemas/file.js";
import { splitRecipients } from "../../schemas/splitRecipients.js";
import { cleanLines } from "./cleanLines.js";
import { importText } from "./importDocument.js";
import { CONTINUED_ITEM_RE, DNR_LABEL_RE, ORGANISATION_RE } from "./lexicon.js";
import { stripMarkup } from "./stripMarkup.js";
import { blocksOf, outline } from "./testOutline.testkit.js";

const imported = (text: string): ProtokollFile => {
  const r = importText(text, "test.txt");
  if (!r.ok) throw new Error(r.error);
  return r.file;
};

describe("stage 0: light Markdown of a text conversion becomes plain text", () => {
  it.each([
    [
      "heading marks and emphasis go",
      "## **§ 3**\n\n## **Budget för året**\n\n**Nämndens beslut**\n\nX",
      ["§ 3", " ", "Budget för året", " ", "Nämndens beslut", " ", "X"],
    ],
    [
      "a table row becomes columns, a § sign in its own cell joins its number",
      "|§|3|Budget för året||7|\n|---|---|---|\n|§|4|Taxor||8|\n## a\n## b",
      ["§ 3    Budget för året    7", "§ 4    Taxor    8", "a", "b"],
    ],
    [
      "front matter and HTML comments are dropped",
      "---\norgan: nämnd\ndatum: 2001-01-01\n---\n<!-- sida 1 -->\n# Protokoll\n## a\n## b",
      [" ", "Protokoll", "a", "b"],
    ],
  ])("%s", (_name, input, lines) => {
    expect(stripMarkup(input).split("\n")).toEqual(lines);
  });

  it("leaves text without Markdown as it is", () => {
    const text = "Nämnden beslutar att 2 * 3 | 4 är en sak.\n\n§ 1 Öppnande";
    expect(stripMarkup(text)).toBe(text);
  });
});

describe("stage 1: page furniture", () => {
  it.each([
    "§ 12 forts",
    "§ 12 forts.",
    "Forts § 12",
    "Forts. § 12",
    "KS § 12 (forts.)",
    "§ 12 fortsättning    Dnr 2001/9",
  ])("'%s' continues a § on a new page", (t) => {
    expect(CONTINUED_ITEM_RE.test(t)).toBe(true);
  });
  it.each(["§ 12 Fortsatt arbete med parkerna", "§ 12 Fortbildning"])("'%s' starts a §", (t) => {
    expect(CONTINUED_ITEM_RE.test(t)).toBe(false);
  });

  it("removes a continuation line and a running header with its body, keeping the body name for the metadata", () => {
    const text = [
      "Sammanträdesprotokoll Fritidsnämnden",
      "§ 2",
      "Taxor",
      "Text som går",
      "Sammanträdesprotokoll Fritidsnämnden",
      "§ 2 forts",
      "vidare här.",
      "Sammanträdesprotokoll Fritidsnämnden",
      "§ 3",
    ].join("\n");
    const c = cleanLines(text);
    expect(c.lines.map((l) => l.text)).toEqual([
      "§ 2",
      "Taxor",
      "Text som går",
      "vidare här.",
      "§ 3",
    ]);
    expect(c.header.bodies).toContain("Fritidsnämnden");
  });

  it("keeps a section heading that repeats in every § (it is not a running header)", () => {
    const text = [
      "§ 1",
      "A",
      "Protokollsanteckningar",
      "Eva Ek (C) lät anteckna följande.",
      "§ 2",
      "B",
      "Protokollsanteckningar",
      "Eva Ek (C) lät anteckna följande.",
      "§ 3",
      "C",
      "Protokollsanteckningar",
      "x",
    ].join("\n");
    expect(cleanLines(text).lines.filter((l) => l.text === "Protokollsanteckningar")).toHaveLength(
      3,
    );
  });
});

describe("stage 3: §§, titles and Dnr", () => {
  it.each([
    [
      "Dnr right-aligned on the § line",
      "§ 7                          Dnr KS 2001/44\nParkeringsnorm för staden\n\nBeslut\n\nNormen antas.",
      "Parkeringsnorm för staden",
      "KS 2001/44",
    ],
    [
      "Ärendenummer between § and title",
      "§ 7\nÄrendenummer: SBN 2001-000123\nParkeringsnorm för staden\n\nBeslut\n\nNormen antas.",
      "Parkeringsnorm för staden",
      "SBN 2001-000123",
    ],
    [
      "Diarienummer between § and title",
      "§ 7\nDiarienummer 2001/44\nParkeringsnorm för staden\n\nBeslut\n\nNormen antas.",
      "Parkeringsnorm för staden",
      "2001/44",
    ],
    [
      "Ärende nr",
      "§ 7\nÄrende nr 2001/44\nParkeringsnorm för staden\n\nBeslut\n\nNormen antas.",
      "Parkeringsnorm för staden",
      "2001/44",
    ],
    [
      "a series before a slash and an archive code after the Dnr",
      "§ 7\n\nParkeringsnorm för staden\n\nTn/2001:44   612\n\nBeslut\n\nNormen antas.",
      "Parkeringsnorm för staden",
      "Tn/2001:44",
    ],
    [
      "a title wrapped before a company form",
      "§ 7                          Dnr 2001/44\n\nAvtal om överlåtelse av marken till Byggbolaget\nNorr AB\n \nBeslut\n\nAvtalet godkänns.",
      "Avtal om överlåtelse av marken till Byggbolaget Norr AB",
      "2001/44",
    ],
    [
      "a Dnr with its series at the end of the title line",
      "§ 7\n\nParkeringsnorm för staden    TN/2001:44   612\n\nBeslut\n\nNormen antas.",
      "Parkeringsnorm för staden",
      "TN/2001:44",
    ],
    [
      "years in a title are not a Dnr",
      "§ 7\n\nBudget 2002-2004\n\nBeslut\n\nBudgeten antas.",
      "Budget 2002-2004",
      null,
    ],
  ])("%s", (_name, body, title, dnr) => {
    const [item] = outline(imported(`Tekniska nämnden\nProtokoll 2001-02-03\n\n${body}\n`));
    expect(item).toMatchObject({ number: 7, title, dnr });
  });

  it.each([
    ["Motion den 3 mars 2001 av Eva Ek (C)"],
    ["Yttrande till länsstyrelsen"],
    ["Inkom den 4 april 2001"],
  ])("'%s' under the title is its subtitle, not its continuation", (line) => {
    const [item] = outline(
      imported(
        `Tekniska nämnden\nProtokoll 2001-02-03\n\n§ 7                          Dnr 2001/44\n\nParkeringsnorm för staden\n${line}\n \nBeslut\n\nNormen antas.\n`,
      ),
    );
    expect(item).toMatchObject({
      title: "Parkeringsnorm för staden",
      subtitle: line,
      dnr: "2001/44",
    });
  });

  it("takes the §§ written alike: the numbered sections of an attached agreement are not §§", () => {
    const text = [
      "Tekniska nämnden",
      "",
      "TN § 10    Dnr 2001/1",
      "Avtal om samverkan",
      "Beslut",
      "Avtalet godkänns.",
      "Bilaga: avtalet",
      "§ 1 Parter",
      "a",
      "§ 2 Syfte",
      "b",
      "§ 3 Giltighet",
      "c",
      "TN § 11    Dnr 2001/2",
      "Taxor",
      "Beslut",
      "Taxorna antas.",
      "TN § 12    Dnr 2001/3",
      "Avgifter",
      "Beslut",
      "Avgifterna antas.",
      "TN § 13    Dnr 2001/4",
      "Parkering",
      "Beslut",
      "Normen antas.",
    ].join("\n");
    expect(outline(imported(text)).map((i) => [i.number, i.title])).toEqual([
      [10, "Avtal om samverkan"],
      [11, "Taxor"],
      [12, "Avgifter"],
      [13, "Parkering"],
    ]);
  });
});

describe("stage 4: sections", () => {
  it("reads an utskott's 'Förslag till beslut i kommunstyrelsen' as its decision and 'Förslag till beslut på sammanträdet' as yrkanden", () => {
    const text = [
      "Kommunstyrelsens arbetsutskott",
      "§ 4    Dnr KS 2001/7",
      "Riktlinjer för bidrag",
      "",
      "Förslag till beslut i kommunstyrelsen",
      "",
      "Kommunstyrelsen antar riktlinjerna.",
      "",
      "Förslag till beslut på sammanträdet",
      "",
      "Per Lind (C) yrkar bifall till förvaltningens förslag.",
    ].join("\n");
    const [item] = imported(text).doc.content.content;
    expect(blocksOf(item!, "decision")).toHaveLength(1);
    expect(blocksOf(item!, "proposal")).toHaveLength(1);
  });
});

describe("stage 4: a body's proposal to another body", () => {
  it.each([
    "FÖRSLAG – Kommunfullmäktige",
    "Förslag - Kommunstyrelsen",
    "Förslag till beslut i kommunfullmäktige",
    "Förslag till kommunfullmäktige",
    "Omsorgsnämndens beslutsförslag till kommunfullmäktige",
    "OMSORGSNÄMNDENS BESLUTSFÖRSLAG TILL KOMMUNFULLMÄKTIGE",
  ])("'%s' heads the decision", (heading) => {
    const text = [
      "Omsorgsnämnden",
      "Protokoll 2001-09-10",
      "",
      "ON § 4    Dnr 2001/1",
      "Avgifter 2002",
      "",
      heading,
      "",
      "Nämnden föreslår fullmäktige att fastställa avgifterna.",
      "",
      "Ärendet i korthet",
      "",
      "Avgifterna är oförändrade.",
    ].join("\n");
    const item = imported(text).doc.firstChild!;
    expect(blocksOf(item, "decision").map((d) => d.textContent)).toEqual([
      "Nämnden föreslår fullmäktige att fastställa avgifterna.",
    ]);
  });
});

describe("stage 4: headings of the background", () => {
  it.each(["Ärende", "Beslutsmotivering", "Skäl för beslutet"])(
    "'%s' heads background, not the decision",
    (heading) => {
      const text = [
        "Omsorgsnämnden",
        "Protokoll 2001-09-10",
        "",
        "ON § 5    Dnr 2001/2",
        "Lokaler",
        "",
        "Beslut",
        "Nämnden godkänner hyresavtalet.",
        heading,
        "Lokalen ligger nära centrum.",
      ].join("\n");
      const item = imported(text).doc.firstChild!;
      expect(blocksOf(item, "decision").map((d) => d.textContent)).toEqual([
        "Nämnden godkänner hyresavtalet.",
      ]);
      expect(blocksOf(item, "background").map((d) => d.textContent)).toEqual([
        "Lokalen ligger nära centrum.",
      ]);
    },
  );
});

describe("stage 4: Expedieras till fills the § list of recipients", () => {
  const withDistribution = (lines: string[]) => {
    const text = [
      "Omsorgsnämnden",
      "Protokoll 2001-09-10",
      "",
      "ON § 4    Dnr 2001/1",
      "Avgifter 2002",
      "",
      "Beslut",
      "",
      "Avgifterna fastställs.",
      "",
      ...lines,
    ].join("\n");
    const item = imported(text).doc.firstChild!;
    const [dist] = blocksOf(item, "distribution");
    if (!dist) throw new Error("no distribution block");
    return { item, dist, names: recipientsOf(item) };
  };

  it.each([
    ["Expedieras till", ["Expedieras till", "Kommunstyrelsen", "Ekonomikontoret"]],
    ["Protokollsutdrag till", ["Protokollsutdrag till:", "Kommunstyrelsen", "Ekonomikontoret"]],
    [
      "Protokollsutdrag skickas till",
      ["PROTOKOLLSUTDRAG SKICKAS TILL", "Kommunstyrelsen", "Ekonomikontoret"],
    ],
    ["Beslutet skickas till", ["Beslutet skickas till", "Kommunstyrelsen, Ekonomikontoret"]],
    ["Utdrag: with the names on the same line", ["Utdrag: Kommunstyrelsen, Ekonomikontoret"]],
    ["Exp. under a rule", ["__________", "Exp.", "Kommunstyrelsen", "Ekonomikontoret"]],
    ["Exp: with och", ["Exp: Kommunstyrelsen och Ekonomikontoret"]],
    ["Kopia till with bullets", ["Kopia till", "- Kommunstyrelsen", "- Ekonomikontoret"]],
  ])("%s", (_name, lines) => {
    const { dist, names } = withDistribution(lines);
    expect(names).toEqual(["Kommunstyrelsen", "Ekonomikontoret"]);
    expect([...Array(dist.childCount).keys()].map((i) => dist.child(i).type.name)).toEqual([
      "recipient",
      "recipient",
    ]);
  });

  it("ends the list at a line that is not a name, and keeps what follows as the §'s text", () => {
    const { item, names } = withDistribution([
      "Exp.",
      "Ekonomikontoret",
      "Signaturruta intygas:",
      "Delårsrapport 2031",
      "Rapporten visar ett överskott.",
    ]);
    expect(names).toEqual(["Ekonomikontoret"]);
    expect(item.lastChild!.type.name).toBe("paragraph");
    expect(item.textContent).toContain("Rapporten visar ett överskott.");
  });

  // What reads as a name is splitRecipients' test (schemas/splitRecipients.ts), not a second one.
  it("keeps a line the list splitter reads as one name, and ends the list where it would not", () => {
    const six = "Nämnden för teknik och fysisk planering";
    const seven = "Nämnden för teknik, miljö och fysisk planering";
    expect(splitRecipients(six)).toEqual([six]);
    expect(
      withDistribution(["Expedieras till", "Revisionen", six, "Ekonomikontoret"]).names,
    ).toEqual(["Revisionen", six, "Ekonomikontoret"]);
    // more than one name's words and no separator: a sentence, which ends the list
    const sentence = "Beslutet ska också skickas till alla berörda enheter";
    const long = withDistribution(["Expedieras till", "Revisionen", sentence]);
    expect(long.names).toEqual(["Revisionen"]);
    expect(long.item.textContent).toContain(sentence);
    // not capitalised: not a name
    expect(
      withDistribution(["Expedieras till", "Revisionen", "samt ekonomikontoret"]).names,
    ).toEqual(["Revisionen"]);
    // a bullet and a trailing full stop are taken off as the splitter takes them off
    expect(withDistribution(["Expedieras till", "• Revisionen.", "• " + seven]).names).toEqual([
      "Revisionen",
      ...splitRecipients(seven),
    ]);
  });

  it("keeps a body whose name has 'och' in it whole, and leaves the decision alone", () => {
    const { item, names } = withDistribution([
      "Expedieras till",
      "Vård- och omsorgsförvaltningen, Revisionen",
    ]);
    expect(names).toEqual(["Vård- och omsorgsförvaltningen", "Revisionen"]);
    expect(blocksOf(item, "decision").map((d) => d.textContent)).toEqual([
      "Avgifterna fastställs.",
    ]);
  });
});

describe("stage 4: a separator rule ends the decision", () => {
  it("reads the numbered list under a rule as the §'s text, not as decision points", () => {
    const text = [
      "Omsorgsnämnden",
      "Protokoll 2001-09-10",
      "",
      "ON § 4    Dnr 2001/1",
      "Anmälan av delegationsbeslut",
      "",
      "BESLUT",
      "",
      "Anmälningarna läggs till handlingarna.",
      "",
      "__________",
      "",
      "1. Tio beslut om hemtjänst.",
      "2. Fem beslut om boende.",
      "3. Två beslut om färdtjänst.",
    ].join("\n");
    const item = imported(text).doc.firstChild!;
    const [decision] = blocksOf(item, "decision");
    expect(decision!.textContent).toBe("Anmälningarna läggs till handlingarna.");
    expect(item.textContent).toContain("Fem beslut om boende.");
  });
});

describe("persons: never organisations", () => {
  it.each([
    "Region Västland",
    "Norrby kommun",
    "Norrbys kommun",
    "Miljöförvaltningen",
    "Byggbolaget Norr AB",
  ])("'%s' is an organisation", (t) => {
    expect(ORGANISATION_RE.test(t)).toBe(true);
  });
  it.each(["Anna Regionsson", "Per Kommunsson", "Eva Stad"])("'%s' is a person", (t) => {
    expect(ORGANISATION_RE.test(t)).toBe(false);
  });

  it("an attendance line 'Name, Organisation, § N' gives the person only", () => {
    const text = [
      "Tekniska nämnden",
      "Beslutande  Anna Ek (S), ordförande",
      "Övriga",
      "Bo Lund, Region Västland, § 3",
      "Justerare  Anna Ek",
      "§ 3",
      "Information",
      "Informationen noteras.",
    ].join("\n");
    const names = imported(text).meta.persons.map((p) => p.name);
    expect(names).toContain("Bo Lund");
    expect(names).not.toContain("Region Västland");
  });

  it.each([["Protokolljusterare"], ["Protokollsjusterare"], ["Justerare"]])(
    "'%s' names the justerare",
    (label) => {
      const file = imported(
        [
          "Tekniska nämnden",
          "Beslutande  Anna Ek (S), ordförande",
          "            Olle Berg (M)",
          `${label}   Olle Berg`,
          "§ 3",
          "Information",
          "Informationen noteras.",
        ].join("\n"),
      );
      expect(
        file.meta.adjusters.map((id) => file.meta.persons.find((p) => p.id === id)?.name),
      ).toEqual(["Olle Berg"]);
    },
  );
});

describe("the Dnr label table", () => {
  it.each([
    ["Dnr KS 2001/1", "KS 2001/1"],
    ["Dnr. 2001/1", "2001/1"],
    ["Diarienummer: 2001-12", "2001-12"],
    ["Ärendenummer SBN 2001/1", "SBN 2001/1"],
    ["Ärende nr 2001/1", "2001/1"],
  ])("'%s' gives '%s'", (line, value) => {
    expect(DNR_LABEL_RE.exec(line)?.[1]).toBe(value);
  });
});

describe("stage 5: sentences", () => {
  const item = (lines: string[]) => {
    const r = importText(
      [
        "Miljönämnden",
        "Protokoll 2001-05-06",
        "",
        "§ 9    Dnr MN 2001/5",
        "Strandskydd vid sjön",
        "",
        ...lines,
      ].join("\n"),
      "test.txt",
    );
    if (!r.ok) throw new Error(r.error);
    return { item: r.file.doc.firstChild!, file: r.file, report: r.report };
  };

  it.each([
    ["present tense", "Eva Ek (C) yrkar bifall till förvaltningens förslag."],
    ["past tense", "Eva Ek (C) yrkade bifall till förvaltningens förslag."],
    [
      "others joining",
      "Eva Ek (C) yrkar, med instämmande av Bo Holm (L) och Ida Sten (KD), bifall till förvaltningens förslag.",
    ],
  ])("a yrkande in the %s is one proposal", (_name, sentence) => {
    const { item: it, file } = item(["Yrkanden", "", sentence]);
    const [p] = blocksOf(it, "proposal");
    expect(blocksOf(it, "proposal")).toHaveLength(1);
    expect(p!.attrs.kind).toBe("bifall");
    const names = (p!.attrs.proposers as string[]).map(
      (id) => file.meta.persons.find((x) => x.id === id)?.name,
    );
    expect(names[0]).toBe("Eva Ek");
    if (sentence.includes("instämmande")) expect(names).toEqual(["Eva Ek", "Bo Holm", "Ida Sten"]);
  });

  it("reads a party written without brackets before a colon or a verb", () => {
    const { item: it, file } = item([
      "Yrkande",
      "",
      "Eva Ek KD: Bifall till liggande förslag",
      "",
      "Bo Holm V: Avslag på förslaget.",
      "",
      "Propositionsordning",
      "",
      "Ordföranden ställer proposition på yrkandena och finner att Eva Eks yrkande bifalls.",
      "",
      "Bo Holm V reserverar sig mot beslutet till förmån för eget yrkande.",
    ]);
    const proposals = blocksOf(it, "proposal");
    expect(
      proposals.map((p) =>
        (p.attrs.proposers as string[]).map((id) => file.meta.persons.find((x) => x.id === id)),
      ),
    ).toMatchObject([[{ name: "Eva Ek", party: "KD" }], [{ name: "Bo Holm", party: "V" }]]);
    expect(blocksOf(it, "decision_procedure")[0]!.attrs.adopted).toBe(proposals[0]!.attrs.id);
    expect(blocksOf(it, "reservation")[0]!.attrs.favouring).toBe(proposals[1]!.attrs.id);
  });

  it("a note opened by 'lät anteckna' has its author even without a party", () => {
    const { item: it, file } = item([
      "Protokollsanteckningar",
      "",
      "Per Nord lät anteckna följande.",
      "",
      "”Vi välkomnar beslutet.”",
    ]);
    const [note] = blocksOf(it, "protocol_note");
    expect(
      (note!.attrs.persons as string[]).map(
        (id) => file.meta.persons.find((x) => x.id === id)?.name,
      ),
    ).toEqual(["Per Nord"]);
  });

  it("a § where nothing was recognised is reported to check, and only that one", () => {
    const text = [
      "Miljönämnden",
      "Protokoll 2001-05-06",
      "",
      "§ 1",
      "Information",
      "",
      "a a a.",
      "",
      "b b b.",
      "",
      "c c c.",
      "",
      "d d d.",
      "",
      "§ 2",
      "Taxor",
      "",
      "Beslut",
      "",
      "Taxorna antas.",
    ].join("\n");
    const r = importText(text, "test.txt");
    if (!r.ok) throw new Error(r.error);
    expect(r.report.lowConfidence.map((l) => l.item)).toEqual([1]);
    expect(r.report.uncertain[0]!.message).toBe("§§ att kontrollera efter import: § 1");
  });
});
