import type { Node } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import * as b from "../build.js";
import type { ProtokollFile } from "../file.js";
import { markSeen } from "../review/changesSince.js";
import { sendForReview } from "../review/reviewStatus.js";
import {
  adjustedSample,
  correctedSample,
  sampleProtocol,
} from "../review/sampleProtocol.testkit.js";
import { replaceInItem } from "../review/textEdits.js";
import { applyFix, hasErrors, ruleIds, validateFile, type Problem } from "./index.js";
import {
  answerFile,
  items,
  motionItem,
  protocolFile,
  withReglemente,
} from "./testBuilder.testkit.js";

const of = (rule: string, file: ProtokollFile): Problem[] =>
  validateFile(file).filter((p) => p.rule === rule);
const messages = (rule: string, file: ProtokollFile) => of(rule, file).map((p) => p.message);

/** The motion § with some blocks replaced (by type) or added. */
function motion(change: (blocks: Node[]) => Node[]): Node {
  const blocks: Node[] = [];
  motionItem().forEach((n) => {
    if (!["item_title", "dnr"].includes(n.type.name)) blocks.push(n);
  });
  return motionItem(change(blocks));
}
const replace = (type: string, node: Node | null) => (blocks: Node[]) =>
  blocks.flatMap((n) => (n.type.name === type ? (node ? [node] : []) : [n]));
const withItems = (p2: Node, patch = {}) => protocolFile([items()[0]!, p2, items()[2]!], patch);
type R = { ok: true; file: ProtokollFile } | { ok: false; error: string };
const must = (r: R) => {
  if (!r.ok) throw new Error(r.error);
  return r.file;
};
const ballots = (votes: Record<string, "ja" | "nej" | "avstår">) =>
  Object.entries(votes).map(([person, vote]) => ({ person, vote }));
const allJa = { jj: "ja", am: "ja", op: "ja", kg: "ja", jk: "ja", lv: "nej" } as const;

describe("the test builder", () => {
  it("builds a complete protocol and interpellationssvar that pass every rule", () => {
    expect(validateFile(protocolFile())).toEqual([]);
    expect(validateFile(answerFile())).toEqual([]);
  });

  it("covers every rule id of RULES.md", () => {
    expect(ruleIds.sort()).toEqual(
      [
        "numbering",
        "item-title",
        "decision-required",
        "attendance-listed",
        "adjusters",
        "adjustment-date",
        "dnr-format",
        "quorum",
        "proposer-serving",
        "reservant-eligible",
        "reservant-lost",
        "reservation-favouring",
        "recusal-absent",
        "substitute-statement-allowed",
        "no-rotation",
        "vote-voters-serving",
        "vote-total",
        "vote-result",
        "vote-propositions",
        "duty-to-vote",
        "proposals-recorded",
        "written-reservation-deadline",
        "immutable-after-adjustment",
        "decision-wording-changed",
        "notice-dates",
        "confidential-masked",
        "questions-present",
        "questions-answered",
        "signature",
        "dnr-present",
        // the corrections and additions of RULES.md
        "placeholders",
        "adjustment-stated",
        "authority-decision",
        "fullmaktige-questions",
        "substitute-order",
        "interpellation-parties",
        "interpellation-timing",
        // the kallelse and the protocol made from it (issue 18)
        "decision-unconfirmed",
        "summons-timing",
        // bilagor (issue 17)
        "attachments",
      ].sort(),
    );
  });
});

describe("numbering", () => {
  it("passes when references point to existing §§", () => {
    const f = protocolFile([
      items()[0]!,
      items()[1]!,
      b.item(
        { id: "p3", title: "Anmälan" },
        b.decision(["Anmälan enligt ", b.ref("p2"), " och § 1 läggs till handlingarna."]),
      ),
    ]);
    expect(of("numbering", f)).toEqual([]);
  });

  it("warns about a plain-text § reference outside the meeting, but not one naming another meeting", () => {
    const f = protocolFile([
      items()[0]!,
      items()[1]!,
      b.item(
        { id: "p3", title: "Anmälan" },
        b.decision("Ärendet i § 9 läggs till handlingarna."),
        b.background("Se kommunfullmäktiges beslut 2019-05-06 § 123."),
      ),
    ]);
    const found = of("numbering", f);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "warning", item: "p3" });
    expect(found[0]!.message).toContain("§ 9");
    expect(f.doc.textBetween(found[0]!.from, found[0]!.to)).toBe("§ 9");
  });

  it("finds a copied § with a duplicate id and fixes it with a new id", () => {
    const copy = items()[2]!;
    const f = protocolFile(items());
    const doc = b.protocol(...items(), copy);
    const found = validateFile({ ...f, doc }).filter((p) => p.rule === "numbering");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("§ 4");
    const fixed = applyFix(doc, f.meta, found[0]!.fix!.action);
    expect(validateFile({ ...f, doc: fixed.doc }).filter((p) => p.rule === "numbering")).toEqual(
      [],
    );
  });

  it("finds § numbers typed into titles that start from another number and offers to renumber", () => {
    const f = protocolFile([
      b.item({ id: "p1", title: "§ 12 Val av justerare" }, b.decision("Linda Vall utses.")),
      b.item({ id: "p2", title: "§ 13 Anmälan" }, b.decision("Anmälan läggs till handlingarna.")),
    ]);
    const found = of("numbering", f);
    expect(found.map((p) => p.severity)).toEqual(["error"]);
    expect(found[0]!.message).toContain("§ 12");
    const fixed = applyFix(f.doc, f.meta, found[0]!.fix!.action);
    expect(fixed.meta.body.reglemente.firstItemNumber).toBe(12);
    const after = validateFile({ ...f, meta: fixed.meta }).filter((p) => p.rule === "numbering");
    expect(after.map((p) => p.severity)).toEqual(["warning", "warning"]); // numbers in titles still worth removing
  });
});

describe("item-title", () => {
  it("passes with a title and fails on an empty one", () => {
    expect(of("item-title", protocolFile())).toEqual([]);
    const f = protocolFile([b.item({ id: "p1", title: "" }, b.decision("Dagordningen godkänns."))]);
    expect(messages("item-title", f)).toEqual(["§ 1 saknar rubrik. Skriv vad ärendet gäller."]);
  });
});

describe("decision-required", () => {
  it("passes with a decision or an informational phrase", () => {
    const f = protocolFile([
      b.item(
        { id: "p1", title: "Förvaltningen informerar" },
        "Förvaltningschefen informerade.",
        "Nämnden tackade för informationen.",
      ),
      b.item({ id: "p2", title: "Dagordning" }, "Den utsända dagordningen godkändes."),
    ]);
    expect(of("decision-required", f)).toEqual([]);
  });

  it("does not take the background's proposal for a decision", () => {
    const f = protocolFile([
      b.item(
        { id: "p1", title: "Remiss" },
        b.background("Förvaltningen föreslår att nämnden godkänner tjänsteutlåtandet."),
      ),
    ]);
    expect(of("decision-required", f)).toHaveLength(1);
    const decided = protocolFile([
      b.item(
        { id: "p1", title: "Remiss" },
        b.background("Förvaltningen föreslår …"),
        b.procedure({}, "Nämnden beslutade enligt förvaltningens förslag."),
      ),
    ]);
    expect(of("decision-required", decided)).toEqual([]);
  });

  it("fails on a § with neither, and the fix inserts a decision block after the heading", () => {
    const f = protocolFile([
      b.item(
        { id: "p1", title: "Nämndens frågor", dnr: "1.2-3/2020" },
        "Ledamoten frågade om boenden.",
        "Ordföranden svarade.",
      ),
    ]);
    const [p] = of("decision-required", f);
    expect(p!.message).toContain("§ 1 saknar beslut");
    const fixed = applyFix(f.doc, f.meta, p!.fix!.action);
    const names: string[] = [];
    fixed.doc.firstChild!.forEach((n) => names.push(n.type.name));
    expect(names).toEqual(["item_title", "dnr", "decision", "paragraph", "paragraph"]);
    expect(messages("decision-required", { ...f, doc: fixed.doc })).toEqual([
      "Beslutet i § 1 är tomt. Skriv vad nämnden beslutade.",
    ]);
  });

  it("offers the customary sentence for an information § and an anmälan §, which then pass", () => {
    for (const [title, sentence] of [
      ["Information om sommaren", "Informationen läggs till handlingarna."],
      ["Anmälningsfrågor", "Anmälan läggs till handlingarna."],
    ]) {
      const f = protocolFile([
        b.item({ id: "p1", title: title! }, b.ol("upper-alpha", "Protokoll 2020-08-19")),
      ]);
      const [p] = of("decision-required", f);
      expect(p!.fix!.label).toBe(`Lägg till beslut: ”${sentence}”`);
      const fixed = applyFix(f.doc, f.meta, p!.fix!.action);
      expect(fixed.doc.firstChild!.child(1).textContent).toBe(sentence);
      expect(of("decision-required", { ...f, doc: fixed.doc })).toEqual([]);
    }
  });
});

describe("attendance-listed", () => {
  it("passes with a ledger", () => expect(of("attendance-listed", protocolFile())).toEqual([]));

  it("reports a missing ledger once, and then no rule that needs it raises alarms", () => {
    const f = protocolFile(items(), { attendance: [] });
    expect(of("attendance-listed", f)).toHaveLength(1);
    expect(validateFile(f).map((p) => p.rule)).toEqual(["attendance-listed"]);
  });

  it("reports a § where the ledger leaves nobody serving", () => {
    const f = protocolFile(items(), {
      attendance: [{ person: "jj", status: "serving", from: "p1", to: "p2", replaces: null }],
    });
    expect(messages("attendance-listed", f)).toEqual([
      "Enligt närvaroförteckningen tjänstgjorde ingen i § 3. Ange vilka som deltog i ärendet.",
    ]);
  });
});

describe("adjusters", () => {
  it("passes with the chair and one serving ledamot", () =>
    expect(of("adjusters", protocolFile())).toEqual([]));

  it("fails with too few justerare, the chair as justerare, or staff as justerare", () => {
    expect(messages("adjusters", protocolFile(items(), { adjusters: [] }))).toEqual([
      "Reglementet kräver 1 justerare utöver ordföranden, men ingen är utsedd.",
    ]);
    const chair = of("adjusters", protocolFile(items(), { adjusters: ["jj"] }));
    expect(chair.map((p) => p.message)).toContain(
      "Jon Järvholm är ordförande och kan inte också vara justerare.",
    );
    expect(messages("adjusters", protocolFile(items(), { adjusters: ["ll"] }))).toEqual([
      "Lisa Lindqvist Sterner är inte ledamot eller ersättare i Socialnämnden och kan inte justera protokollet.",
    ]);
  });

  it("fails when a non-serving ersättare is justerare", () => {
    expect(messages("adjusters", protocolFile(items(), { adjusters: ["ar"] }))[0]).toContain(
      "Alva Rydén Berglöf var närvarande men tjänstgjorde inte",
    );
  });
});

describe("adjustment-date", () => {
  it("passes six days after the meeting", () =>
    expect(of("adjustment-date", protocolFile())).toEqual([]));

  it("fails before the meeting and more than 14 days after it", () => {
    expect(
      messages("adjustment-date", protocolFile(items(), { adjustment: { date: "2020-08-24" } }))[0],
    ).toContain("före sammanträdet");
    expect(
      messages("adjustment-date", protocolFile(items(), { adjustment: { date: "2020-09-09" } })),
    ).toEqual([
      "Justeringen ska ske senast 14 dagar efter sammanträdet, det vill säga senast 8 september 2020; angiven dag är 9 september 2020.",
    ]);
    expect(
      of("adjustment-date", protocolFile(items(), { adjustment: { date: "2020-09-08" } })),
    ).toEqual([]);
  });
});

describe("dnr-format", () => {
  it("passes a Dnr in the body's pattern and fails one that is not", () => {
    expect(of("dnr-format", protocolFile())).toEqual([]);
    const f = protocolFile([
      b.item({ id: "p1", title: "Motion", dnr: "KS 2020/393" }, b.decision("Godkänns.")),
    ]);
    expect(messages("dnr-format", f)).toEqual([
      "Diarienumret ”KS 2020/393” i § 1 följer inte nämndens mönster för diarienummer.",
    ]);
  });

  it("without a pattern accepts common forms with a leading Dnr and rejects prose", () => {
    const meta = withReglemente({ dnrPattern: null });
    expect(
      of(
        "dnr-format",
        protocolFile(
          [b.item({ id: "p1", title: "A", dnr: "Dnr. 1.2.1-511/2020" }, b.decision("Godkänns."))],
          meta,
        ),
      ),
    ).toEqual([]);
    expect(
      of(
        "dnr-format",
        protocolFile(
          [b.item({ id: "p1", title: "A", dnr: "KS 2020/393" }, b.decision("Godkänns."))],
          meta,
        ),
      ),
    ).toEqual([]);
    expect(
      of(
        "dnr-format",
        protocolFile(
          [b.item({ id: "p1", title: "A", dnr: "se bilaga" }, b.decision("Godkänns."))],
          meta,
        ),
      ),
    ).toHaveLength(1);
  });
});

describe("quorum", () => {
  it("passes with 6 of 6 serving and fails with 3 of 6", () => {
    expect(of("quorum", protocolFile())).toEqual([]);
    const ledger = ["jj", "am", "op"].map((person) => ({ person, status: "serving" as const }));
    expect(messages("quorum", protocolFile([items()[0]!], { attendance: ledger }))).toEqual([
      "Socialnämnden var inte beslutför i § 1: 3 av 6 ledamöter tjänstgjorde, minst 4 behövs.",
    ]);
  });
});

describe("proposer-serving", () => {
  it("passes for serving proposers and fails for a present, non-serving ersättare; the fix removes them", () => {
    expect(of("proposer-serving", protocolFile())).toEqual([]);
    const f = withItems(
      motion(replace("proposal", null)).type.create(motionItem().attrs, [
        ...nodesOf(motionItem()),
        b.proposal({ id: "y3", kind: "avslag", by: ["ar"] }),
      ]),
    );
    const found = of("proposer-serving", f);
    expect(found.map((p) => p.message)).toEqual([
      "Alva Rydén Berglöf tjänstgjorde inte i § 2 och fick därför inte yrka (en ersättare som inte tjänstgör får yttra sig men inte yrka).",
    ]);
    const fixed = applyFix(f.doc, f.meta, found[0]!.fix!.action);
    expect(
      fixed.doc.nodeAt(
        found[0]!.fix!.action.type === "remove-person" ? found[0]!.fix!.action.pos : 0,
      )!.attrs.proposers,
    ).toEqual([]);
  });
});

function nodesOf(n: Node): Node[] {
  const out: Node[] = [];
  n.forEach((c) => out.push(c));
  return out;
}

describe("reservant-eligible", () => {
  it("passes for a serving reservant who voted against", () =>
    expect(of("reservant-eligible", protocolFile())).toEqual([]));

  it("fails for a reservant who did not serve, with the message a secretary understands", () => {
    const f = withItems(
      motion(replace("reservation", b.reservation({ by: ["ar"], favouring: "y2" }))),
    );
    expect(messages("reservant-eligible", f)).toEqual([
      "Alva Rydén Berglöf tjänstgjorde inte när beslutet i § 2 fattades och kan därför inte reservera sig.",
    ]);
  });

  it("fails for a reservant who abstained, and the fix removes the reservant", () => {
    const f = withItems(
      motion((bl) =>
        replace(
          "vote",
          b.vote({
            yes: "y1",
            no: "y2",
            ballots: ballots({ ...allJa, lv: "avstår" }),
            result: "ja",
          }),
        )(bl),
      ),
    );
    const [p] = of("reservant-eligible", f);
    expect(p!.message).toBe(
      "Linda Vall avstod från att rösta i § 2 och kan därför inte reservera sig.",
    );
    const fixed = applyFix(f.doc, f.meta, p!.fix!.action);
    expect(
      validateFile({ ...f, doc: fixed.doc }).filter((x) => x.rule === "reservant-eligible"),
    ).toEqual([]);
  });
});

describe("reservant-lost", () => {
  it("passes when the reservant voted against, and warns when the reservant voted for the winner", () => {
    expect(of("reservant-lost", protocolFile())).toEqual([]);
    const f = withItems(
      motion(replace("reservation", b.reservation({ by: ["kg"], favouring: "y2" }))),
    );
    expect(of("reservant-lost", f).map((p) => [p.severity, p.message])).toEqual([
      [
        "warning",
        "Kerstin Granlund röstade för det förslag som vann i § 2 men reserverar sig mot beslutet.",
      ],
    ]);
  });

  it("warns when the reservant proposed bifall to the same förslag as the one adopted", () => {
    const f = withItems(
      motion((bl) => [
        ...replace(
          "vote",
          null,
        )(bl).filter((n) => n.type.name !== "proposal" && n.type.name !== "reservation"),
        b.proposal({ id: "y1", by: ["op"], subject: "förvaltningens förslag till beslut" }),
        b.proposal({ id: "y2", kind: "eget_förslag", by: ["lv"] }),
        b.proposal({ id: "y3", by: ["kg"], subject: "förvaltningens förslag" }),
        b.reservation({ by: ["kg"] }),
      ]),
    );
    expect(messages("reservant-lost", f)).toEqual([
      "Kerstin Granlund yrkade på det förslag som nämnden beslutade enligt i § 2 men reserverar sig mot beslutet.",
    ]);
  });
});

describe("reservation-favouring", () => {
  it("passes for a reservation favouring a losing proposal and warns for one favouring the adopted one", () => {
    expect(of("reservation-favouring", protocolFile())).toEqual([]);
    const f = withItems(
      motion(replace("reservation", b.reservation({ by: ["lv"], favouring: "y1" }))),
    );
    expect(messages("reservation-favouring", f)).toEqual([
      "Reservationen i § 2 är till förmån för det förslag som nämnden beslutade enligt.",
    ]);
  });

  it("warns when the favoured proposal is gone from the §, and the fix clears it", () => {
    const f = protocolFile();
    const pos = findPos(f.doc, "reservation");
    const doc = applyFix(f.doc, f.meta, { type: "set-attrs", pos, attrs: { favouring: "y9" } }).doc;
    const [p] = validateFile({ ...f, doc }).filter((x) => x.rule === "reservation-favouring");
    expect(p!.message).toBe(
      "Reservationen i § 2 är till förmån för ett yrkande som inte finns i paragrafen.",
    );
    expect(applyFix(doc, f.meta, p!.fix!.action).doc.nodeAt(pos)!.attrs.favouring).toBeNull();
  });
});

function findPos(doc: Node, type: string): number {
  let found = -1;
  doc.descendants((n, pos) => {
    if (found < 0 && n.type.name === type) found = pos;
    return found < 0;
  });
  return found;
}

describe("recusal-absent", () => {
  it("passes when the jävig person takes no part", () => {
    const f = withItems(
      motion((bl) => [
        ...replace(
          "vote",
          b.vote({
            yes: "y1",
            no: "y2",
            ballots: ballots({ jj: "ja", am: "ja", op: "ja", jk: "ja", lv: "nej" }),
            result: "ja",
          }),
        )(bl),
        b.recusal(["kg"]),
      ]),
      {
        recusals: [{ person: "kg", item: "p2" }],
      },
    );
    expect(of("recusal-absent", f)).toEqual([]);
    expect(of("vote-total", f)).toEqual([]); // kg is not counted
  });

  it("leaves a jävig reservant to reservant-eligible, so it is reported once", () => {
    const f = withItems(motion(replace("vote", null)), {
      recusals: [{ person: "lv", item: "p2" }],
    });
    expect(
      validateFile(f)
        .filter((p) => p.message.includes("Linda Vall"))
        .map((p) => [p.rule, p.message]),
    ).toEqual([
      ["recusal-absent", "Linda Vall var jävig i § 2 men yrkar i ärendet."],
      ["reservant-eligible", "Linda Vall var jävig i § 2 och kan därför inte reservera sig."],
    ]);
  });

  it("fails when a jävig person votes, and when jäv is only in the text", () => {
    const voted = withItems(
      motion((bl) => [...bl, b.recusal(["kg"])]),
      { recusals: [{ person: "kg", item: "p2" }] },
    );
    expect(messages("recusal-absent", voted)).toEqual([
      "Kerstin Granlund var jävig i § 2 men röstade.",
    ]);
    const textOnly = withItems(motion((bl) => [...bl, b.recusal(["kg"])]));
    const found = of("recusal-absent", textOnly);
    // both her vote and the jäv missing from the ledger are reported
    const textual = found.find((p) =>
      p.message.includes("står i texten men inte i närvaroförteckningen"),
    )!;
    expect(found).toHaveLength(2);
    const fixed = applyFix(textOnly.doc, textOnly.meta, textual.fix!.action);
    expect(fixed.meta.recusals).toEqual([{ person: "kg", item: "p2" }]);
  });
});

describe("substitute-statement-allowed", () => {
  it("passes for a present, non-serving ersättare where the reglemente allows it", () =>
    expect(of("substitute-statement-allowed", protocolFile())).toEqual([]));

  it("fails where the reglemente does not allow it, and for a serving ersättare", () => {
    expect(
      messages(
        "substitute-statement-allowed",
        protocolFile(items(), withReglemente({ substituteStatements: false })),
      ),
    ).toEqual([
      "Socialnämndens reglemente ger inte ersättare rätt att lämna ersättaryttrande (§ 2).",
    ]);
    const f = withItems(
      motion(replace("substitute_statement", b.substituteStatement({ by: ["jk"] }, "Instämmer."))),
    );
    expect(messages("substitute-statement-allowed", f)[0]).toContain(
      "Jonas Krook tjänstgjorde i § 2",
    );
  });
});

describe("no-rotation", () => {
  const rotating = (recused: boolean) =>
    protocolFile(items(), {
      attendance: [
        ...["jj", "am", "op", "kg", "jk"].map((person) => ({ person, status: "serving" as const })),
        { person: "lv", status: "serving", from: "p1", to: "p1" },
        { person: "mh", status: "serving", from: "p2", to: "p2" },
        { person: "lv", status: "serving", from: "p3", to: "p3" },
      ],
      recusals: recused ? [{ person: "lv", item: "p2" }] : [],
    });

  it("passes when the gap was jäv and warns on växeltjänstgöring", () => {
    expect(of("no-rotation", rotating(true))).toEqual([]);
    expect(of("no-rotation", rotating(false)).map((p) => [p.severity, p.item, p.message])).toEqual([
      [
        "warning",
        "p3",
        "Linda Vall slutade tjänstgöra men tjänstgör igen från § 3 (växeltjänstgöring). Det är bara tillåtet efter jäv.",
      ],
    ]);
  });
});

describe("vote-voters-serving", () => {
  it("passes when every serving member votes once", () =>
    expect(of("vote-voters-serving", protocolFile())).toEqual([]));

  it("fails for a non-serving voter, a double vote and a missing vote", () => {
    const f = withItems(
      motion(
        replace(
          "vote",
          b.vote({
            yes: "y1",
            no: "y2",
            ballots: [
              ...ballots({ jj: "ja", am: "ja", op: "ja", jk: "ja", lv: "nej", ar: "ja" }),
              { person: "jj", vote: "ja" },
            ],
            result: "ja",
          }),
        ),
      ),
    );
    expect(messages("vote-voters-serving", f)).toEqual([
      "Alva Rydén Berglöf röstade i § 2 men tjänstgjorde inte.",
      "Jon Järvholm har röstat mer än en gång i omröstningen i § 2.",
      "Röst saknas i omröstningen i § 2 för Kerstin Granlund, som tjänstgjorde.",
    ]);
  });

  it("fails for an open vote recorded only as totals", () => {
    const f = withItems(
      motion(
        replace(
          "vote",
          b.vote({ yes: "y1", no: "y2", tally: { ja: 5, nej: 1, avstår: 0 }, result: "ja" }),
        ),
      ),
    );
    expect(messages("vote-voters-serving", f)).toEqual([
      "Omröstningen i § 2 är öppen, men hur var och en röstade är inte antecknat.",
    ]);
  });
});

describe("vote-total", () => {
  it("passes when the votes add up to those serving, and fails when they do not", () => {
    expect(of("vote-total", protocolFile())).toEqual([]);
    const f = withItems(
      motion(
        replace(
          "vote",
          b.vote({
            open: false,
            election: true,
            yes: "y1",
            no: "y2",
            tally: { ja: 3, nej: 1, avstår: 0 },
            result: "ja",
          }),
        ),
      ),
    );
    expect(messages("vote-total", f)).toEqual([
      "Omröstningen i § 2 har 4 röster (ja, nej och avstår) men 6 tjänstgjorde.",
    ]);
  });

  it("fails when the recorded totals disagree with the ballots, and the fix recounts", () => {
    const f = withItems(
      motion(
        replace(
          "vote",
          b.vote({
            yes: "y1",
            no: "y2",
            ballots: ballots(allJa),
            tally: { ja: 4, nej: 2, avstår: 0 },
            result: "ja",
          }),
        ),
      ),
    );
    const [p] = of("vote-total", f);
    expect(p!.message).toContain(
      "(4 ja, 2 nej, 0 avstår) stämmer inte med de enskilda rösterna (5 ja, 1 nej, 0 avstår)",
    );
    expect(of("vote-total", { ...f, doc: applyFix(f.doc, f.meta, p!.fix!.action).doc })).toEqual(
      [],
    );
  });
});

describe("vote-result", () => {
  it("passes for a result that matches the tally and fails for one that does not", () => {
    expect(of("vote-result", protocolFile())).toEqual([]);
    const f = withItems(
      motion(
        replace("vote", b.vote({ yes: "y1", no: "y2", ballots: ballots(allJa), result: "nej" })),
      ),
    );
    const found = of("vote-result", f);
    expect(found.map((p) => p.message)).toEqual([
      "Beslutsordningen i § 2 anger ett annat förslag som bifallet än det som vann omröstningen.",
      "Omröstningen i § 2 gav 5 ja och 1 nej, men resultatet är angivet som nej.",
    ]);
  });

  it("on a tie requires the chair's utslagsröst in a matter and lot in an election", () => {
    const tie = ballots({ jj: "ja", am: "ja", op: "ja", kg: "nej", jk: "nej", lv: "nej" });
    const matter = withItems(
      motion(replace("vote", b.vote({ yes: "y1", no: "y2", ballots: tie, result: "ja" }))),
    );
    expect(messages("vote-result", matter)).toEqual([
      "Omröstningen i § 2 slutade lika (3–3); ordförandens utslagsröst avgör, och det ska antecknas.",
    ]);
    const decided = withItems(
      motion(
        replace(
          "vote",
          b.vote({ yes: "y1", no: "y2", ballots: tie, tieBreak: "chair", result: "ja" }),
        ),
      ),
    );
    expect(of("vote-result", decided)).toEqual([]);
    const wrong = withItems(
      motion(
        replace(
          "vote",
          b.vote({ yes: "y1", no: "y2", ballots: tie, tieBreak: "chair", result: "nej" }),
        ),
      ),
    );
    expect(messages("vote-result", wrong)).toContain(
      "Vid lika röstetal i § 2 avgör ordförandens röst (ja), men resultatet är angivet som nej.",
    );
    const election = withItems(
      motion(
        replace(
          "vote",
          b.vote({
            election: true,
            yes: "y1",
            no: "y2",
            ballots: tie,
            tieBreak: "chair",
            result: "ja",
          }),
        ),
      ),
    );
    expect(messages("vote-result", election)[0]).toContain("vid lika röstetal i val avgör lotten");
  });
});

describe("vote-propositions", () => {
  it("passes when ja and nej name proposals of the § in a recorded order", () =>
    expect(of("vote-propositions", protocolFile())).toEqual([]));

  it("fails for a missing proposition, and for a vote without beslutsordning (fix inserts one)", () => {
    const f = withItems(
      motion(
        replace("vote", b.vote({ yes: "y1", no: null, ballots: ballots(allJa), result: "ja" })),
      ),
    );
    expect(messages("vote-propositions", f)).toEqual([
      "Nej-propositionen i omröstningen i § 2 anger inget förslag.",
    ]);
    const noOrder = withItems(
      motion((bl) =>
        bl
          .filter(
            (n) =>
              n.type.name !== "decision_procedure" &&
              !(n.type.name === "proposal" && n.attrs.id === "y2"),
          )
          .concat(b.proposal({ id: "y2", kind: "eget_förslag", by: ["lv"], withdrawn: true })),
      ),
    );
    const found = of("vote-propositions", noOrder);
    expect(found.map((p) => p.message)).toContain(
      "§ 2 har en omröstning men ingen beslutsordning som visar i vilken ordning ordföranden ställde förslagen.",
    );
    const fix = found.find((p) => p.fix)!.fix!;
    const fixed = applyFix(noOrder.doc, noOrder.meta, fix.action);
    expect(
      validateFile({ ...noOrder, doc: fixed.doc }).filter((p) =>
        p.message.includes("ingen beslutsordning"),
      ),
    ).toEqual([]);
  });
});

describe("duty-to-vote", () => {
  it("passes outside myndighetsutövning and warns when a member abstains in it", () => {
    const abstain = motion(
      replace(
        "vote",
        b.vote({ yes: "y1", no: "y2", ballots: ballots({ ...allJa, kg: "avstår" }), result: "ja" }),
      ),
    );
    expect(of("duty-to-vote", withItems(abstain))).toEqual([]);
    const f = withItems(abstain, { authorityItems: ["p2"] });
    expect(of("duty-to-vote", f).map((p) => [p.severity, p.message])).toEqual([
      [
        "warning",
        "§ 2 gäller myndighetsutövning mot enskild, där den som deltar är skyldig att rösta, men Kerstin Granlund avstod.",
      ],
    ]);
  });
});

describe("proposals-recorded", () => {
  it("passes when each yrkande has a proposer and there is a beslutsordning", () =>
    expect(of("proposals-recorded", protocolFile())).toEqual([]));

  it("fails for a yrkande without proposer and for two yrkanden without beslutsordning (fix adds one)", () => {
    const f = withItems(
      motion((bl) =>
        bl
          .filter((n) => !["decision_procedure", "vote", "reservation"].includes(n.type.name))
          .concat(b.proposal({ id: "y3", kind: "avslag", by: [] })),
      ),
    );
    const found = of("proposals-recorded", f);
    expect(found.map((p) => p.message)).toEqual([
      "§ 2 har 3 yrkanden men ingen beslutsordning: ange i vilken ordning ordföranden ställde förslagen och vad nämnden beslutade.",
      "Ett yrkande i § 2 anger inte vem som yrkade.",
    ]);
    const fixed = applyFix(f.doc, f.meta, found[0]!.fix!.action);
    let order: unknown = null;
    fixed.doc.descendants((n) => {
      if (n.type.name === "decision_procedure") order = n.attrs.order;
      return true;
    });
    expect(order).toEqual(["y1", "y2", "y3"]);
  });
});

describe("written-reservation-deadline", () => {
  it("passes for a motivation before justering and warns for one after it or without a date", () => {
    expect(of("written-reservation-deadline", protocolFile())).toEqual([]);
    const late = withItems(
      motion(
        replace(
          "reservation",
          b.reservation({
            by: ["lv"],
            favouring: "y2",
            written: true,
            receivedAt: "2020-09-01T09:00",
          }),
        ),
      ),
    );
    expect(messages("written-reservation-deadline", late)).toEqual([
      "Den skriftliga motiveringen från Linda Vall i § 2 kom in 1 september 2020, efter justeringen 31 augusti 2020. Den ska lämnas före justeringen.",
    ]);
    const undated = withItems(
      motion(replace("reservation", b.reservation({ by: ["lv"], favouring: "y2", written: true }))),
    );
    expect(of("written-reservation-deadline", undated)).toHaveLength(1);
  });
});

const adjusted = () => adjustedSample();

describe("immutable-after-adjustment", () => {
  it("passes for a justerad protocol and one with a recorded rättelse", () => {
    const f = adjusted();
    expect(of("immutable-after-adjustment", f)).toEqual([]);
    const corrected = correctedSample(f);
    expect(of("immutable-after-adjustment", corrected)).toEqual([]);
  });

  it("fails when the text was changed after justering without a rättelse, or the seal is missing", () => {
    const f = adjusted();
    const changed = { ...f, doc: replaceInItem(f.doc, "p5", "ytterstaden", "innerstaden") };
    expect(messages("immutable-after-adjustment", changed)[0]).toContain(
      "Protokollet har ändrats sedan justeringen",
    );
    expect(hasErrors(validateFile(changed))).toBe(true);
    expect(
      messages("immutable-after-adjustment", { ...f, meta: { ...f.meta, seal: null } })[0],
    ).toContain("saknar sigill");
  });
});

describe("decision-wording-changed", () => {
  const inReview = () =>
    must(
      markSeen(
        must(sendForReview(sampleProtocol(), "Sara Karlsson", "2020-08-26T09:00")),
        "lv",
        "2020-08-27T10:00",
      ),
    );

  it("is silent when only the background changed since the justerare read it", () => {
    const f = inReview();
    expect(
      of("decision-wording-changed", {
        ...f,
        doc: replaceInItem(f.doc, "p5", "ytterstaden", "innerstaden"),
      }),
    ).toEqual([]);
  });

  it("warns when the decision was reformulated since the justerare read it", () => {
    const f = inReview();
    const changed = { ...f, doc: replaceInItem(f.doc, "p5", "överlämnar", "godkänner") };
    expect(
      of("decision-wording-changed", changed).map((p) => [p.severity, p.item, p.message]),
    ).toEqual([
      [
        "warning",
        "p5",
        "Beslutet i § 5 är omformulerat sedan Linda Vall läste protokollet. Justerarna måste se ändringen – vid justering får det som beslutades inte formuleras om.",
      ],
    ]);
  });
});

describe("notice-dates", () => {
  it("passes for a justerad protocol with förvaringsplats and a timely notice", () => {
    const f = adjusted();
    expect(
      of("notice-dates", {
        ...f,
        meta: { ...f.meta, notice: { ...f.meta.notice, posted: "2020-09-02" } },
      }),
    ).toEqual([]);
  });

  it("fails for a late notice and a missing förvaringsplats", () => {
    const f = adjusted();
    expect(
      messages("notice-dates", {
        ...f,
        meta: { ...f.meta, notice: { keptAt: null, posted: "2020-09-03" } },
      }),
    ).toEqual([
      "Anslaget sattes upp 3 september 2020, men ska sättas upp senast andra dagen efter justeringen (2 september 2020).",
      "Anslaget ska ange var protokollet förvaras – förvaringsplats saknas.",
    ]);
  });
});

describe("confidential-masked", () => {
  it("passes for a sekretess § with its OSL reference and no personnummer", () => {
    const f = protocolFile([
      b.item(
        { id: "p1", title: "Individärende", confidential: "OSL 26 kap. 1 §" },
        b.decision("Bistånd beviljas."),
      ),
    ]);
    expect(of("confidential-masked", f)).toEqual([]);
  });

  it("fails for a sekretess marking without OSL reference, and warns for a personnummer in every form the public version masks", () => {
    const f = protocolFile([
      b.item(
        { id: "p1", title: "Individärende", confidential: "sekretess" },
        b.decision("Bistånd beviljas."),
      ),
      b.item(
        { id: "p2", title: "Skrivelse" },
        b.decision("Skrivelsen från 121212 1212 läggs till handlingarna."),
        b.background(
          "Sökande 19121212-1212, make 880101–1233, barn 730412\u20115565, far 121212+1212.",
        ),
      ),
    ]);
    expect(
      of("confidential-masked", f).map((p) => [
        p.severity,
        p.item,
        f.doc.textBetween(p.from, p.to),
      ]),
    ).toEqual([
      ["error", "p1", "Individärende"],
      ["warning", "p2", "121212 1212"],
      ["warning", "p2", "19121212-1212"],
      ["warning", "p2", "880101–1233"],
      ["warning", "p2", "730412\u20115565"],
      ["warning", "p2", "121212+1212"],
    ]);
  });

  it("finds a personnummer split by formatting (bold date, plain number) with its whole range", () => {
    const schema = b.protocol().type.schema;
    const para = schema.nodes.paragraph!.create(null, [
      schema.text("Sökande "),
      schema.text("19460619-", [schema.marks.strong!.create()]),
      schema.text("3029 har ansökt."),
    ]);
    const f = protocolFile([
      b.item(
        { id: "p1", title: "Ansökan" },
        b.decision("Ansökan bifalls."),
        schema.nodes.background!.create(null, [para]),
      ),
    ]);
    expect(of("confidential-masked", f).map((p) => f.doc.textBetween(p.from, p.to))).toEqual([
      "19460619-3029",
    ]);
  });

  it("reports a personnummer in an answer to an interpellation too", () => {
    const f = answerFile([
      "Frågeställaren har 811218-9876 som exempel.",
      b.question("Hur ska nämnden arbeta?"),
      "Nämnden ska arbeta väl.",
    ]);
    expect(
      of("confidential-masked", f).map((p) => [p.severity, f.doc.textBetween(p.from, p.to)]),
    ).toEqual([["warning", "811218-9876"]]);
  });
});

describe("interpellationssvar", () => {
  it("questions-present fails without quoted questions", () => {
    expect(messages("questions-present", answerFile(["Jag tackar för interpellationen."]))).toEqual(
      ["Svaret citerar inte interpellationens frågor. Lägg in frågorna, numrerade, före svaret."],
    );
  });

  it("questions-answered warns for a question the answer never takes up", () => {
    const f = answerFile([
      b.question(
        "Vilka åtgärder ämnar borgarrådet vidta för personer som inte fått sina insatser utförda under pandemin?",
      ),
      b.question(
        "Hur planerar borgarrådet att komma tillrätta med det digitala utanförskapet hos utsatta grupper?",
      ),
      "När det gäller den första frågan ska beslutade insatser genomföras.",
    ]);
    expect(of("questions-answered", f).map((p) => [p.severity, p.message])).toEqual([
      [
        "warning",
        "Fråga 2 verkar inte besvaras: svaret nämner den inte och tar inte upp det den handlar om.",
      ],
    ]);
  });

  it("signature fails without place and date", () => {
    expect(messages("signature", answerFile(undefined, { place: null, date: null }))).toEqual([
      "Svaret ska avslutas med ort, datum och namn på den som svarar – ort och datum saknas.",
    ]);
  });

  it("dnr-present warns without a Dnr", () => {
    expect(of("dnr-present", answerFile(undefined, { dnr: null })).map((p) => p.severity)).toEqual([
      "warning",
    ]);
  });

  it("protocol rules do not run on an answer, and answer rules not on a protocol", () => {
    expect(validateFile(answerFile(undefined, { dnr: null })).map((p) => p.rule)).toEqual([
      "dnr-present",
    ]);
    expect(
      validateFile(protocolFile()).some((p) => ["signature", "dnr-present"].includes(p.rule)),
    ).toBe(false);
  });
});

describe("applyFix", () => {
  it("is pure: the document and metadata it is given are unchanged", () => {
    const f = protocolFile(items(), { adjusters: ["jj", "lv"] });
    const docJson = JSON.stringify(f.doc.toJSON());
    const metaJson = JSON.stringify(f.meta);
    const [p] = of("adjusters", f);
    const fixed = applyFix(f.doc, f.meta, p!.fix!.action);
    expect(fixed.meta.adjusters).toEqual(["lv"]);
    expect(JSON.stringify(f.doc.toJSON())).toBe(docJson);
    expect(JSON.stringify(f.meta)).toBe(metaJson);
  });

  it("refuses, with a Swedish RangeError, an action that no longer fits the document", () => {
    const f = protocolFile();
    expect(() =>
      applyFix(f.doc, f.meta, {
        type: "remove-person",
        pos: 99999,
        attr: "reservants",
        person: "lv",
      }),
    ).toThrow(/passar inte dokumentet/);
    expect(() =>
      applyFix(f.doc, f.meta, {
        type: "set-meta",
        path: ["body", "reglemente", "firstItemNumber"],
        value: 0,
      }),
    ).toThrow(RangeError);
  });
});
