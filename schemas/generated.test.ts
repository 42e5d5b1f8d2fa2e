import { describe, expect, it } from "vitest";
import { resolveAttendance } from "./attendance.js";
import * as b from "./build.js";
import { createFile } from "./file.js";
import { decisionHeading, personsPhrase, procedureSentence, proposalLeadIn, reservationLeadIn, voteSummary } from "./generated.js";

const persons = [
  { id: "jj", name: "Jan Jönsson", party: "L", role: "chair" as const },
  { id: "op", name: "Ole-Jörgen Persson", party: "M", role: "member" as const },
  { id: "mm", name: "Mariana Moreira Duarte", party: "MP", role: "member" as const },
  { id: "jk", name: "Johan Kling", party: "C", role: "substitute" as const },
  { id: "lv", name: "Linnéa Vinge", party: "SD", role: "member" as const },
  { id: "ka", name: "Karin Gustafsson", party: "S", role: "member" as const },
];
const y1 = b.proposal({ id: "y1", by: ["jj", "op", "mm", "jk"], andOthers: ["op"], subject: "förvaltningens förslag till beslut" });
const y2 = b.proposal({ id: "y2", kind: "eget_förslag", by: ["lv"] });
const file = createFile(
  "protokoll",
  { body: { name: "Socialnämnden" }, persons, attendance: ["jj", "op", "mm", "lv", "ka"].map((person) => ({ person, status: "serving" as const })).concat([{ person: "jk", status: "serving" as const }]) },
  b.protocol(
    b.item(
      { id: "p5", title: "Motion" },
      b.decision("Godkänns."),
      y1,
      y2,
      b.procedure({ order: ["y1", "y2"], adopted: "y1" }),
      b.vote({ yes: "y1", no: "y2", ballots: [{ person: "jj", vote: "ja" }, { person: "lv", vote: "nej" }, { person: "ka", vote: "avstår" }], result: "ja" }),
      b.reservation({ by: ["lv"], favouring: "y2" }),
    ),
  ),
);
const item = file.doc.child(0);
const att = resolveAttendance(file.doc, file.meta).byItem.get("p5");

describe("generated text", () => {
  it("names the decision after the body", () => expect(decisionHeading(file.meta)).toBe("Socialnämndens beslut"));
  it("groups the persons of a yrkande by role, as the protocols of Stockholm write them", () => {
    expect(proposalLeadIn(item.child(2), item, file.meta, att)).toBe(
      "Ordföranden Jan Jönsson (L), ledamöterna Ole-Jörgen Persson m.fl. (M), Mariana Moreira Duarte (MP), tjänstgörande ersättaren Johan Kling (C) yrkade bifall till förvaltningens förslag till beslut.",
    );
    expect(proposalLeadIn(item.child(3), item, file.meta, att)).toBe("Ledamoten Linnéa Vinge (SD) yrkade bifall till eget förslag till beslut.");
  });
  it("says a reservant reserved herself in favour of her own proposal", () => {
    expect(reservationLeadIn(item.child(6), item, file.meta, att)).toBe("Ledamoten Linnéa Vinge (SD) reserverade sig mot beslutet till förmån för det egna förslaget.");
  });
  it("writes the beslutsordning from the order the chair put the proposals", () => {
    expect(procedureSentence(item.child(4), item, file.meta)).toBe(
      "Ordföranden ställde förvaltningens förslag till beslut och Linnéa Vinges (SD) förslag mot varandra och fann att nämnden beslutat enligt förvaltningens förslag till beslut. Omröstning begärdes.",
    );
  });
  it("counts the votes", () => expect(voteSummary(item.child(5), item, file.meta)).toMatch(/1 ja-röster, 1 nej-röster och 1 som avstod\. Nämnden hade således beslutat enligt förvaltningens förslag till beslut\./));
  it("writes an unserving substitute as ersättaren", () => expect(personsPhrase(["jk"], [], file.meta)).toBe("Ersättaren Johan Kling (C)"));
});
