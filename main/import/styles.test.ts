import { describe, expect, it } from "vitest";
import type { Node } from "prosemirror-model";
import { recipientsOf } from "../../schemas/agenda/distributionGroups.js";
import { numberedItems } from "../../schemas/numbering.js";
import { importText } from "./importDocument.js";
import {
  ANSWER_OTHER_STYLE,
  CICERON,
  FULLMAKTIGE,
  KOMMUNSTYRELSE,
  NAMND,
  PDF_LIKE,
  TITLE_BEFORE_NUMBER,
} from "./testTexts.testkit.js";
import { blocksOf, childText, outline, personNameIn } from "./testOutline.testkit.js";

function load(text: string) {
  const r = importText(text, "test.txt");
  if (!r.ok) throw new Error(r.error);
  const items = numberedItems(r.file.doc, r.file.meta);
  const item = (n: number) => {
    const found = items.find((i) => i.number === n);
    if (!found) throw new Error(`§ ${n} missing`);
    return found.node;
  };
  const names = (ids: readonly string[]) => ids.map((id) => personNameIn(r.file, id));
  return { ...r, items, item, names };
}

const attendanceOf = (file: ReturnType<typeof load>["file"], name: string) =>
  file.meta.attendance.filter((a) => personNameIn(file, a.person) === name);

describe("a kommunstyrelse protocol with a table of contents, two-column attendance and Dnr on the § line", () => {
  const { file, items, item, names, report } = load(KOMMUNSTYRELSE);

  it("ignores the table of contents and finds §§ 114–117 with Dnr from the § line", () => {
    expect(items.map((i) => i.number)).toEqual([114, 115, 116, 117]);
    expect(file.meta.body.reglemente.firstItemNumber).toBe(114);
    expect(outline(file).map((o) => [o.title, o.dnr])).toEqual([
      ["Godkännande av dagordning", "2026.201 KS"],
      ["Budgetuppföljning februari 2026", "2026.288 KS"],
      ["Motion om gratis kollektivtrafik för pensionärer", "2025.940 KS"],
      ["Detaljplan för Skolgatan", "2026.077 KS"],
    ]);
    expect(file.doc.textContent).not.toContain("........");
  });

  it("reads the header: body, municipality, date, time, place, chair, secretary, justerare, justering", () => {
    expect(file.meta.body).toMatchObject({
      name: "Kommunstyrelsen",
      type: "kommunstyrelse",
      municipality: "Tierps kommun",
    });
    expect(file.meta.meeting).toEqual({
      date: "2026-03-10",
      start: "13:00",
      end: "16:10",
      place: "Kommunhuset, sammanträdesrum Älven",
    });
    expect(personNameIn(file, file.meta.chair)).toBe("Eva Lind");
    expect(personNameIn(file, file.meta.secretary)).toBe("Tomas Lund");
    expect(names(file.meta.adjusters)).toEqual(["Per Ström"]);
    expect(file.meta.adjustment).toEqual({ date: "2026-03-13", place: "Kommunhuset" });
  });

  it("reads both attendance columns, whom a substitute replaces and §-ranges", () => {
    const kent = attendanceOf(file, "Kent Ek");
    expect(kent).toEqual([
      {
        person: kent[0]!.person,
        status: "serving",
        from: "p-114",
        to: "p-115",
        replaces: file.meta.persons.find((p) => p.name === "Lars Berg")!.id,
      },
    ]);
    expect(attendanceOf(file, "Sara Holm")[0]).toMatchObject({
      status: "serving",
      replaces: file.meta.persons.find((p) => p.name === "Nils Dahl")!.id,
      from: null,
      to: null,
    });
    expect(attendanceOf(file, "Lars Berg")[0]).toMatchObject({
      status: "serving",
      from: "p-116",
      to: "p-117",
    });
    expect(attendanceOf(file, "Olle Kvist")[0]).toMatchObject({ status: "present" });
    expect(attendanceOf(file, "Lisa Fors")[0]).toMatchObject({ status: "present" });
    expect(file.meta.persons.find((p) => p.name === "Karin Vik")).toMatchObject({
      role: "official",
      title: "kommundirektör",
    });
    expect(file.meta.persons.find((p) => p.name === "Per Ström")).toMatchObject({
      role: "vice_chair",
      party: "M",
    });
    expect(file.meta.persons.find((p) => p.name === "Eva Lind")).toMatchObject({
      role: "chair",
      party: "S",
    });
    const serving = file.meta.attendance
      .filter((a) => a.status === "serving")
      .map((a) => personNameIn(file, a.person));
    expect(serving).toEqual(
      expect.arrayContaining([
        "Eva Lind",
        "Per Ström",
        "Anna Björk",
        "Johan Ahl",
        "Maria Sund",
        "Gustav Rask",
        "Kent Ek",
        "Sara Holm",
      ]),
    );
  });

  it("reads att-satser as decision points, Anteckning as a protocol note and Expedieras till line by line", () => {
    const decision = blocksOf(item(115), "decision")[0]!;
    expect(decision.childCount).toBe(2);
    expect(decision.child(1).textContent).toBe(
      "att uppdra åt kommundirektören att återkomma med en åtgärdsplan i maj.",
    );
    const note = blocksOf(item(115), "protocol_note")[0]!;
    expect(names(note.attrs.persons)).toEqual(["Maria Sund"]);
    expect(note.textContent).toContain("Underskottet inom äldreomsorgen");
    const dist = blocksOf(item(115), "distribution")[0]!;
    expect(dist.childCount).toBe(2);
    expect(dist.child(1).type.name).toBe("recipient");
    expect(dist.child(1).textContent).toBe("Kommundirektören");
  });

  it("reads a vote written in prose in the Beslutsgång, with its propositions and result", () => {
    const [yes, no] = blocksOf(item(116), "proposal");
    expect(names(yes!.attrs.proposers)).toEqual(["Eva Lind"]);
    expect(names(no!.attrs.proposers)).toEqual(["Maria Sund"]);
    const vote = blocksOf(item(116), "vote")[0]!;
    expect(vote.attrs.tally).toEqual({ ja: 7, nej: 6, avstår: 0 });
    expect(vote.attrs.yes).toBe(yes!.attrs.id);
    expect(vote.attrs.no).toBe(no!.attrs.id);
    expect(vote.attrs.result).toBe("ja");
    expect(blocksOf(item(116), "decision_procedure")[0]!.textContent).toContain(
      "Ordföranden ställer proposition",
    );
    const res = blocksOf(item(116), "reservation")[0]!;
    expect(names(res.attrs.reservants)).toEqual(["Maria Sund"]);
    expect(res.attrs.favouring).toBe(no!.attrs.id);
  });

  it("reads jäv", () => {
    const recusal = blocksOf(item(117), "recusal")[0]!;
    expect(names(recusal.attrs.persons)).toEqual(["Gustav Rask"]);
    expect(blocksOf(item(117), "decision")[0]!.textContent).toBe(
      "Kommunstyrelsen antar detaljplanen för Skolgatan.",
    );
    expect(report.uncertain.filter((u) => u.item !== null)).toEqual([]);
  });
});

describe("a fullmäktige protocol with KF § numbers and a vote table", () => {
  const { file, items, item, names } = load(FULLMAKTIGE);

  it("finds KF § 49 and KF § 50 and the Dnr on the § line", () => {
    expect(items.map((i) => i.number)).toEqual([49, 50]);
    expect(childText(item(50), "dnr")).toBe("KS 2025/112");
    expect(childText(item(50), "item_title")).toBe("Motion om solceller på kommunens tak");
    expect(file.meta.body.type).toBe("kommunfullmäktige");
  });

  it("reads labels with colons: beslutande, secretary, two justerare, justering", () => {
    expect(personNameIn(file, file.meta.chair)).toBe("Eva Lind");
    expect(names(file.meta.adjusters)).toEqual(["Per Ström", "Maria Sund"]);
    expect(file.meta.body.reglemente.adjusters).toBe(2);
    expect(personNameIn(file, file.meta.secretary)).toBe("Tomas Lund");
    expect(file.meta.adjustment.date).toBe("2025-06-19");
    expect(file.meta.meeting).toMatchObject({ date: "2025-06-16", start: "18:00", end: "21:30" });
    expect(file.meta.attendance.filter((a) => a.status === "serving")).toHaveLength(6);
    expect(file.meta.persons.find((p) => p.name === "Per Ström")!.role).toBe("member");
  });

  it("reads each member's vote from the X in the table's columns, and the sum row", () => {
    const vote = blocksOf(item(50), "vote")[0]!;
    const ballots = (vote.attrs.ballots as { person: string; vote: string }[]).map((b) => [
      personNameIn(file, b.person),
      b.vote,
    ]);
    expect(ballots).toEqual([
      ["Eva Lind", "ja"],
      ["Per Ström", "nej"],
      ["Anna Björk", "ja"],
      ["Johan Ahl", "nej"],
      ["Maria Sund", "ja"],
      ["Lena Ros", "avstår"],
    ]);
    expect(vote.attrs.tally).toEqual({ ja: 3, nej: 2, avstår: 1 });
    const [bifall, avslag] = blocksOf(item(50), "proposal");
    expect(avslag!.attrs.kind).toBe("avslag");
    expect(vote.attrs.yes).toBe(bifall!.attrs.id);
    expect(vote.attrs.no).toBe(avslag!.attrs.id);
    expect(vote.textContent).toContain("Ja-röst för bifall till motionen");
    expect(blocksOf(item(50), "vote")).toHaveLength(1);
  });

  it("reads numbered decision points, protokollsanteckning and the justerare § as prose", () => {
    expect(blocksOf(item(50), "decision")[0]!.childCount).toBe(2);
    expect(names(blocksOf(item(50), "protocol_note")[0]!.attrs.persons)).toEqual(["Johan Ahl"]);
    expect(item(49).textContent).toContain("utses att jämte ordföranden justera");
    // one line naming two bodies: two recipients
    expect(recipientsOf(item(50))).toEqual(["Kommunstyrelsen", "Samhällsbyggnadsförvaltningen"]);
  });
});

describe("a nämnd protocol with 'Beslut:' on the line, vote lists, återremiss and jäv", () => {
  const { file, items, item, names } = load(NAMND);

  it("finds §5 and §6 written without a space, with the Dnr after the number", () => {
    expect(items.map((i) => i.number)).toEqual([5, 6]);
    expect(childText(item(5), "dnr")).toBe("BUN 2024/301");
    expect(childText(item(5), "item_subtitle")).toBeNull();
    expect(blocksOf(item(5), "decision")[0]!.textContent).toBe(
      "Nämnden beslutar att införa fria skolskjutsar för gymnasieelever från och med höstterminen 2025.",
    );
  });

  it("reads one-column attendance with 'ersätter', place and time on their own labels", () => {
    expect(file.meta.body.name).toBe("Barn- och utbildningsnämnden");
    expect(file.meta.meeting).toEqual({
      date: "2024-11-20",
      start: "09:00",
      end: "11:45",
      place: "Rådhuset, sal 3",
    });
    const emil = attendanceOf(file, "Emil Sten")[0]!;
    expect(emil).toMatchObject({
      status: "serving",
      replaces: file.meta.persons.find((p) => p.name === "Mats Holm")!.id,
    });
    expect(personNameIn(file, file.meta.chair)).toBe("Karin Ek");
    expect(names(file.meta.adjusters)).toEqual(["Olof Berg"]);
  });

  it("reads återremiss, the vote from Ja:/Nej: lists and a reservation for the återremiss", () => {
    const [, remiss] = blocksOf(item(5), "proposal");
    expect(remiss!.attrs.kind).toBe("återremiss");
    const vote = blocksOf(item(5), "vote")[0]!;
    const byVote = (v: string) =>
      (vote.attrs.ballots as { person: string; vote: string }[])
        .filter((b) => b.vote === v)
        .map((b) => personNameIn(file, b.person));
    expect(byVote("ja")).toEqual(["Karin Ek", "Olof Berg", "Bo Lund", "Åsa Nord"]);
    expect(byVote("nej")).toEqual(["Siv Ahl", "Emil Sten"]);
    expect(vote.attrs.tally).toEqual({ ja: 4, nej: 2, avstår: 0 });
    const res = blocksOf(item(5), "reservation")[0]!;
    expect(names(res.attrs.reservants)).toEqual(["Siv Ahl", "Emil Sten"]);
    expect(res.attrs.favouring).toBe(remiss!.attrs.id);
    const yttrande = blocksOf(item(5), "special_statement")[0]!;
    expect(names(yttrande.attrs.persons)).toEqual(["Åsa Nord"]);
    expect(yttrande.textContent).toBe(
      "Vi välkomnar beslutet men vill se fria resor även för vuxenelever.",
    );
  });

  it("reads jäv and Expedieras till", () => {
    expect(names(blocksOf(item(6), "recusal")[0]!.attrs.persons)).toEqual(["Bo Lund"]);
    expect(recipientsOf(item(6))).toEqual(["Förvaltningschefen"]);
  });
});

describe("PDF-like text: doubled lines, running headers with page numbers, hyphenation", () => {
  const { file, items, item } = load(PDF_LIKE);

  it("uses the running header for body and date and removes it everywhere", () => {
    expect(file.meta.body.name).toBe("Bygg- och miljönämnden");
    expect(file.meta.meeting.date).toBe("2024-05-14");
    expect(items.map((i) => i.number)).toEqual([31, 32]);
    const all = file.doc.textContent;
    for (const furniture of [
      "Sammanträdesprotokoll",
      "Sida 2",
      "Justerandes signatur",
      "Utdragsbestyrkande",
    ])
      expect(all).not.toContain(furniture);
  });

  it("joins a word broken across lines but keeps 'hälso- och' and 'en- och tvåbostadshus'", () => {
    const decision = blocksOf(item(31), "decision")[0]!.textContent;
    expect(decision).toContain("plan- och bygglagen.");
    expect(decision).toContain("funktionshindrade personer.");
    const background = blocksOf(item(31), "background")[0]!;
    expect(background.textContent).toContain("hälso- och miljöskyddet");
    expect(background.textContent).toContain("Ansökan är komplett");
    expect(childText(item(31), "item_title")).toBe(
      "Bygglov för tillbyggnad av en- och tvåbostadshus",
    );
    expect(childText(item(31), "dnr")).toBe("BMN 2024-118");
  });

  it("recognises the decision heading of a body whose name has two words", () => {
    expect(blocksOf(item(32), "decision")[0]!.textContent).toBe(
      "Informationen läggs till handlingarna.",
    );
  });
});

describe("a Ciceron-like first page with signatures under their labels, the notice and a vote table with a party column", () => {
  const { file, item, names } = load(CICERON);

  it("reads labels with values in columns, a label wrapped over two lines and the signatures", () => {
    expect(file.meta.body.name).toBe("Kommunstyrelsen");
    expect(file.meta.meeting).toEqual({
      date: "2021-03-15",
      start: "08:30",
      end: "12:00",
      place: "Kommunhuset",
    });
    expect(file.meta.adjustment).toEqual({ date: "2021-03-17", place: "Kommunhuset" });
    expect(personNameIn(file, file.meta.secretary)).toBe("Anna Svensson");
    expect(personNameIn(file, file.meta.chair)).toBe("Per Persson");
    expect(names(file.meta.adjusters)).toEqual(["Anna Ek"]);
    expect(file.meta.notice).toEqual({ posted: "2021-03-18", keptAt: "Kommunkansliet" });
    expect(file.meta.attendance.map((a) => personNameIn(file, a.person))).toEqual([
      "Per Persson",
      "Anna Ek",
      "Olle Berg",
      "Kim Lund",
      "Rut Dahl",
    ]);
  });

  it("reads the vote table with names without parentheses and a party column", () => {
    const vote = blocksOf(item(20), "vote")[0]!;
    expect(
      (vote.attrs.ballots as { person: string; vote: string }[]).map((b) => [
        personNameIn(file, b.person),
        b.vote,
      ]),
    ).toEqual([
      ["Per Persson", "ja"],
      ["Anna Ek", "nej"],
      ["Olle Berg", "ja"],
      ["Kim Lund", "ja"],
      ["Rut Dahl", "nej"],
    ]);
    expect(vote.attrs.tally).toEqual({ ja: 3, nej: 2, avstår: 0 });
    expect(file.meta.persons.filter((p) => p.name === "Per Persson")).toHaveLength(1);
  });

  it("reads 'Kommunstyrelsen beslutar' as the decision heading and an unheaded decision sentence", () => {
    expect(blocksOf(item(20), "decision")[0]!.childCount).toBe(2);
    expect(blocksOf(item(21), "decision")[0]!.textContent).toBe(
      "Kommunstyrelsen beslutar att informationen läggs till handlingarna.",
    );
  });
});

describe("§ numbers to the right of the titles", () => {
  const { file, items, item, names } = load(TITLE_BEFORE_NUMBER);

  it("finds §§ 1–2 with their titles from the same line and drops the separator rule", () => {
    expect(items.map((i) => i.number)).toEqual([1, 2]);
    expect(childText(item(1), "item_title")).toBe("Val av justerare");
    expect(childText(item(2), "item_title")).toBe("Tillsynsplan 2022");
    expect(childText(item(2), "dnr")).toBe("MHN 2022/14");
    expect(file.doc.textContent).not.toContain("____");
    expect(file.meta.meeting.date).toBe("2022-02-08");
    expect(file.meta.adjustment.date).toBe("2022-02-10");
    expect(personNameIn(file, file.meta.chair)).toBe("Nora Lind");
    expect(names(file.meta.adjusters)).toEqual(["Ali Demir"]);
  });

  it("reads 'Följande ledamöter röstade ja/nej' lists and the totals", () => {
    const vote = blocksOf(item(2), "vote")[0]!;
    const by = (v: string) =>
      (vote.attrs.ballots as { person: string; vote: string }[])
        .filter((b) => b.vote === v)
        .map((b) => personNameIn(file, b.person));
    expect(by("ja")).toEqual(["Nora Lind", "Ali Demir", "Eva Strand"]);
    expect(by("nej")).toEqual(["Björn Alm", "Lars Öst"]);
    expect(vote.attrs.tally).toEqual({ ja: 3, nej: 2, avstår: 0 });
    expect(vote.attrs.result).toBe("ja");
  });
});

describe("an interpellation answer in another style", () => {
  const { file, report } = load(ANSWER_OTHER_STYLE);

  it("reads Dnr before the title, 'Fråga 1:', and a signature with party and title", () => {
    expect(file.kind).toBe("interpellationssvar");
    const ip = file.meta.interpellation!;
    expect(ip.dnr).toBe("KS 2023/0456");
    expect(personNameIn(file, ip.interpellant)).toBe("Lisa Berg");
    expect(personNameIn(file, ip.addressee)).toBe("Erik Holm");
    expect(ip.signatory).toBe(ip.addressee);
    expect(ip.place).toBe("Kalmar");
    expect(ip.date).toBe("2023-09-20");
    expect(file.meta.persons.find((p) => p.id === ip.signatory)).toMatchObject({
      party: "S",
      title: "kommunstyrelsens ordförande",
    });
    expect(report.items).toBe(2);
    const title = file.doc.firstChild!.firstChild!.textContent;
    expect(title).toBe(
      "Svar på interpellation från Lisa Berg (C) till kommunstyrelsens ordförande Erik Holm (S) om bredband på landsbygden",
    );
    expect(file.doc.textContent).toContain("Kommunfullmäktige 2023-09-25");
    expect(file.doc.textContent).toContain("beräknas vara klar under 2026.");
  });
});

describe("signatures after the last § and a chair named only by role", () => {
  const text = `Kultur- och fritidsnämnden
Protokoll 2023-04-12
Ordförande: Lina Berg (S)

§ 7
Bidrag till föreningar 2023
Yrkanden
Ordföranden yrkar bifall till förvaltningens förslag.
Olle Ek (M) yrkar avslag.
Beslutsgång
Ordföranden ställer förslagen mot varandra och finner att nämnden bifaller förvaltningens förslag.
Nämndens beslut
Bidragen fördelas enligt bilaga 1.

Vid protokollet
Tomas Lund

Justeras
Lina Berg                  Olle Ek
`;
  const { file, item, names } = load(text);

  it("reads the secretary and the justerare from the signatures, not as text of the last §", () => {
    expect(personNameIn(file, file.meta.secretary)).toBe("Tomas Lund");
    expect(names(file.meta.adjusters)).toEqual(["Olle Ek"]);
    expect(item(7).textContent).not.toContain("Vid protokollet");
    expect(item(7).textContent).not.toContain("Tomas Lund");
  });

  it("takes 'Ordföranden yrkar' as a yrkande by the chair and sets the order of the proposals", () => {
    const [first, second] = blocksOf(item(7), "proposal");
    expect(names(first!.attrs.proposers)).toEqual(["Lina Berg"]);
    expect(second!.attrs.kind).toBe("avslag");
    expect(blocksOf(item(7), "decision_procedure")[0]!.attrs.order).toEqual([
      first!.attrs.id,
      second!.attrs.id,
    ]);
  });
});

describe("an interpellation answer signed with place and date on lines of their own", () => {
  it("reads place, date and signatory", () => {
    const { file } = load(
      "Svar på interpellation 2024:3 från Eva Ek (KD) om skolbussar\n\nEva Ek (KD) har ställt följande fråga:\n1. När kommer bussarna?\n\nUnder hösten.\n\nVäxjö,\n2024-10-01\n\nPer Holm\nkommunalråd\n",
    );
    const ip = file.meta.interpellation!;
    expect([
      ip.number,
      ip.place,
      ip.date,
      personNameIn(file, ip.signatory),
      personNameIn(file, ip.interpellant),
    ]).toEqual(["2024:3", "Växjö", "2024-10-01", "Per Holm", "Eva Ek"]);
    expect(file.meta.persons.find((p) => p.id === ip.signatory)?.title).toBe("kommunalråd");
  });
});

describe("an interpellation answer with labelled interpellant and addressee", () => {
  it("reads 'Interpellant:' and 'Till:' lines", () => {
    const { file, report } = load(`Interpellationssvar
Interpellant: Eva Ek (KD)
Till: kommunstyrelsens ordförande Erik Holm (S)
Dnr KS 2024/12

Svar på interpellation om skolbussar

Frågor:
1. När kommer bussarna?
2. Vad kostar de?

Bussarna kommer i augusti och kostar 2 miljoner kronor.

Kalmar den 1 mars 2024
Erik Holm
`);
    const ip = file.meta.interpellation!;
    expect(personNameIn(file, ip.interpellant)).toBe("Eva Ek");
    expect(personNameIn(file, ip.addressee)).toBe("Erik Holm");
    expect(ip.signatory).toBe(ip.addressee);
    expect(file.meta.persons.find((p) => p.id === ip.addressee)).toMatchObject({
      party: "S",
      title: "kommunstyrelsens ordförande",
    });
    expect([ip.dnr, ip.date, report.items]).toEqual(["KS 2024/12", "2024-03-01", 2]);
  });
});

describe("a fullmäktige protocol whose first § is an interpellation answer", () => {
  it("is a protocol, not an answer", () => {
    const { file, items } = load(
      "Kommunfullmäktige\nProtokoll 2024-02-26\n\n§ 1\nSvar på interpellation från Eva Ek (KD) om skolbussar\nBeslut\nInterpellationen anses besvarad.\n\n§ 2\nVal av revisor\nBeslut\nTill revisor väljs Ola Berg.\n",
    );
    expect(file.kind).toBe("protokoll");
    expect(items.map((i) => childText(i.node, "item_title"))).toEqual([
      "Svar på interpellation från Eva Ek (KD) om skolbussar",
      "Val av revisor",
    ]);
  });
});

describe("yrkanden in other words", () => {
  it("reads 'lägger ett tilläggsyrkande', 'föreslår att ärendet bordläggs' and 'lämnar ett eget yrkande'", () => {
    const { file, item } = load(`§ 3
Budget
Yrkanden
Anna Ek (S) lägger ett tilläggsyrkande: att förvaltningen återkommer i maj.
Per Berg (M) föreslår att ärendet bordläggs.
Olle Dahl (C) lämnar ett eget yrkande: att budgeten fastställs med en ram om 12 mnkr.
Ärendet
Sveriges Kommuner och Regioner (SKR) har yttrat sig.
`);
    const proposals = blocksOf(item(3), "proposal");
    expect(proposals.map((p) => [p.attrs.kind, p.textContent])).toEqual([
      ["tillägg", "att förvaltningen återkommer i maj."],
      ["bordläggning", ""],
      ["eget_förslag", "att budgeten fastställs med en ram om 12 mnkr."],
    ]);
    expect(file.meta.persons.map((p) => p.name)).toEqual(["Anna Ek", "Per Berg", "Olle Dahl"]);
  });

  it("reads yrkanden written as 'Name (P): Bifall till …'", () => {
    const { item, names } = load(
      "§ 4\nTaxor\nYrkanden\nEva Lind (S): Bifall till arbetsutskottets förslag.\nPer Ström (M): Avslag.\n",
    );
    const [a, b2] = blocksOf(item(4), "proposal");
    expect([a!.attrs.kind, a!.attrs.subject, names(a!.attrs.proposers)]).toEqual([
      "bifall",
      "arbetsutskottets förslag",
      ["Eva Lind"],
    ]);
    expect([b2!.attrs.kind, names(b2!.attrs.proposers)]).toEqual(["avslag", ["Per Ström"]]);
  });
});

describe("a meeting line with the date first", () => {
  it("takes the place from what is left of 'Tid och plats'", () => {
    const { file } = load(
      "Tekniska nämnden\nTid och plats: tisdagen den 7 mars 2023 kl. 13.00–15.00, Stadshuset, sal B\n§ 1\nÄrende\n",
    );
    expect(file.meta.meeting).toEqual({
      date: "2023-03-07",
      start: "13:00",
      end: "15:00",
      place: "Stadshuset, sal B",
    });
  });
});

describe("attendance lists without parties", () => {
  it("reads names separated by commas and 'och', and titles after names", () => {
    const { file, names } = load(`Valnämnden
Protokoll 2022-09-05
Ledamöter: Anna Ek, ordförande, Per Berg och Olle Dahl §§ 1-2
Övriga närvarande: Lisa Lindqvist Sterner, förvaltningschef, Anna Berg, sekreterare

§ 1
Ärende ett
§ 2
Ärende två
`);
    expect(
      file.meta.attendance.map((a) => [personNameIn(file, a.person), a.status, a.from, a.to]),
    ).toEqual([
      ["Anna Ek", "serving", null, null],
      ["Per Berg", "serving", null, null],
      ["Olle Dahl", "serving", "p-1", "p-2"],
      ["Lisa Lindqvist Sterner", "present", null, null],
      ["Anna Berg", "present", null, null],
    ]);
    expect(personNameIn(file, file.meta.chair)).toBe("Anna Ek");
    expect(personNameIn(file, file.meta.secretary)).toBe("Anna Berg");
    expect(file.meta.persons.find((p) => p.name === "Lisa Lindqvist Sterner")).toMatchObject({
      role: "official",
      title: "förvaltningschef",
    });
    expect(names([file.meta.secretary!])).toEqual(["Anna Berg"]);
  });

  it("reads a table of members with the party and the role in columns of their own", () => {
    const { file } = load(`Socialnämnden
Sammanträdesdatum 2022-09-05
Beslutande
Namn                    Parti    Uppdrag
Per Persson             M        Ordförande
Anna Ek                 S        Vice ordförande
Olle Dahl               C

§ 1
Ärende
`);
    expect(file.meta.persons.map((p) => [p.name, p.party, p.role])).toEqual([
      ["Per Persson", "M", "chair"],
      ["Anna Ek", "S", "vice_chair"],
      ["Olle Dahl", "C", "member"],
    ]);
    expect(personNameIn(file, file.meta.chair)).toBe("Per Persson");
    expect(file.meta.attendance.filter((a) => a.status === "serving")).toHaveLength(3);
  });
});

describe("other ways of writing § lines and headings", () => {
  it("reads '§ 5 (Dnr …)', '§ 6 – Title', headings in capitals, omedelbar justering and sekretess", () => {
    const { item } = load(`§ 5 (Dnr KS 2020/393)
Godkännande av dagordning
KOMMUNSTYRELSENS BESLUT
Dagordningen godkänns.
Paragrafen förklaras omedelbart justerad.
§ 6 – Placering enligt LVU
Vårt dnr SN 2020/77
BESLUT
Nämnden beslutar enligt förvaltningens förslag.
Ärendet omfattas av sekretess enligt OSL 26 kap. 1 §.
`);
    expect(childText(item(5), "dnr")).toBe("KS 2020/393");
    expect(childText(item(5), "item_title")).toBe("Godkännande av dagordning");
    expect(blocksOf(item(5), "decision")[0]!.textContent).toContain("Dagordningen godkänns.");
    expect(item(5).attrs.immediate).toBe(true);
    expect(childText(item(6), "item_title")).toBe("Placering enligt LVU");
    expect(childText(item(6), "dnr")).toBe("SN 2020/77");
    expect(item(6).attrs.confidential).toBe("OSL 26 kap. 1 §");
    expect(item(5).attrs.confidential).toBeNull();
  });

  it("does not take a title with a year range for a Dnr", () => {
    const { item } = load(
      "§ 12 Budget 2027-2029\nBeslut\nBudgeten fastställs.\n§ 13 KS 2026/14\nTaxor\n",
    );
    expect(childText(item(12), "item_title")).toBe("Budget 2027-2029");
    expect(childText(item(12), "dnr")).toBeNull();
    expect(childText(item(13), "dnr")).toBe("KS 2026/14");
    expect(childText(item(13), "item_title")).toBe("Taxor");
  });
});

describe("what the importer cannot place", () => {
  it("keeps unrecognised text as paragraphs and reports what it was unsure about", () => {
    const r = importText("Några anteckningar från mötet.\nInget här ser ut som ett protokoll.\n");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.doc.textContent).toContain("Inget här ser ut som ett protokoll.");
    expect(r.report.uncertain.some((u) => /Inga paragrafer/.test(u.message))).toBe(true);
  });

  it("reports a yrkande it could not read but keeps its text", () => {
    const r = importText(
      "§ 1\nÖvrigt\nYrkanden\nAnna Ek (S) yrkar att frågan lyfts på nästa möte.\nPer Berg (M) yrkar något helt annat.\n",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const item = r.file.doc.firstChild!;
    const proposals = blocksOf(item, "proposal");
    expect(proposals).toHaveLength(2);
    expect(proposals[0]!.attrs.kind).toBe("eget_förslag");
    expect(proposals[0]!.textContent).toBe("att frågan lyfts på nästa möte.");
    expect(proposals[1]!.attrs.kind).toBe("eget_förslag");
    expect(proposals[1]!.textContent).toBe("något helt annat.");
    expect(
      r.report.uncertain.some((u) => u.item === 1 && /Yrkandet kunde inte tolkas/.test(u.message)),
    ).toBe(true);
  });

  it("gives a clear error for text without letters", () => {
    const r = importText("   \n\n 12 34 \n");
    expect(r).toEqual({ ok: false, error: expect.stringContaining("ingen text") });
  });
});

describe("persons in the prose", () => {
  it("links 'alla (S)', 'båda (V)' and 'm.fl.' to persons with their parties", () => {
    const r = importText(
      "§ 1\nÄrende\nReservation\nVice ordföranden Anna Ek m.fl. (V), tjänstgörande ersättaren Bo Ahl båda (V), ledamöterna Cia Berg, Dan Dahl, Eva Ek alla (S) reserverade sig mot beslutet.\n",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const res = blocksOf(r.file.doc.firstChild!, "reservation")[0] as Node;
    const persons = (res.attrs.reservants as string[]).map((id) =>
      r.file.meta.persons.find((p) => p.id === id)!,
    );
    expect(persons.map((p) => [p.name, p.party, p.role])).toEqual([
      ["Anna Ek", "V", "vice_chair"],
      ["Bo Ahl", "V", "substitute"],
      ["Cia Berg", "S", "member"],
      ["Dan Dahl", "S", "member"],
      ["Eva Ek", "S", "member"],
    ]);
    expect(res.attrs.andOthers).toEqual([persons[0]!.id]);
  });
});
