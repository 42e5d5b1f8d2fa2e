/**
 * The corrections and additions of RULES.md (its last section), each with the statute's example
 * dates or wording, on short texts written for the test.
 */
import { describe, expect, it } from "vitest";
import * as b from "../build.js";
import { createFile, type ProtokollFile } from "../file.js";
import { immediateAdjust } from "../review/adjust.js";
import { adjustedSample, sampleProtocol } from "../review/sampleProtocol.testkit.js";
import { handoverSentence } from "./interpellation-parties.js";
import { referenceFor, references, validateFile, type Problem, type RuleContext } from "./index.js";
import {
  answerFile,
  items,
  motionItem,
  protocolFile,
  withReglemente,
} from "./testBuilder.testkit.js";

const of = (rule: string, file: ProtokollFile, context?: RuleContext): Problem[] =>
  validateFile(file, context).filter((p) => p.rule === rule);
const messages = (rule: string, file: ProtokollFile, context?: RuleContext) =>
  of(rule, file, context).map((p) => p.message);

describe("lag (1930:173) in adjustment-date and notice-dates", () => {
  it("accepts justering on Monday 2025-12-29 after a meeting on 2025-12-11 (day 14 is juldagen)", () => {
    const f = protocolFile(items(), {
      meeting: { date: "2025-12-11", start: "18:00", end: "20:00", place: "Stadshuset" },
      adjustment: { date: "2025-12-29", place: "Stadshuset" },
    });
    expect(of("adjustment-date", f)).toEqual([]);
    const late = protocolFile(items(), {
      meeting: { date: "2025-12-11" },
      adjustment: { date: "2025-12-30", place: "Stadshuset" },
    });
    expect(messages("adjustment-date", late)).toEqual([
      "Justeringen ska ske senast 14 dagar efter sammanträdet, det vill säga senast 29 december 2025; angiven dag är 30 december 2025.",
    ]);
  });

  it("accepts the anslag on Monday 2025-03-17 after a Friday justering on 2025-03-14, and not on Tuesday", () => {
    const base = adjustedSample();
    const on = (adjusted: string, posted: string): ProtokollFile => ({
      ...base,
      meta: {
        ...base.meta,
        meeting: { ...base.meta.meeting, date: "2025-03-10" },
        adjustment: { ...base.meta.adjustment, date: adjusted },
        notice: { keptAt: "Kansliet", posted },
      },
    });
    expect(of("notice-dates", on("2025-03-14", "2025-03-17"))).toEqual([]);
    expect(messages("notice-dates", on("2025-03-14", "2025-03-18"))).toEqual([
      "Anslaget sattes upp 18 mars 2025, men ska sättas upp senast andra dagen efter justeringen (17 mars 2025).",
    ]);
  });

  it("checks the own anslag of a § justerad at the meeting: within two days, moved past midsommar", () => {
    // Meeting Wednesday 2025-06-18, § 4 justerad at the meeting; the 2nd day is midsommarafton → Monday 23 June.
    const base = sampleProtocol();
    const f0 = {
      ...base,
      meta: { ...base.meta, meeting: { ...base.meta.meeting, date: "2025-06-18" } },
    };
    const r = immediateAdjust(f0, "p4", ["jj", "lv"], "2025-06-18T19:30");
    if (!r.ok) throw new Error(r.error);
    const withNotice = (posted: string): ProtokollFile => ({
      ...r.file,
      meta: { ...r.file.meta, itemNotices: [{ item: "p4", posted }] },
    });
    expect(of("notice-dates", withNotice("2025-06-23"))).toEqual([]);
    expect(messages("notice-dates", withNotice("2025-06-24"))).toEqual([
      "Anslaget för § 4 sattes upp 24 juni 2025, men ska sättas upp senast andra dagen efter den omedelbara justeringen (23 juni 2025).",
    ]);
  });
});

describe("vote-result: only a presiding chair who voted has an utslagsröst (KL 4:26)", () => {
  const tie = (ballots: Record<string, "ja" | "nej" | "avstår">, patch = {}) =>
    protocolFile(
      [
        items()[0]!,
        motionItem([
          b.decision("Beslut."),
          b.procedure({ order: ["y1", "y2"], adopted: "y1" }),
          b.proposal({ id: "y1", by: ["op"], subject: "förvaltningens förslag till beslut" }),
          b.proposal({ id: "y2", kind: "eget_förslag", by: ["lv"] }),
          b.vote({
            id: "v1",
            yes: "y1",
            no: "y2",
            ballots: Object.entries(ballots).map(([person, vote]) => ({ person, vote })),
            result: "ja",
            tieBreak: "chair",
          }),
        ]),
        items()[2]!,
      ],
      patch,
    );
  it("accepts a tie the chair settled having voted ja", () => {
    expect(
      of("vote-result", tie({ jj: "ja", am: "ja", op: "ja", kg: "nej", lv: "nej", jk: "nej" })),
    ).toEqual([]);
  });
  it("refuses an utslagsröst by a chair who abstained", () => {
    expect(
      messages(
        "vote-result",
        tie({ jj: "avstår", am: "ja", op: "ja", kg: "nej", lv: "nej", jk: "avstår" }),
      ),
    ).toEqual([
      "Omröstningen i § 2 avgjordes med utslagsröst, men Jon Järvholm, som ledde sammanträdet i paragrafen, avstod från att rösta. Bara en ordförande som röstat har utslagsröst.",
    ]);
  });
  it("takes the vice chair as presiding when the chair is jävig, and the recorded presiding chair when there is one", () => {
    const recused = { recusals: [{ person: "jj", item: "p2" }] };
    // The chair is jävig: the vice chair presides and voted ja — a valid utslagsröst.
    expect(of("vote-result", tie({ am: "ja", op: "ja", kg: "nej", lv: "nej" }, recused))).toEqual(
      [],
    );
    // The vice chair presides but did not vote.
    expect(
      messages("vote-result", tie({ op: "ja", kg: "nej", lv: "nej", jk: "ja" }, recused))[0],
    ).toContain("Agnes Malmberg Åström, som ledde sammanträdet i paragrafen, röstade inte");
    // Recorded: Olof-Johan Pettersén presided in § 2 and voted ja.
    expect(
      of(
        "vote-result",
        tie(
          { jj: "avstår", op: "ja", kg: "nej", lv: "nej", am: "ja" },
          { presiding: [{ item: "p2", person: "op" }] },
        ),
      ),
    ).toEqual([]);
  });
});

describe("recusal-absent per body type", () => {
  const withRecusal = (type: "nämnd" | "kommunfullmäktige") => {
    const base = withReglemente({});
    return protocolFile(
      [
        items()[0]!,
        motionItem([
          b.decision("Beslut."),
          b.recusal(["kg"], "Kerstin Granlund stannade kvar i salen men deltog inte."),
        ]),
        items()[2]!,
      ],
      { body: { ...base.body!, type }, recusals: [{ person: "kg", item: "p2" }] },
    );
  };
  it("in a nämnd, a jävig member may not stay in the room (KL 6:30)", () => {
    expect(messages("recusal-absent", withRecusal("nämnd"))).toEqual([
      "I en nämnd får den som är jävig inte vara närvarande när ärendet handläggs (§ 2); det är bara i fullmäktige som en jävig ledamot får stanna kvar.",
    ]);
  });
  it("in fullmäktige, a jävig member may stay and only takes no part (KL 5 kap.)", () =>
    expect(of("recusal-absent", withRecusal("kommunfullmäktige"))).toEqual([]));
});

describe("placeholders", () => {
  it("flags the template's dots left in the opening §, and a [namn] and ÅÅÅÅ-MM-DD", () => {
    const f = protocolFile([
      b.item(
        { id: "p1", title: "Val av justerare" },
        b.decision(
          "… utses att jämte ordföranden justera dagens protokoll. Justering sker ÅÅÅÅ-MM-DD av [namn].",
        ),
      ),
      items()[1]!,
    ]);
    expect(
      of("placeholders", f).map((p) => [p.severity, p.item, f.doc.textBetween(p.from, p.to)]),
    ).toEqual([
      ["error", "p1", "…"],
      ["error", "p1", "ÅÅÅÅ-MM-DD"],
      ["error", "p1", "[namn]"],
    ]);
  });
  it("leaves an omission in a quotation alone", () => {
    const f = protocolFile([
      items()[0]!,
      b.item(
        { id: "p2", title: "Skrivelse" },
        b.decision("Skrivelsen läggs till handlingarna."),
        b.background("”Vi föreslår […] att nämnden utreder saken …”"),
      ),
    ]);
    expect(of("placeholders", f)).toEqual([]);
  });
  it("flags placeholders in an interpellationssvar too", () =>
    expect(
      of(
        "placeholders",
        answerFile([
          "… har ställt följande frågor till mig:",
          b.question("Vad gör borgarrådet?"),
          "Svar på frågan: borgarrådet gör det.",
        ]),
      ).length,
    ).toBe(1));
});

describe("adjustment-stated", () => {
  it("warns when the place of justering is missing, and who justerar is stated neither in a § nor on the front page", () => {
    const f = protocolFile([items()[1]!, items()[2]!], {
      adjustment: { date: "2020-08-31", place: null },
      adjusters: [],
    });
    expect(of("adjustment-stated", protocolFile([items()[1]!, items()[2]!]))).toEqual([]);
    expect(of("adjustment-stated", f).map((p) => [p.severity, p.message])).toEqual([
      ["warning", "Protokollet anger inte var justeringen sker."],
      [
        "warning",
        "Protokollet anger inte vem som justerar: utse justerare i Mötesuppgifter eller skriv en paragraf om val av justerare och tid och plats för justering.",
      ],
    ]);
  });
});

describe("authority-decision (FL 32–33 §§)", () => {
  const authority = (text: string) =>
    protocolFile(
      [
        items()[0]!,
        b.item({ id: "p2", title: "Ansökan om bistånd" }, b.decision(text)),
        items()[2]!,
      ],
      { authorityItems: ["p2"] },
    );
  it("warns when a myndighetsutövning § has neither motivering nor överklagandehänvisning", () => {
    expect(of("authority-decision", authority("Ansökan avslås.")).map((p) => p.message)).toEqual([
      "§ 2 är myndighetsutövning mot enskild: ange hur beslutet kan överklagas (FL 33 §).",
      "§ 2 är myndighetsutövning mot enskild: beslutet ska motiveras – ange skälen (FL 32 §).",
    ]);
  });
  it("passes one with both", () =>
    expect(
      of(
        "authority-decision",
        authority(
          "Ansökan avslås eftersom behovet tillgodoses på annat sätt. Beslutet kan överklagas till förvaltningsrätten.",
        ),
      ).length,
    ).toBe(0));
});

describe("substitute-order (inkallelseordning)", () => {
  it("warns when an ersättare of another party served although one of the absent ledamot's party was present", () => {
    // Mikaela Hedin (KD) is absent; Jonas Krook (C) serves for her while Kristina Dahl (KD), ersättare, was present.
    const base = protocolFile();
    const persons = [
      ...base.meta.persons,
      { id: "kd", name: "Kristina Dahl", party: "KD", role: "substitute" as const, title: null },
    ];
    const f = protocolFile(items(), {
      persons,
      attendance: [
        ...base.meta.attendance,
        { person: "kd", status: "present", from: null, to: null, replaces: null },
      ],
    });
    expect(messages("substitute-order", f)[0]).toBe(
      "Jonas Krook (C) tjänstgjorde i § 1 för Mikaela Hedin (KD), fast Kristina Dahl (KD) var närvarande. Ersättare ur den frånvarandes parti går före enligt inkallelseordningen.",
    );
    expect(of("substitute-order", protocolFile())).toEqual([]);
  });
});

describe("interpellation-parties", () => {
  it("requires the interpellant and the addressee", () => {
    expect(
      messages(
        "interpellation-parties",
        answerFile(undefined, { interpellant: null, addressee: null }),
      ),
    ).toEqual([
      "Svaret anger inte vem interpellationen är ställd till.",
      "Svaret anger inte vem som har ställt interpellationen (interpellanten).",
    ]);
  });
  it("asks for a note when someone other than the addressee answers, and accepts the answer once it says so", () => {
    const persons = [
      { id: "am", name: "Agnes Malmberg Åström", party: "V", role: "member" as const },
      {
        id: "jj",
        name: "Jon Järvholm",
        party: "L",
        role: "member" as const,
        title: "socialborgarråd",
      },
      { id: "eb", name: "Eva Berg", party: "S", role: "member" as const, title: "äldreborgarråd" },
    ];
    const answer = (...parts: (string | ReturnType<typeof b.question>)[]) =>
      createFile(
        "interpellationssvar",
        {
          body: { name: "Kommunfullmäktige", type: "kommunfullmäktige" },
          persons,
          interpellation: {
            number: "2025:3",
            dnr: "KS 2025/12",
            interpellant: "am",
            addressee: "jj",
            place: "Kommunhuset",
            date: "2025-02-20",
            signatory: "eb",
          },
        },
        b.answerDoc("Svar på interpellation om äldreomsorgen", ...parts),
      );
    const f = answer(b.question("Vad gör borgarrådet?"), "Borgarrådet gör det som frågan gäller.");
    expect(of("interpellation-parties", f).map((p) => [p.severity, p.message])).toEqual([
      [
        "warning",
        "Svaret undertecknas av Eva Berg, men interpellationen är ställd till Jon Järvholm. Skriv att den har överlämnats för besvarande, t.ex. ”Interpellationen har överlämnats från socialborgarråd Jon Järvholm till Eva Berg (S) för besvarande.”",
      ],
    ]);
    const noted = answer(
      handoverSentence(f.meta)!,
      b.question("Vad gör borgarrådet?"),
      "Borgarrådet gör det som frågan gäller.",
    );
    expect(of("interpellation-parties", noted)).toEqual([]);
  });
});

describe("interpellation-timing (KL 5:63) and fullmaktige-questions (KL 5:68) with the workspace's rule context", () => {
  const meetingDates = ["2025-01-27", "2025-02-24", "2025-03-24"];
  it("is silent about the next meeting without the rule context, but checks the answer's date against its meeting", () => {
    expect(
      of(
        "interpellation-timing",
        answerFile(undefined, { asked: "2025-01-27", meeting: "2025-03-24", date: "2025-03-20" }),
      ),
    ).toEqual([]);
    expect(
      messages(
        "interpellation-timing",
        answerFile(undefined, { asked: "2025-01-27", meeting: "2025-02-24", date: "2025-02-25" }),
      ),
    ).toEqual([
      "Svaret är daterat 25 februari 2025, efter sammanträdet 24 februari 2025 där det besvaras.",
    ]);
  });
  it("warns when an answer is not given at the meeting that follows the one it was asked at", () => {
    const late = answerFile(undefined, {
      asked: "2025-01-27",
      meeting: "2025-03-24",
      date: "2025-03-20",
    });
    expect(messages("interpellation-timing", late, { meetingDates })).toEqual([
      "Interpellationen ställdes 27 januari 2025 och bör besvaras vid närmast följande sammanträde, 24 februari 2025; den besvaras 24 mars 2025.",
    ]);
    expect(
      of(
        "interpellation-timing",
        answerFile(undefined, { asked: "2025-01-27", meeting: "2025-02-24", date: "2025-02-20" }),
        { meetingDates },
      ),
    ).toEqual([]);
    expect(
      messages(
        "interpellation-timing",
        answerFile(undefined, { asked: "2025-01-27", meeting: "2025-02-24", date: "2025-02-25" }),
        { meetingDates },
      ),
    ).toEqual([
      "Svaret är daterat 25 februari 2025, efter sammanträdet 24 februari 2025 där det besvaras.",
    ]);
  });
  it("warns when a fullmäktige protocol does not record an interpellation answered at the meeting", () => {
    const base = withReglemente({});
    const kf = (extra: string) =>
      protocolFile(
        [
          items()[0]!,
          b.item(
            { id: "p2", title: "Interpellationer" },
            b.decision(`Interpellationerna besvaras. ${extra}`),
          ),
          items()[2]!,
        ],
        {
          body: { ...base.body!, name: "Kommunfullmäktige", type: "kommunfullmäktige" },
          meeting: { date: "2025-02-24", start: "18:00", end: "20:00", place: "Stadshuset" },
          adjustment: { date: "2025-03-03", place: "Stadshuset" },
        },
      );
    const answers = [
      {
        number: "2025:3",
        title: "Svar på interpellation om parkerna",
        interpellant: "Eva Berg",
        meetingDate: "2025-02-24",
      },
    ];
    expect(messages("fullmaktige-questions", kf(""), { answers })).toEqual([
      "Interpellationssvaret ”Svar på interpellation om parkerna” besvaras vid sammanträdet men nämns inte i någon paragraf.",
    ]);
    expect(
      of("fullmaktige-questions", kf("Interpellation 2025:3 av Eva Berg besvarades."), { answers }),
    ).toEqual([]);
    expect(of("fullmaktige-questions", kf(""))).toEqual([]);
  });
});

describe("references (RULES.md, corrections)", () => {
  it("cites FL 36 § and JO 581-2013 for rättelse, not TF 2:10", () => {
    expect(referenceFor("immutable-after-adjustment")).toBe("FL 36 §; JO 581-2013");
    expect(Object.values(references).some((r) => r.citation?.includes("TF"))).toBe(false);
  });
  it("shows rätt att avstå without a paragraph number until confirmed", () => {
    expect(referenceFor("duty-to-vote")).toBeNull();
    expect(references["duty-to-vote"]!.basis).toBe("Kommunallagen (2017:725)");
  });
  it("has a reference for every rule", async () => {
    const { ruleIds } = await import("./index.js");
    expect(ruleIds.filter((id) => !references[id])).toEqual([]);
  });
});

describe("written-reservation-deadline with the reglemente's own day", () => {
  it("holds a written reservation to the day the reglemente sets, when earlier than justering", () => {
    // Meeting 2020-08-25, motivation in 2020-08-28, justering 2020-08-31; the reglemente says the day after the meeting.
    expect(
      of(
        "written-reservation-deadline",
        protocolFile(items(), withReglemente({ reservationDays: 1 })),
      ).map((p) => p.message),
    ).toEqual([
      "Den skriftliga motiveringen från Linda Vall i § 2 kom in 28 augusti 2020, men reglementet kräver den senast 26 augusti 2020.",
    ]);
    expect(
      of(
        "written-reservation-deadline",
        protocolFile(items(), withReglemente({ reservationDays: 3 })),
      ),
    ).toEqual([]);
  });
});

describe("justerade files of today's format still verify with the new optional fields", () => {
  it("verifies a frozen justerat file; what the new fields record after justering is a change of the sealed protocol", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { parse, serialize } = await import("../file.js");
    const { verifySeal } = await import("../review/seal.js");
    const text = readFileSync(
      join(import.meta.dirname, "fixtures/justerat-format-1.protokoll"),
      "utf8",
    );
    const r = parse(text);
    if (!r.ok) throw new Error("fixture");
    const stored = JSON.parse(text) as Record<string, unknown>;
    // written again, only the format version differs (format 2 leaves a justerat file's content as stored)
    expect(serialize(r.file)).toBe(text.replace(/"version": 1\n/, '"version": 2\n'));
    expect(verifySeal(r.file, stored).ok).toBe(true);
    // The seal covers all of meta: the anslag of a § justerad at the meeting is recorded before
    // the whole protocol is justerad (the Justering panel locks the field afterwards).
    const withNotice = {
      ...stored,
      meta: { ...(stored.meta as object), itemNotices: [{ item: "p4", posted: "2020-08-27" }] },
    };
    expect(
      verifySeal(
        {
          ...r.file,
          meta: { ...r.file.meta, itemNotices: [{ item: "p4", posted: "2020-08-27" }] },
        },
        withNotice,
      ).ok,
    ).toBe(false);
    // The presiding chair is part of the protocol: adding it after justering breaks the seal.
    const withPresiding = {
      ...stored,
      meta: { ...(stored.meta as object), presiding: [{ item: "p3", person: "lv" }] },
    };
    expect(
      verifySeal(
        { ...r.file, meta: { ...r.file.meta, presiding: [{ item: "p3", person: "lv" }] } },
        withPresiding,
      ).ok,
    ).toBe(false);
  });
});
