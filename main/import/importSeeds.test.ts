import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Node } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { parse, serialize } from "../../schemas/file.js";
import { numberedItems } from "../../schemas/numbering.js";
import { importText } from "./importDocument.js";
import { blocksOf, childText, personNameIn } from "./testOutline.testkit.js";

const seedsDir = join(import.meta.dirname, "../../seeds");
const seedText = (nnn: string) => {
  const name = readdirSync(seedsDir).find((n) => n.startsWith(`${nnn}-`) && n.endsWith(".txt"));
  if (!name) throw new Error(`seed ${nnn} missing`);
  return readFileSync(join(seedsDir, name), "utf8");
};

function imported(nnn: string) {
  const r = importText(seedText(nnn), `${nnn}.txt`);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe("seed 002 (Socialnämnden 2020-08-25) imports as the protocol it is", () => {
  const { file, report } = imported("002");
  const items = numberedItems(file.doc, file.meta);
  const item = (n: number) => items.find((i) => i.number === n)!.node;
  const names = (ids: string[]) => ids.map((id) => personNameIn(file, id));
  const party = (id: string) => file.meta.persons.find((p) => p.id === id)?.party;

  it("reads body, meeting date, chair, justerare and justering date", () => {
    expect(file.kind).toBe("protokoll");
    expect(file.meta.body.name).toBe("Socialnämnden");
    expect(file.meta.meeting.date).toBe("2020-08-25");
    expect(personNameIn(file, file.meta.chair)).toBe("Jan Jönsson");
    expect(names(file.meta.adjusters)).toEqual(["Alexandra Mattsson Åkerström"]);
    expect(file.meta.adjustment.date).toBe("2020-08-31");
  });

  it("has exactly 16 §§ numbered 1–16 with their titles", () => {
    expect(report.items).toBe(16);
    expect(items.map((i) => i.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(file.meta.body.reglemente.firstItemNumber).toBe(1);
    const titles = items.map((i) => childText(i.node, "item_title"));
    expect(titles[0]).toBe("Godkännande av dagordning");
    expect(titles[1]).toBe("Val av justerare och dag för justering");
    expect(titles[4]).toBe(
      "Motion (SD) om att klarlägga Stockholms stads kostnader för nyanlända, asylinvandring och illegala invandrare - svar till kommunstyrelsen KS 2020/393",
    );
    expect(titles[5]).toContain(
      "den offentligt finansierade hälso- och sjukvården, läkemedelsindustrin",
    );
    expect(titles[8]).toBe("Månadsrapport för juli månad 2020");
    expect(titles[12]).toBe("Ledsagning för inköp av dagligvaror");
    expect(titles[14]).toBe("Anmälningsfrågor");
    expect(titles[15]).toBe("Skrivelse från (V) om frågan om sexköp");
    expect(childText(item(13), "item_subtitle")).toBe(
      "En översyn av möjligheterna till ledsagning och ledsagarservice för inköp av dagligvaror.",
    );
  });

  it("has a Dnr on §§ 5–14 and on no other §", () => {
    for (const it of items) {
      const dnr = childText(it.node, "dnr");
      if (it.number >= 5 && it.number <= 14)
        expect(dnr, `§ ${it.number}`).toMatch(/^\d+(\.\d+)*-\d+\/\d{4}$/);
      else expect(dnr, `§ ${it.number}`).toBeNull();
    }
    expect(childText(item(5), "dnr")).toBe("1.7.1-213/2020");
    expect(childText(item(12), "dnr")).toBe("1.2.1-511/2020");
  });

  it("has decisions with 2 numbered points in §§ 11, 12, 13", () => {
    for (const n of [11, 12, 13]) {
      const [decision] = blocksOf(item(n), "decision");
      expect(decision, `§ ${n}`).toBeDefined();
      expect(decision!.childCount).toBe(2);
      decision!.forEach((p) => expect(p.type.name).toBe("decision_point"));
    }
    expect(blocksOf(item(11), "decision")[0]!.child(0).textContent).toBe(
      "Socialnämnden godkänner socialtjänstinspektörernas rapport",
    );
  });

  it("has 3 yrkanden in § 5 and in § 7, with their proposers as persons", () => {
    for (const n of [5, 7]) expect(blocksOf(item(n), "proposal"), `§ ${n}`).toHaveLength(3);
    const [first, second, third] = blocksOf(item(5), "proposal");
    expect(names(first!.attrs.proposers)).toEqual([
      "Jan Jönsson",
      "Ole-Jörgen Persson",
      "Mariana Moreira Duarte",
      "Michaela Hollis",
      "Johan Kling",
    ]);
    expect(names(first!.attrs.andOthers)).toEqual(["Ole-Jörgen Persson"]);
    expect(first!.attrs.subject).toBe("förvaltningens förslag till beslut");
    expect(names(second!.attrs.proposers)).toEqual([
      "Alexandra Mattsson Åkerström",
      "Karin Gustafsson",
    ]);
    expect(third!.attrs.kind).toBe("eget_förslag");
    expect(names(third!.attrs.proposers)).toEqual(["Linnéa Vinge"]);
  });

  it("has one reservation in § 5 (Linnéa Vinge, SD) favouring her own proposal", () => {
    const res = blocksOf(item(5), "reservation");
    expect(res).toHaveLength(1);
    expect(names(res[0]!.attrs.reservants)).toEqual(["Linnéa Vinge"]);
    expect(party(res[0]!.attrs.reservants[0])).toBe("SD");
    const own = blocksOf(item(5), "proposal").find((p) => p.attrs.id === res[0]!.attrs.favouring)!;
    expect(own.attrs.kind).toBe("eget_förslag");
    expect(res[0]!.textContent).toContain("Att motionen tillstyrks");
    expect(res[0]!.textContent).toContain("motionen ska bifallas i sin helhet");
  });

  it("has one reservation in § 7 by five members of V and S", () => {
    const res = blocksOf(item(7), "reservation");
    expect(res).toHaveLength(1);
    const ids = res[0]!.attrs.reservants as string[];
    expect(names(ids)).toEqual([
      "Alexandra Mattsson Åkerström",
      "Björn Häll Kellerman",
      "Karin Gustafsson",
      "Anders Göransson",
      "Lotten Hammar",
    ]);
    expect(ids.map(party)).toEqual(["V", "V", "S", "S", "S"]);
    const favoured = blocksOf(item(7), "proposal").find(
      (p) => p.attrs.id === res[0]!.attrs.favouring,
    )!;
    expect(names(favoured.attrs.proposers)).toContain("Alexandra Mattsson Åkerström");
  });

  it("has särskilda uttalanden: one in § 8, one in § 13, two in § 14 (V+S, and SD)", () => {
    expect(blocksOf(item(8), "special_statement")).toHaveLength(1);
    expect(blocksOf(item(13), "special_statement")).toHaveLength(1);
    const s14 = blocksOf(item(14), "special_statement");
    expect(s14).toHaveLength(2);
    expect((s14[0]!.attrs.persons as string[]).map(party)).toEqual(["V", "S"]);
    expect(names(s14[1]!.attrs.persons)).toEqual(["Linnéa Vinge"]);
    for (const n of [1, 2, 3, 4, 6, 9, 10, 11, 12, 15, 16])
      expect(blocksOf(item(n), "special_statement"), `§ ${n}`).toHaveLength(0);
  });

  it("has an ersättaryttrande by Anna Rantala Bonnier (Fi) in each of §§ 5, 7, 8, 13, 14", () => {
    for (const it of items) {
      const st = blocksOf(it.node, "substitute_statement");
      if ([5, 7, 8, 13, 14].includes(it.number)) {
        expect(st, `§ ${it.number}`).toHaveLength(1);
        expect(names(st[0]!.attrs.persons)).toEqual(["Anna Rantala Bonnier"]);
        expect(party(st[0]!.attrs.persons[0])).toBe("Fi");
      } else expect(st, `§ ${it.number}`).toHaveLength(0);
    }
    expect(file.meta.body.reglemente.substituteStatements).toBe(true);
  });

  it("has § 15 as a list A–D", () => {
    const lists: Node[] = [];
    item(15).forEach((c) => c.type.name === "ordered_list" && lists.push(c));
    expect(lists).toHaveLength(1);
    expect(lists[0]!.attrs.style).toBe("upper-alpha");
    expect(lists[0]!.childCount).toBe(4);
    expect(lists[0]!.child(2).textContent).toBe(
      "Protokoll från individutskottets sammanträden 2020-05-04, 2020-06-16",
    );
  });

  it("keeps no page-header text and no stray HIER anywhere, but keeps the text around the header", () => {
    const json = serialize(file);
    expect(json).not.toContain("HIER");
    const s13 = blocksOf(item(13), "special_statement")[0]!.textContent;
    expect(s13).toContain("dvs att man ej ska hänvisas till hemtjänst");
    let headerLike = 0;
    file.doc.descendants((n) => {
      if (n.isTextblock && /^(Socialnämnden|Protokoll|2020-08-25)$/.test(n.textContent.trim()))
        headerLike++;
      return true;
    });
    expect(headerLike).toBe(0);
    expect(file.doc.textContent).not.toMatch(/Protokoll\s*2020-08-25/);
  });

  it("merges the spellings Mattson/Mattsson Åkerström into one person and reports it", () => {
    const alexandra = file.meta.persons.filter((p) => /Åkerström/.test(p.name));
    expect(alexandra).toHaveLength(1);
    expect(report.mergedNames).toContainEqual({
      kept: "Alexandra Mattsson Åkerström",
      variants: ["Alexandra Mattson Åkerström"],
    });
  });

  it("keeps the text of §§ without headings as paragraphs in the right §", () => {
    expect(item(3).textContent).toContain("Nämnden tackade för informationen.");
    expect(item(16).textContent).toContain(
      "Vilka förstärkningar behövs inom förvaltningens enheter",
    );
    expect(blocksOf(item(16), "decision")[0]!.textContent).toBe(
      "Nämnden beslutar att uppdra till förvaltningen att bereda skrivelsen från (V) och återkomma till nämnden",
    );
  });

  it("round-trips: parse(serialize(file)) is the same document", () => {
    const again = parse(serialize(file));
    expect(again.ok).toBe(true);
    if (again.ok) expect(serialize(again.file)).toBe(serialize(file));
  });
});

describe("the interpellation answers (seeds 000, 001, 003, 004)", () => {
  const cases = [
    {
      nnn: "000",
      dnr: "KS 2021/1069",
      number: null,
      interpellant: ["Alexandra Mattsson Åkerström", "V"],
      addressee: "Jan Jönsson",
      questions: 4,
      date: "2022-01-05",
      signatory: "Jan Jönsson",
    },
    {
      nnn: "001",
      dnr: "KS 2022/65",
      number: null,
      interpellant: ["Alexandra Mattsson Åkerström", "V"],
      addressee: "Jan Jönsson",
      questions: 3,
      date: "2022-03-22",
      signatory: "Jan Jönsson",
    },
    {
      nnn: "003",
      dnr: null,
      number: "2008:50",
      interpellant: ["Karin Rågsjö", "V"],
      addressee: "Ulf Kristersson",
      questions: 4,
      date: "2009-02-10",
      signatory: "Ulf Kristersson",
    },
    {
      nnn: "004",
      dnr: "KS 2019/358",
      number: "2019:11",
      interpellant: ["Clara Lindblom", "V"],
      addressee: "Anna König Jerlmyr",
      questions: 5,
      date: "2019-04-03",
      signatory: "Anna König Jerlmyr",
    },
  ];
  for (const c of cases)
    it(`seed ${c.nnn} has its Dnr/number, interpellant, addressee, ${c.questions} questions, date and signatory`, () => {
      const { file, report } = imported(c.nnn);
      expect(file.kind).toBe("interpellationssvar");
      const ip = file.meta.interpellation!;
      expect(ip.dnr).toBe(c.dnr);
      expect(ip.number).toBe(c.number);
      expect(personNameIn(file, ip.interpellant)).toBe(c.interpellant[0]);
      expect(file.meta.persons.find((p) => p.id === ip.interpellant)?.party).toBe(
        c.interpellant[1],
      );
      expect(personNameIn(file, ip.addressee)).toBe(c.addressee);
      expect(ip.date).toBe(c.date);
      expect(ip.place).toBe("Stockholm");
      expect(personNameIn(file, ip.signatory)).toBe(c.signatory);
      const questions: Node[] = [];
      file.doc.descendants((n) => {
        if (n.type.name === "ip_question") questions.push(n);
        return n.type.name !== "ip_question";
      });
      expect(questions).toHaveLength(c.questions);
      expect(report.items).toBe(c.questions);
      for (const q of questions) expect(q.textContent).toMatch(/\?/);
      expect(file.doc.firstChild!.lastChild!.type.name).toBe("signature");
      // the signature lines are in meta, not repeated as text
      expect(
        file.doc.firstChild!.child(file.doc.firstChild!.childCount - 2).textContent,
      ).not.toMatch(new RegExp(`^${c.signatory}$`));
    });

  it("seed 003 keeps each question before its answer and the signatory's title", () => {
    const { file } = imported("003");
    const answer = file.doc.firstChild!;
    const kinds: string[] = [];
    answer.forEach((c) => kinds.push(c.type.name));
    expect(kinds.slice(0, 3)).toEqual(["ip_title", "paragraph", "ip_question"]);
    expect(kinds.filter((k) => k === "ip_question")).toHaveLength(4);
    const second = kinds.indexOf("ip_question", kinds.indexOf("ip_question") + 1);
    expect(kinds.slice(kinds.indexOf("ip_question") + 1, second)).toContain("paragraph");
    expect(file.meta.persons.find((p) => p.id === file.meta.interpellation!.signatory)?.title).toBe(
      "socialborgarråd",
    );
  });

  it("seed 004 keeps the sub-bullets of question 2 and merges König Jerlmyr with Anna König Jerlmyr", () => {
    const { file, report } = imported("004");
    const questions: Node[] = [];
    file.doc.descendants((n) => {
      if (n.type.name === "ip_question") questions.push(n);
      return n.type.name !== "ip_question";
    });
    const q2 = questions[1]!;
    expect(q2.child(0).textContent).toBe("Om handlingsplanen formellt finns kvar:");
    expect(q2.child(1).type.name).toBe("bullet_list");
    expect(q2.child(1).childCount).toBe(3);
    expect(report.mergedNames).toContainEqual({
      kept: "Anna König Jerlmyr",
      variants: ["König Jerlmyr"],
    });
    expect(file.meta.interpellation!.addressee).toBe(file.meta.interpellation!.signatory);
  });

  it("seed 000 does not take the answer's numbered paragraphs 3) and 4) for questions", () => {
    const { file } = imported("000");
    expect(file.doc.textContent).toContain(
      "När det gäller det uppsökande arbetet riktat mot anhöriga",
    );
    let questionText = "";
    file.doc.descendants((n) => {
      if (n.type.name === "ip_question") questionText += n.textContent;
      return true;
    });
    expect(questionText).not.toContain("uppsökande arbetet riktat");
  });
});

describe("no text of the seeds is lost", () => {
  // Lead-ins of yrkanden, reservations and statements are generated from the structure, so their
  // lines are not expected verbatim; every other line of eight words or more must be in the document.
  const leadIn =
    /yrkade|reserverade|förmån för det egna|m\.\s?fl\.|^\(M\),|^Ordföranden Jan|^Ersättaren|^Vice ordföranden|ledamöterna/;
  for (const nnn of ["000", "001", "002", "003", "004"])
    it(`seed ${nnn}: every long line is in the imported document`, () => {
      const { file } = imported(nnn);
      const norm = (t: string) => t.replace(/\s+/g, " ").trim();
      let text = "";
      file.doc.descendants((n) => {
        if (n.isTextblock) text += ` ${n.textContent} `;
        return true;
      });
      text = norm(text);
      const missing = seedText(nnn)
        .split("\n")
        .map(norm)
        .filter((l) => l.split(" ").length >= 8 && !leadIn.test(l))
        .map((l) => l.replace(/^(\d[.)]|-)\s*/, "").replace(/-$/, ""))
        .filter((l) => !text.includes(l));
      expect(missing).toEqual([]);
    });
});
