/**
 * Seed 002 (Socialnämnden, Stockholm, 2020-08-25): the rules on a real protocol. Every problem
 * reported must be a real shortcoming of the protocol text, and its yrkanden, reservations and
 * ersättaryttranden — which are correct — must give no alarm.
 *
 * Two sources: a faithful fixture of §§ 5–7 built with the builder (persons, three yrkanden,
 * reservations, ersättaryttranden, no attendance list, as in the text), and the imported seed
 * file seeds/002-socialnamnden-2020-08-25.protokoll.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as b from "../build.js";
import { createFile, parse, type ProtokollFile } from "../file.js";
import type { AttendanceEntry } from "../meta.js";
import { validateFile } from "./index.js";

const persons = [
  { id: "jan-jonsson", name: "Jan Jönsson", party: "L", role: "chair" as const },
  {
    id: "alexandra-mattsson-akerstrom",
    name: "Alexandra Mattsson Åkerström",
    party: "V",
    role: "vice_chair" as const,
  },
  { id: "ole-jorgen-persson", name: "Ole-Jörgen Persson", party: "M", role: "member" as const },
  {
    id: "mariana-moreira-duarte",
    name: "Mariana Moreira Duarte",
    party: "MP",
    role: "member" as const,
  },
  { id: "michaela-hollis", name: "Michaela Hollis", party: "KD", role: "member" as const },
  { id: "johan-kling", name: "Johan Kling", party: "C", role: "substitute" as const },
  { id: "karin-gustafsson", name: "Karin Gustafsson", party: "S", role: "member" as const },
  { id: "linnea-vinge", name: "Linnéa Vinge", party: "SD", role: "member" as const },
  {
    id: "anna-rantala-bonnier",
    name: "Anna Rantala Bonnier",
    party: "Fi",
    role: "substitute" as const,
  },
  {
    id: "bjorn-hall-kellerman",
    name: "Björn Häll Kellerman",
    party: "V",
    role: "substitute" as const,
  },
  { id: "anders-goransson", name: "Anders Göransson", party: "S", role: "member" as const },
  { id: "lotten-hammar", name: "Lotten Hammar", party: "S", role: "member" as const },
];
const majority = [
  "jan-jonsson",
  "ole-jorgen-persson",
  "mariana-moreira-duarte",
  "michaela-hollis",
  "johan-kling",
];
const vs = ["alexandra-mattsson-akerstrom", "karin-gustafsson"];

/** §§ 5–7 of the protocol as the text has them. */
function fixture(): ProtokollFile {
  const procedureText =
    "Ordföranden ställde framställda förslag till beslut mot varandra och fann att nämnden beslutat enligt förvaltningens förslag.";
  const doc = b.protocol(
    b.item(
      {
        id: "p5",
        title:
          "Motion (SD) om att klarlägga Stockholms stads kostnader för nyanlända, asylinvandring och illegala invandrare - svar till kommunstyrelsen KS 2020/393",
        dnr: "Dnr 1.7.1-213/2020",
      },
      b.decisionProse(
        "Socialnämnden godkänner förvaltningens tjänsteutlåtande som svar på motionen från (SD) om att klarlägga Stockholms stads kostnader för nyanlända, asylinvandring och illegala invandrare.",
      ),
      b.background(
        "Kommunstyrelsen har remitterat en motion från Peter Wallmark (SD) och Martin Westmont (SD) till socialnämnden m.fl.",
      ),
      b.procedure({}, procedureText),
      b.proposal({
        id: "y-5-1",
        by: majority,
        andOthers: ["ole-jorgen-persson"],
        subject: "förvaltningens förslag till beslut",
      }),
      b.proposal({ id: "y-5-2", by: vs, andOthers: vs, subject: "förvaltningens förslag" }),
      b.proposal({ id: "y-5-3", kind: "eget_förslag", by: ["linnea-vinge"] }),
      b.reservation(
        { by: ["linnea-vinge"], favouring: "y-5-3" },
        b.ol("decimal", "” Att motionen tillstyrks", "Därutöver vill vi anföra följande: …”"),
      ),
      b.substituteStatement(
        { by: ["anna-rantala-bonnier"] },
        "” Feministiskt initiativ instämmer i förvaltningens utlåtande i stort …”",
      ),
    ),
    b.item(
      {
        id: "p6",
        title:
          "Rekommendation om överenskommelse om samverkansregler – svar till kommunstyrelsen KS 2019/1954",
        dnr: "Dnr 1.7.1-351/2020",
      },
      b.decisionProse(
        "Socialnämnden godkänner förvaltningens tjänsteutlåtande som svar på remissen.",
      ),
      b.procedure({}, "Nämnden beslutade enligt förvaltningens förslag till beslut."),
    ),
    b.item(
      {
        id: "p7",
        title:
          "Reglering av undersköterskeyrket- kompetenskrav och övergångsbestämmelser (Ds 2020:15) –svar till kommunstyrelsen KS 2020/871",
        dnr: "Dnr 1.7.1-557/2020",
      },
      b.decisionProse(
        "Socialnämnden godkänner förvaltningens tjänsteutlåtande som svar till kommunstyrelsen.",
      ),
      b.procedure({}, procedureText),
      b.proposal({
        id: "y-7-1",
        by: majority,
        andOthers: ["ole-jorgen-persson"],
        subject: "förvaltningens förslag till beslut",
      }),
      b.proposal({ id: "y-7-2", kind: "eget_förslag", by: vs, andOthers: vs }),
      b.proposal({ id: "y-7-3", kind: "eget_förslag", by: ["linnea-vinge"] }),
      b.reservation(
        {
          by: [
            "alexandra-mattsson-akerstrom",
            "bjorn-hall-kellerman",
            "karin-gustafsson",
            "anders-goransson",
            "lotten-hammar",
          ],
          favouring: "y-7-2",
        },
        "” 1.Socialnämnden godkänner delvis förvaltningens tjänsteutlåtande …”",
      ),
      b.substituteStatement(
        { by: ["anna-rantala-bonnier"] },
        "instämde i förslag till beslut och reservation från (V),(S).",
      ),
    ),
  );
  return createFile(
    "protokoll",
    {
      body: {
        name: "Socialnämnden",
        type: "nämnd",
        reglemente: { adjusters: 1, substituteStatements: true, firstItemNumber: 5 },
      },
      meeting: { date: "2020-08-25" },
      persons,
      chair: "jan-jonsson",
      adjusters: ["alexandra-mattsson-akerstrom"],
      adjustment: { date: "2020-08-31" },
    },
    doc,
  );
}

/** The attendance the text implies: the ledamöter who spoke, Kling and Häll Kellerman serving ("tjänstgörande ersättaren"), Rantala Bonnier present. */
function impliedLedger(): AttendanceEntry[] {
  const serving = [
    "jan-jonsson",
    "alexandra-mattsson-akerstrom",
    "ole-jorgen-persson",
    "mariana-moreira-duarte",
    "michaela-hollis",
    "karin-gustafsson",
    "linnea-vinge",
    "anders-goransson",
    "lotten-hammar",
    "johan-kling",
    "bjorn-hall-kellerman",
  ];
  return [
    ...serving.map((person) => ({
      person,
      status: "serving" as const,
      from: null,
      to: null,
      replaces: null,
    })),
    { person: "anna-rantala-bonnier", status: "present", from: null, to: null, replaces: null },
  ];
}

/** The fixture is an excerpt (§§ 5–7): the "Val av justerare" § and the place of justering are outside it. */
const excerptRules = (p: { rule: string }) => p.rule !== "adjustment-stated";
const summary = (f: ProtokollFile) =>
  validateFile(f)
    .filter(excerptRules)
    .map((p) => `${p.severity} ${p.rule} ${p.item ?? "-"}`);
const onStatements = [
  "proposer-serving",
  "reservant-eligible",
  "reservant-lost",
  "reservation-favouring",
  "substitute-statement-allowed",
  "proposals-recorded",
  "recusal-absent",
  "vote-propositions",
];

describe("seed 002, §§ 5–7 built with the builder", () => {
  it("reports only the missing attendance list: the yrkanden, reservations and ersättaryttranden are in order", () => {
    expect(summary(fixture())).toEqual(["error attendance-listed -"]);
  });

  it("with the attendance the text implies, reports nothing at all", () => {
    const f = fixture();
    expect(
      validateFile({ ...f, meta: { ...f.meta, attendance: impliedLedger() } }).filter(excerptRules),
    ).toEqual([]);
  });

  it("would catch it if the non-serving ersättare had reserved herself", () => {
    const f = fixture();
    const json = JSON.parse(
      JSON.stringify(f.doc.toJSON()).replace(
        '"reservants":["linnea-vinge"]',
        '"reservants":["anna-rantala-bonnier"]',
      ),
    );
    const doc = f.doc.type.schema.nodeFromJSON(json);
    const found = validateFile({
      ...f,
      doc,
      meta: { ...f.meta, attendance: impliedLedger() },
    }).filter(excerptRules);
    expect(found.map((p) => p.message)).toEqual([
      "Anna Rantala Bonnier tjänstgjorde inte när beslutet i § 5 fattades och kan därför inte reservera sig.",
    ]);
  });
});

const seedPath = join(import.meta.dirname, "../../seeds/002-socialnamnden-2020-08-25.protokoll");

describe("seed 002, the imported file", () => {
  it("exists and is a readable protocol", () => {
    expect(existsSync(seedPath)).toBe(true);
    expect(parse(readFileSync(seedPath, "utf8")).ok).toBe(true);
  });

  const seed = () => {
    const r = parse(readFileSync(seedPath, "utf8"));
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
    return r.file;
  };

  it("reports exactly the shortcomings of the protocol text", () => {
    const found = validateFile(seed());
    expect(found.map((p) => `${p.severity} ${p.rule} ${p.item ?? "-"}`)).toEqual([
      // the text has no list of who was present and served (only the §§)
      "error attendance-listed -",
      // the text says when justering takes place ("måndag 31 augusti 2020") but not where
      "warning adjustment-stated -",
      // § 4 "Nämndens frågor till förvaltningen": questions and the chair's answer, no decision and no "läggs till handlingarna"
      "error decision-required p-4",
      // § 15 "Anmälningsfrågor": the list A–D without "anmälan läggs till handlingarna" or any decision
      "error decision-required p-15",
    ]);
    const text = readFileSync(seedPath.replace(/\.protokoll$/, ".txt"), "utf8");
    expect(text).not.toMatch(/Närvarande|Ledamöter|Tjänstgörande ersättare:/);
    expect(text.slice(text.indexOf("§ 15"))).not.toMatch(/handlingarna/);
  });

  it("gives no alarm on its yrkanden, reservations and ersättaryttranden, with or without the attendance the text implies", () => {
    const f = seed();
    expect(validateFile(f).filter((p) => onStatements.includes(p.rule))).toEqual([]);
    const withLedger = validateFile({ ...f, meta: { ...f.meta, attendance: impliedLedger() } });
    expect(withLedger.map((p) => `${p.rule} ${p.item}`)).toEqual([
      "adjustment-stated null",
      "decision-required p-4",
      "decision-required p-15",
    ]);
  });
});
