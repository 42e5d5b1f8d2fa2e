import { describe, expect, it } from "vitest";
import {
  confidentialProtocol,
  INVALID_PERSONAL_NUMBERS,
  SECRET_TEXT,
  seed002,
  VALID_PERSONAL_NUMBERS,
} from "../../main/export/testFixtures.testkit.js";
import * as b from "../build.js";
import { createFile, type ProtokollFile } from "../file.js";
import { templates } from "../../templates/index.js";
import { isPersonalNumber } from "./maskPersonalNumbers.js";
import { mapText, renderDocument, sectionRange, type RenderOptions } from "./renderDocument.js";
import type { Block, RenderedDocument } from "./renderModel.js";

function render(file: ProtokollFile, options: RenderOptions): RenderedDocument {
  const r = renderDocument(file, options);
  if (!r.ok) throw new Error(r.error);
  return r.rendered;
}

/** Every piece of text of a rendered document, in order. */
function texts(doc: RenderedDocument): string[] {
  const out: string[] = [];
  mapText(doc, (s) => {
    out.push(s);
    return s;
  });
  return out;
}

const headings = (doc: RenderedDocument, level: 1 | 2 | 3) =>
  doc.blocks
    .filter(
      (x): x is Extract<Block, { type: "heading" }> => x.type === "heading" && x.level === level,
    )
    .map((h) => h.runs.map((r) => r.text).join(""));

function formValue(doc: RenderedDocument, label: string): string | undefined {
  for (const bl of doc.blocks)
    if (bl.type === "table" && bl.role === "form")
      for (const row of bl.rows) if (row[0] === label) return row[1];
  return undefined;
}

describe("renderDocument: the full protocol", () => {
  const doc = render(seed002(), { output: "full" });

  it("prints every § as a heading with its derived number and title, in order, bookmarked", () => {
    const items = doc.blocks.filter((x) => x.type === "heading" && x.level === 2 && x.bookmark);
    expect(items).toHaveLength(16);
    expect(headings(doc, 2).filter((h) => h.startsWith("§ "))[4]).toMatch(
      /^§ 5 {2}Motion \(SD\) om att klarlägga/,
    );
  });

  it("generates the headings and lead-ins the way seed 002 reads", () => {
    const all = texts(doc).join("\n");
    expect(headings(doc, 3)).toContain("Socialnämndens beslut");
    for (const h of [
      "Ärendet",
      "Beslutsordning",
      "Yrkanden",
      "Reservation",
      "Särskilt uttalande",
      "Ersättaryttrande",
    ])
      expect(headings(doc, 3)).toContain(h);
    expect(all).toContain(
      "Ordföranden Jon Järvholm (L), ledamöterna Olof-Johan Pettersén m.fl. (M), Maria Molina Dahlberg (MP), Mikaela Hedin (KD), tjänstgörande ersättaren Jonas Krook (C) yrkade bifall till förvaltningens förslag till beslut.",
    );
    expect(all).toContain("Ledamoten Linda Vall (SD) yrkade bifall till eget förslag till beslut.");
    expect(all).toContain(
      "Ledamoten Linda Vall (SD) reserverade sig mot beslutet till förmån för det egna förslaget.",
    );
    expect(all).toContain("Ersättaren Alva Rydén Berglöf (Fi)");
    // item_ref shows the current number of § 16
    const p1 = doc.blocks.find(
      (x) => x.type === "paragraph" && x.runs.some((r) => r.text.includes("tillägg av skrivelse")),
    );
    expect(p1 && p1.type === "paragraph" && p1.runs.map((r) => r.text).join("")).toBe(
      "Den utsända dagordningen godkändes med tillägg av skrivelse från (V), § 16.",
    );
  });

  it("numbers § 11's two decision points and lists § 15 as A–D", () => {
    const lists: Extract<Block, { type: "list" }>[] = doc.blocks.filter(
      (x): x is Extract<Block, { type: "list" }> => x.type === "list",
    );
    expect(
      lists.some(
        (l) =>
          l.style === "decimal" &&
          l.items.length === 2 &&
          JSON.stringify(l).includes("överlämnar rapporten"),
      ),
    ).toBe(true);
    expect(lists.some((l) => l.style === "upper-alpha" && l.items.length === 4)).toBe(true);
  });

  it("prints the vote with each member's vote and the totals", () => {
    const vote = doc.blocks.find(
      (x): x is Extract<Block, { type: "table" }> => x.type === "table" && x.role === "vote",
    );
    expect(vote).toBeDefined();
    expect(vote!.rows.at(-1)).toEqual(["Summa", "", "5", "5", "1"]);
    expect(vote!.rows.find((r) => r[0] === "Linda Vall")).toEqual([
      "Linda Vall",
      "SD",
      "",
      "",
      "X",
    ]);
    expect(texts(doc).join("\n")).toContain(
      "Omröstningen utföll med 5 ja-röster, 5 nej-röster och 1 som avstod.",
    );
  });

  it("lists the attendance from the ledger: beslutande, tjänstgörande ersättare with whom they replace, ersättare, övriga", () => {
    const all = texts(doc);
    expect(headings(doc, 3).slice(0, 4)).toEqual([
      "Beslutande",
      "Tjänstgörande ersättare",
      "Ersättare",
      "Övriga närvarande",
    ]);
    expect(all).toContain("ersätter Mats Larsson (C)");
    expect(all).toContain("Alva Rydén Berglöf");
    expect(all).toContain("förvaltningschef");
  });

  it("notes the §§ of those who did not attend the whole meeting, whom a substitute replaced when, and jäv", () => {
    const file = seed002();
    file.meta.attendance = [
      ...file.meta.attendance.filter((a) => a.person !== "ml" && a.person !== "jk"),
      { person: "ml", status: "serving", from: null, to: "p4", replaces: null },
      { person: "jk", status: "present", from: null, to: "p4", replaces: null },
      { person: "jk", status: "serving", from: "p5", to: null, replaces: "ml" },
    ];
    file.meta.recusals = [{ person: "lv", item: "p9" }];
    const d = render(file, { output: "full" });
    const rows = d.blocks
      .filter(
        (x): x is Extract<Block, { type: "table" }> =>
          x.type === "table" && x.role === "attendance",
      )
      .flatMap((t) => t.rows);
    expect(rows).toContainEqual(["Mats Larsson", "C", "§§ 1–4"]);
    expect(rows).toContainEqual(["Jonas Krook", "C", "ersätter Mats Larsson (C) §§ 5–16"]);
    expect(rows).toContainEqual(["Linda Vall", "SD", "§§ 1–8, 10–16"]);
    expect(texts(d)).toContain(
      "Linda Vall (SD) anmälde jäv och deltog inte i handläggningen av § 9.",
    );
  });

  it("ends with the signatures and the ANSLAG/BEVIS block", () => {
    const sigs = doc.blocks
      .filter((x): x is Extract<Block, { type: "signatures" }> => x.type === "signatures")
      .flatMap((s) => s.signers);
    expect(sigs.map((s) => s.role)).toEqual([
      "Sekreterare",
      "Ordförande",
      "Justerare",
      "Underskrift",
    ]);
    expect(sigs[2]!.name).toBe("Agnes Malmberg Åström");
    expect(formValue(doc, "Förvaringsplats för protokollet")).toBe(
      "Socialförvaltningen, Swedenborgsgatan 20, Stockholm",
    );
    expect(formValue(doc, "Justeringsdatum")).toBe("31 augusti 2020");
  });

  it("has the header, footer boxes for chair and justerare, and no watermark unless draft", () => {
    expect(doc.header).toEqual({ left: "Socialnämnden", center: "Protokoll", right: "2020-08-25" });
    expect(doc.footer).toEqual({ signatureBoxes: 2, pageNumbers: true });
    expect(doc.watermark).toBeNull();
    expect(render(seed002(), { output: "full", draft: true }).watermark).toBe("UTKAST");
  });
});

describe("renderDocument: the public version", () => {
  const file = confidentialProtocol();
  const pub = render(file, { output: "public" });
  const all = texts(pub).join("\n");

  it("contains no valid personnummer anywhere, including text from the metadata", () => {
    const candidates = all.match(/\d[\d+-]{9,13}\d/g) ?? [];
    expect(candidates.filter(isPersonalNumber)).toEqual([]);
    for (const n of VALID_PERSONAL_NUMBERS) expect(all).not.toContain(n);
    expect(pub.creator).not.toMatch(/\d{6}/);
  });

  it("leaves numbers with a wrong check digit as they are", () => {
    for (const n of INVALID_PERSONAL_NUMBERS) expect(all).toContain(n);
  });

  it("replaces a sekretess § by a line with its OSL reference and keeps none of its text", () => {
    expect(all).not.toContain(SECRET_TEXT);
    expect(all).not.toContain("Placering enligt LVU");
    expect(all).toContain(
      "Paragrafen omfattas av sekretess enligt OSL 26 kap. 1 § och är borttagen i den offentliga versionen.",
    );
    expect(headings(pub, 2)).toContain("§ 3  Sekretessbelagt ärende");
  });

  it("does not mask anything in the ordinary full protocol", () => {
    const full = texts(render(file, { output: "full" })).join("\n");
    expect(full).toContain(SECRET_TEXT);
    expect(full).toContain(VALID_PERSONAL_NUMBERS[0]);
  });
});

describe("renderDocument: the notice (anslag)", () => {
  const noticeOf = (meeting: string, adjusted: string, posted: string | null) => {
    const f = confidentialProtocol();
    f.meta.meeting.date = meeting;
    f.meta.adjustment.date = adjusted;
    f.meta.notice.posted = posted;
    f.meta.status = "adjusted";
    return render(f, { output: "notice" });
  };

  it("takes the notice down the day after the three-week appeal period, at the earliest", () => {
    const n = noticeOf("2020-08-25", "2020-08-31", "2020-09-01");
    expect(formValue(n, "Sammanträdesdatum")).toBe("25 augusti 2020");
    expect(formValue(n, "Justeringsdatum")).toBe("31 augusti 2020");
    expect(formValue(n, "Datum då anslaget sätts upp")).toBe("1 september 2020");
    expect(formValue(n, "Datum då anslaget tas ned")).toBe("tidigast 23 september 2020");
    expect(formValue(n, "Förvaringsplats för protokollet")).toBe("Socialförvaltningen");
    expect(texts(n)).toContain(
      "Socialnämndens protokoll från sammanträdet den 25 augusti 2020, §§ 1–3, är justerat.",
    );
  });

  it("moves the end of the appeal period past a weekend to the Monday", () => {
    // posted Saturday 5 September 2020 → three weeks = Saturday 26 September → Monday 28 September
    expect(
      formValue(noticeOf("2020-09-01", "2020-09-03", "2020-09-05"), "Datum då anslaget tas ned"),
    ).toBe("tidigast 29 september 2020");
  });

  it("moves it past Easter (långfredag to annandag påsk) to the Tuesday", () => {
    // posted 12 March 2021 → 2 April 2021 is långfredagen; 3–5 April weekend and annandag påsk
    const n = noticeOf("2021-03-09", "2021-03-11", "2021-03-12");
    expect(formValue(n, "Datum då anslaget tas ned")).toBe("tidigast 7 april 2021");
    expect(texts(n).join("\n")).toContain("senast den 6 april 2021");
  });

  it("moves it past trettondedag jul and prints the last allowed posting day as 'senast' when none is recorded", () => {
    // justerad 14 December 2020, posted at the latest 16 December → 6 January 2021 (trettondedag jul) → 7 January
    const n = noticeOf("2020-12-10", "2020-12-14", null);
    expect(formValue(n, "Datum då anslaget sätts upp")).toBe("senast 16 december 2020");
    expect(formValue(n, "Datum då anslaget tas ned")).toBe("tidigast 8 januari 2021");
    expect(texts(n)).toContain("Protokollet är justerat. Justeringen tillkännages genom anslag.");
    expect(texts(n)).not.toContain(
      "Protokollet är justerat. Justeringen har tillkännagetts genom anslag.",
    );
  });
});

describe("renderDocument: the extract (protokollsutdrag)", () => {
  it("has only the chosen §§, says they are justerade and ends with Utdragsbestyrkande", () => {
    const doc = render(seed002(), { output: "extract", items: ["p7", "p5"] });
    const items = headings(doc, 2).filter((h) => h.startsWith("§ "));
    expect(items.map((h) => h.slice(0, 4))).toEqual(["§ 5 ", "§ 7 "]);
    expect(doc.header?.center).toBe("Protokollsutdrag");
    expect(formValue(doc, "Utdrag ur protokollet")).toBe("§§ 5, 7");
    const all = texts(doc).join("\n");
    expect(all).toContain("§ 5 är justerad den 31 augusti 2020.");
    expect(headings(doc, 2)).toContain("Utdragsbestyrkande");
  });

  it("does not call a § justerad before the protocol is", () => {
    const file = seed002();
    file.meta.status = "in_review";
    const all = texts(render(file, { output: "extract", items: ["p5"] })).join("\n");
    expect(all).toContain("§ 5 är ännu inte justerad. Justering sker den 31 augusti 2020.");
    expect(all).not.toContain("är justerad den");
  });

  it("refuses an unknown § and an empty choice with a Swedish message", () => {
    expect(renderDocument(seed002(), { output: "extract", items: ["nope"] })).toEqual({
      ok: false,
      error: "Paragrafen finns inte i protokollet: nope",
    });
    expect(renderDocument(seed002(), { output: "extract", items: [] }).ok).toBe(false);
  });
});

describe("renderDocument: interpellationssvar", () => {
  it("prints title, Dnr, the interpellant's questions numbered, the answer, place, date and name", () => {
    const file = createFile(
      "interpellationssvar",
      {
        body: { name: "Kommunfullmäktige", type: "kommunfullmäktige" },
        persons: [
          { id: "i", name: "Agnes Malmberg Åström", party: "V", role: "member" },
          { id: "a", name: "Jon Järvholm", party: "L", role: "other", title: "socialborgarråd" },
        ],
        interpellation: {
          dnr: "KS 2021/1069",
          interpellant: "i",
          addressee: "a",
          signatory: "a",
          place: "Stockholm",
          date: "2022-01-05",
        },
      },
      b.answerDoc(
        "Svar på interpellation om coronapandemins effekter",
        b.question("Vilka åtgärder ämnar borgarrådet vidta?"),
        b.question("Hur planerar borgarrådet?"),
        b.p("Jag vill inledningsvis tacka interpellanten."),
      ),
    );
    const doc = render(file, { output: "full" });
    const all = texts({ ...doc, title: "", subject: "", creator: "" }).filter(
      (s, i, a) => s && s !== a[i - 1],
    );
    expect(all.slice(0, 3)).toEqual([
      "Svar på interpellation om coronapandemins effekter",
      "Dnr KS 2021/1069",
      "Agnes Malmberg Åström (V) har i sin interpellation ställt följande frågor till mig:",
    ]);
    const list = doc.blocks.find((x) => x.type === "list");
    expect(list && list.type === "list" && list.items.length).toBe(2);
    expect(all.slice(-3)).toEqual([
      "Stockholm den 5 januari 2022",
      "Jon Järvholm",
      "socialborgarråd",
    ]);
    expect(renderDocument(file, { output: "notice" }).ok).toBe(false);
  });
});

describe("renderDocument: every template", () => {
  it.each(Object.keys(templates))("renders template %s without error", (id) => {
    const file = templates[id]!.create({ date: "2026-03-10" });
    const doc = render(file, { output: "full", draft: true });
    expect(doc.blocks.length).toBeGreaterThan(0);
    expect(doc.title.length).toBeGreaterThan(0);
  });
});

describe("sectionRange", () => {
  it("writes single §§, runs and gaps the Swedish way", () => {
    expect(sectionRange([5])).toBe("§ 5");
    expect(sectionRange([1, 2, 3, 4, 7, 9, 10, 11])).toBe("§§ 1–4, 7, 9–11");
    expect(sectionRange([])).toBe("");
  });
});

describe("renderDocument: what the writers need to mark and link (issue 15)", () => {
  it("gives each § heading its anchor and a confidential § its sekretess marking, and lists the confidential §§ on the first page", () => {
    const d = render(confidentialProtocol(), { output: "full" });
    const h = d.blocks.filter(
      (x): x is Extract<Block, { type: "heading" }> =>
        x.type === "heading" && x.level === 2 && !!x.anchor,
    );
    expect(h.map((x) => x.anchor)).toEqual(["par_s1", "par_s2", "par_s3"]);
    expect(h.map((x) => x.marking)).toEqual([
      undefined,
      undefined,
      "Sekretess enligt OSL 26 kap. 1 §",
    ]);
    expect(formValue(d, "Sekretess")).toBe(
      "Paragrafen § 3 (OSL 26 kap. 1 §) omfattas av sekretess.",
    );
    // The public version replaces the § instead, without the marking, but still lists it.
    const pub = render(confidentialProtocol(), { output: "public" });
    expect(pub.blocks.some((x) => x.type === "heading" && !!x.marking)).toBe(false);
    expect(formValue(pub, "Sekretess")).toBe(
      "Paragrafen § 3 (OSL 26 kap. 1 §) omfattas av sekretess.",
    );
  });

  it("marks a § reference with the anchor of its target", () => {
    const d = render(seed002(), { output: "full" });
    const p = d.blocks.find((x) => x.type === "paragraph" && x.runs.some((r) => r.text === "§ 16"));
    expect(p && p.type === "paragraph" && p.runs.find((r) => r.text === "§ 16")).toEqual({
      text: "§ 16",
      ref: "par_p16",
    });
  });

  it("prints 'Paragrafen förklarades omedelbart justerad.' once, also when the secretary typed it", () => {
    const generated = createFile(
      "protokoll",
      { body: { name: "Socialnämnden" } },
      b.protocol(b.item({ id: "a", title: "Brådskande", immediate: true }, b.decision("Beslut."))),
    );
    const typed = createFile(
      "protokoll",
      { body: { name: "Socialnämnden" } },
      b.protocol(
        b.item(
          { id: "a", title: "Brådskande", immediate: true },
          b.decision("Beslut."),
          b.background("Paragrafen förklarades omedelbart justerad."),
        ),
      ),
    );
    for (const f of [generated, typed])
      expect(
        texts(render(f, { output: "full" })).filter((t) => /omedelbart justerad/.test(t)),
      ).toHaveLength(1);
  });

  it("numbers an answer's questions on across the prose between them", () => {
    const f = createFile(
      "interpellationssvar",
      {
        body: { name: "Kommunfullmäktige" },
        persons: [{ id: "i", name: "Anna Andersson", party: "V", role: "member" }],
        interpellation: { interpellant: "i" },
      },
      b.answerDoc(
        "Svar på interpellation",
        b.question("Ett?"),
        "Svar ett.",
        b.question("Två?"),
        b.question("Tre?"),
        "Svar.",
        b.question("Fyra?"),
      ),
    );
    const lists = render(f, { output: "full" }).blocks.filter(
      (x): x is Extract<Block, { type: "list" }> => x.type === "list",
    );
    expect(lists.map((l) => [l.start, l.items.length])).toEqual([
      [1, 1],
      [2, 2],
      [4, 1],
    ]);
  });
});

describe("renderDocument: the extract of a § justerad at the meeting", () => {
  const withImmediate = (posted: string | null) => {
    const f = createFile(
      "protokoll",
      { body: { name: "Byggnadsnämnden" } },
      b.protocol(
        b.item(
          { id: "a", title: "Brådskande bygglov", immediate: true },
          b.decision("Bygglov ges."),
        ),
      ),
    );
    f.meta.meeting.date = "2025-03-13";
    // Justerad at the meeting's end on Friday 14 March 2025 (the meeting ran late).
    f.history.push({
      at: "2025-03-14T16:00",
      by: "Ordföranden",
      kind: "adjusted",
      what: "Omedelbart justerad: § 1.",
      why: null,
      item: "a",
      seal: { sha256: "0".repeat(64), at: "2025-03-14T16:00", by: [] },
      previousSeal: null,
    } as ProtokollFile["history"][number]);
    if (posted) f.meta.itemNotices = [{ item: "a", posted }];
    return render(f, { output: "extract", items: ["a"] });
  };

  it("prints the §'s own anslag: by Monday after a Friday justering (lag 1930:173), 'senast' while not recorded", () => {
    const all = texts(withImmediate(null)).join("\n");
    expect(all).toContain(
      "§ 1: Anslaget sätts upp senast den 17 mars 2025; överklagandetiden går ut senast den 7 april 2025 och anslaget tas ned tidigast den 8 april 2025.",
    );
  });

  it("prints the recorded posting day as fact, and counts the appeal period from it", () => {
    const all = texts(withImmediate("2025-03-17")).join("\n");
    expect(all).toContain(
      "§ 1: Anslaget sattes upp den 17 mars 2025; överklagandetiden går ut den 7 april 2025 och anslaget tas ned tidigast den 8 april 2025.",
    );
    expect(all).not.toContain("senast den 17 mars");
  });
});
