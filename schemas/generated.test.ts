import { describe, expect, it } from "vitest";
import { resolveAttendance } from "./attendance.js";
import * as b from "./build.js";
import { createFile } from "./file.js";
import {
  decisionHeading,
  personsPhrase,
  procedureSentence,
  proposalLeadIn,
  proposalName,
  reservationLeadIn,
  voteSummary,
} from "./generated.js";

const persons = [
  { id: "jj", name: "Jon Järvholm", party: "L", role: "chair" as const },
  { id: "op", name: "Olof-Johan Pettersén", party: "M", role: "member" as const },
  { id: "mm", name: "Maria Molina Dahlberg", party: "MP", role: "member" as const },
  { id: "jk", name: "Jonas Krook", party: "C", role: "substitute" as const },
  { id: "lv", name: "Linda Vall", party: "SD", role: "member" as const },
  { id: "ka", name: "Kerstin Granlund", party: "S", role: "member" as const },
];
const y1 = b.proposal({
  id: "y1",
  by: ["jj", "op", "mm", "jk"],
  andOthers: ["op"],
  subject: "förvaltningens förslag till beslut",
});
const y2 = b.proposal({ id: "y2", kind: "eget_förslag", by: ["lv"] });
const file = createFile(
  "protokoll",
  {
    body: { name: "Socialnämnden" },
    persons,
    attendance: ["jj", "op", "mm", "lv", "ka"]
      .map((person) => ({ person, status: "serving" as const }))
      .concat([{ person: "jk", status: "serving" as const }]),
  },
  b.protocol(
    b.item(
      { id: "p5", title: "Motion" },
      b.decision("Godkänns."),
      y1,
      y2,
      b.procedure({ order: ["y1", "y2"], adopted: "y1" }),
      b.vote({
        yes: "y1",
        no: "y2",
        ballots: [
          { person: "jj", vote: "ja" },
          { person: "lv", vote: "nej" },
          { person: "ka", vote: "avstår" },
        ],
        result: "ja",
      }),
      b.reservation({ by: ["lv"], favouring: "y2" }),
    ),
  ),
);
const item = file.doc.child(0);
const att = resolveAttendance(file.doc, file.meta).byItem.get("p5");

describe("generated text", () => {
  it("names the decision after the body", () =>
    expect(decisionHeading(file.meta)).toBe("Socialnämndens beslut"));
  it("groups the persons of a yrkande by role, as the protocols of Stockholm write them", () => {
    expect(proposalLeadIn(item.child(2), item, file.meta, att)).toBe(
      "Ordföranden Jon Järvholm (L), ledamöterna Olof-Johan Pettersén m.fl. (M), Maria Molina Dahlberg (MP), tjänstgörande ersättaren Jonas Krook (C) yrkade bifall till förvaltningens förslag till beslut.",
    );
    expect(proposalLeadIn(item.child(3), item, file.meta, att)).toBe(
      "Ledamoten Linda Vall (SD) yrkade bifall till eget förslag till beslut.",
    );
  });
  it("says a reservant reserved herself in favour of her own proposal", () => {
    expect(reservationLeadIn(item.child(6), item, file.meta, att)).toBe(
      "Ledamoten Linda Vall (SD) reserverade sig mot beslutet till förmån för det egna förslaget.",
    );
  });
  it("writes the beslutsordning from the order the chair put the proposals", () => {
    expect(procedureSentence(item.child(4), item, file.meta)).toBe(
      "Ordföranden ställde förvaltningens förslag till beslut och Linda Valls (SD) förslag mot varandra och fann att nämnden beslutat enligt förvaltningens förslag till beslut. Omröstning begärdes.",
    );
  });
  it("counts the votes", () =>
    expect(voteSummary(item.child(5), item, file.meta)).toMatch(
      /1 ja-röst, 1 nej-röst och 1 som avstod\. Nämnden hade således beslutat enligt förvaltningens förslag till beslut\./,
    ));
  it("writes an unserving substitute as ersättaren", () =>
    expect(personsPhrase(["jk"], [], file.meta)).toBe("Ersättaren Jonas Krook (C)"));
});

/**
 * Every pair of kinds of yrkande, as a fullmäktige protocol writes them: Anna Ek (M) makes the first
 * (which wins, in the beslutsordning and in the vote), Eva Berg (S) the second and reserves herself;
 * her reservation was recorded "till förmån för" the winning yrkande by mistake, and the sentence
 * must still name her own side. A yrkande without a subject concerns kommunstyrelsens förslag.
 */
const kinds = [
  "bifall",
  "avslag",
  "återremiss",
  "bordläggning",
  "ändring",
  "tillägg",
  "eget_förslag",
] as const;
type K = (typeof kinds)[number];
const pairTable: [K, K, string, string, string][] = [
  [
    "bifall",
    "bifall",
    "Fullmäktige beslutade enligt kommunstyrelsens förslag.",
    "Omröstning verkställdes. Den som vill bifalla kommunstyrelsens förslag röstar ja, den som vill bifalla det röstar nej. Fullmäktige hade således beslutat enligt kommunstyrelsens förslag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för kommunstyrelsens förslag.",
  ],
  [
    "bifall",
    "avslag",
    "Ordföranden ställde bifall mot avslag på kommunstyrelsens förslag och fann att fullmäktige beslutat att bifalla det. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla kommunstyrelsens förslag röstar ja, den som vill avslå det röstar nej. Fullmäktige hade således beslutat enligt kommunstyrelsens förslag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna avslagsyrkandet.",
  ],
  [
    "bifall",
    "återremiss",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller återremitteras och fann att fullmäktige beslutat att avgöra ärendet i dag. Fullmäktige beslutade därefter enligt kommunstyrelsens förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska återremitteras röstar nej. Fullmäktige hade således beslutat att avgöra ärendet i dag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna återremissyrkandet.",
  ],
  [
    "bifall",
    "bordläggning",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller bordläggas och fann att fullmäktige beslutat att avgöra ärendet i dag. Fullmäktige beslutade därefter enligt kommunstyrelsens förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska bordläggas röstar nej. Fullmäktige hade således beslutat att avgöra ärendet i dag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna yrkandet om bordläggning.",
  ],
  [
    "bifall",
    "ändring",
    "Ordföranden ställde kommunstyrelsens förslag och Eva Bergs (S) ändringsyrkande mot varandra och fann att fullmäktige beslutat enligt kommunstyrelsens förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla kommunstyrelsens förslag röstar ja, den som vill bifalla Eva Bergs (S) ändringsyrkande röstar nej. Fullmäktige hade således beslutat enligt kommunstyrelsens förslag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna ändringsyrkandet.",
  ],
  [
    "bifall",
    "tillägg",
    "Fullmäktige beslutade enligt kommunstyrelsens förslag. Ordföranden ställde därefter proposition på bifall till eller avslag på Eva Bergs (S) tilläggsyrkande och fann att fullmäktige beslutat att avslå det. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill avslå Eva Bergs (S) tilläggsyrkande röstar ja, den som vill bifalla det röstar nej. Fullmäktige hade således beslutat att avslå Eva Bergs (S) tilläggsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna tilläggsyrkandet.",
  ],
  [
    "bifall",
    "eget_förslag",
    "Ordföranden ställde kommunstyrelsens förslag och Eva Bergs (S) förslag mot varandra och fann att fullmäktige beslutat enligt kommunstyrelsens förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla kommunstyrelsens förslag röstar ja, den som vill bifalla Eva Bergs (S) förslag röstar nej. Fullmäktige hade således beslutat enligt kommunstyrelsens förslag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna förslaget.",
  ],
  [
    "avslag",
    "bifall",
    "Ordföranden ställde bifall mot avslag på kommunstyrelsens förslag och fann att fullmäktige beslutat att avslå det. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill avslå kommunstyrelsens förslag röstar ja, den som vill bifalla det röstar nej. Fullmäktige hade således beslutat att avslå kommunstyrelsens förslag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för kommunstyrelsens förslag.",
  ],
  [
    "avslag",
    "avslag",
    "Fullmäktige beslutade att avslå kommunstyrelsens förslag.",
    "Omröstning verkställdes. Den som vill avslå kommunstyrelsens förslag röstar ja, den som vill avslå det röstar nej. Fullmäktige hade således beslutat att avslå kommunstyrelsens förslag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna avslagsyrkandet.",
  ],
  [
    "avslag",
    "återremiss",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller återremitteras och fann att fullmäktige beslutat att avgöra ärendet i dag. Fullmäktige beslutade därefter att avslå kommunstyrelsens förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska återremitteras röstar nej. Fullmäktige hade således beslutat att avgöra ärendet i dag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna återremissyrkandet.",
  ],
  [
    "avslag",
    "bordläggning",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller bordläggas och fann att fullmäktige beslutat att avgöra ärendet i dag. Fullmäktige beslutade därefter att avslå kommunstyrelsens förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska bordläggas röstar nej. Fullmäktige hade således beslutat att avgöra ärendet i dag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna yrkandet om bordläggning.",
  ],
  [
    "avslag",
    "ändring",
    "Ordföranden ställde Anna Eks (M) avslagsyrkande och Eva Bergs (S) ändringsyrkande mot varandra och fann att fullmäktige beslutat att avslå kommunstyrelsens förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill avslå kommunstyrelsens förslag röstar ja, den som vill bifalla Eva Bergs (S) ändringsyrkande röstar nej. Fullmäktige hade således beslutat att avslå kommunstyrelsens förslag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna ändringsyrkandet.",
  ],
  [
    "avslag",
    "tillägg",
    "Fullmäktige beslutade att avslå kommunstyrelsens förslag. Ordföranden ställde därefter proposition på bifall till eller avslag på Eva Bergs (S) tilläggsyrkande och fann att fullmäktige beslutat att avslå det. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill avslå Eva Bergs (S) tilläggsyrkande röstar ja, den som vill bifalla det röstar nej. Fullmäktige hade således beslutat att avslå Eva Bergs (S) tilläggsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna tilläggsyrkandet.",
  ],
  [
    "avslag",
    "eget_förslag",
    "Ordföranden ställde Anna Eks (M) avslagsyrkande och Eva Bergs (S) förslag mot varandra och fann att fullmäktige beslutat att avslå kommunstyrelsens förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill avslå kommunstyrelsens förslag röstar ja, den som vill bifalla Eva Bergs (S) förslag röstar nej. Fullmäktige hade således beslutat att avslå kommunstyrelsens förslag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna förslaget.",
  ],
  [
    "återremiss",
    "bifall",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller återremitteras och fann att fullmäktige beslutat att återremittera ärendet. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska återremitteras röstar ja, den som vill att ärendet ska avgöras i dag röstar nej. Fullmäktige hade således beslutat att återremittera ärendet.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för kommunstyrelsens förslag.",
  ],
  [
    "återremiss",
    "avslag",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller återremitteras och fann att fullmäktige beslutat att återremittera ärendet. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska återremitteras röstar ja, den som vill att ärendet ska avgöras i dag röstar nej. Fullmäktige hade således beslutat att återremittera ärendet.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna avslagsyrkandet.",
  ],
  [
    "återremiss",
    "återremiss",
    "Fullmäktige beslutade att återremittera ärendet.",
    "Omröstning verkställdes. Den som vill att ärendet ska återremitteras röstar ja, den som vill att ärendet ska återremitteras röstar nej. Fullmäktige hade således beslutat att återremittera ärendet.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna återremissyrkandet.",
  ],
  [
    "återremiss",
    "bordläggning",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller återremitteras och fann att fullmäktige beslutat att återremittera ärendet. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska återremitteras röstar ja, den som vill att ärendet ska bordläggas röstar nej. Fullmäktige hade således beslutat att återremittera ärendet.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna yrkandet om bordläggning.",
  ],
  [
    "återremiss",
    "ändring",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller återremitteras och fann att fullmäktige beslutat att återremittera ärendet. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska återremitteras röstar ja, den som vill att ärendet ska avgöras i dag röstar nej. Fullmäktige hade således beslutat att återremittera ärendet.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna ändringsyrkandet.",
  ],
  [
    "återremiss",
    "tillägg",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller återremitteras och fann att fullmäktige beslutat att återremittera ärendet. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska återremitteras röstar ja, den som vill att ärendet ska avgöras i dag röstar nej. Fullmäktige hade således beslutat att avslå Eva Bergs (S) tilläggsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna tilläggsyrkandet.",
  ],
  [
    "återremiss",
    "eget_förslag",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller återremitteras och fann att fullmäktige beslutat att återremittera ärendet. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska återremitteras röstar ja, den som vill att ärendet ska avgöras i dag röstar nej. Fullmäktige hade således beslutat att återremittera ärendet.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna förslaget.",
  ],
  [
    "bordläggning",
    "bifall",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller bordläggas och fann att fullmäktige beslutat att bordlägga ärendet. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska bordläggas röstar ja, den som vill att ärendet ska avgöras i dag röstar nej. Fullmäktige hade således beslutat att bordlägga ärendet.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för kommunstyrelsens förslag.",
  ],
  [
    "bordläggning",
    "avslag",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller bordläggas och fann att fullmäktige beslutat att bordlägga ärendet. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska bordläggas röstar ja, den som vill att ärendet ska avgöras i dag röstar nej. Fullmäktige hade således beslutat att bordlägga ärendet.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna avslagsyrkandet.",
  ],
  [
    "bordläggning",
    "återremiss",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller bordläggas och fann att fullmäktige beslutat att bordlägga ärendet. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska bordläggas röstar ja, den som vill att ärendet ska återremitteras röstar nej. Fullmäktige hade således beslutat att bordlägga ärendet.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna återremissyrkandet.",
  ],
  [
    "bordläggning",
    "bordläggning",
    "Fullmäktige beslutade att bordlägga ärendet.",
    "Omröstning verkställdes. Den som vill att ärendet ska bordläggas röstar ja, den som vill att ärendet ska bordläggas röstar nej. Fullmäktige hade således beslutat att bordlägga ärendet.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna yrkandet om bordläggning.",
  ],
  [
    "bordläggning",
    "ändring",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller bordläggas och fann att fullmäktige beslutat att bordlägga ärendet. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska bordläggas röstar ja, den som vill att ärendet ska avgöras i dag röstar nej. Fullmäktige hade således beslutat att bordlägga ärendet.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna ändringsyrkandet.",
  ],
  [
    "bordläggning",
    "tillägg",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller bordläggas och fann att fullmäktige beslutat att bordlägga ärendet. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska bordläggas röstar ja, den som vill att ärendet ska avgöras i dag röstar nej. Fullmäktige hade således beslutat att avslå Eva Bergs (S) tilläggsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna tilläggsyrkandet.",
  ],
  [
    "bordläggning",
    "eget_förslag",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller bordläggas och fann att fullmäktige beslutat att bordlägga ärendet. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska bordläggas röstar ja, den som vill att ärendet ska avgöras i dag röstar nej. Fullmäktige hade således beslutat att bordlägga ärendet.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna förslaget.",
  ],
  [
    "ändring",
    "bifall",
    "Ordföranden ställde Anna Eks (M) ändringsyrkande och kommunstyrelsens förslag mot varandra och fann att fullmäktige beslutat enligt Anna Eks (M) ändringsyrkande. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla Anna Eks (M) ändringsyrkande röstar ja, den som vill bifalla kommunstyrelsens förslag röstar nej. Fullmäktige hade således beslutat enligt Anna Eks (M) ändringsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för kommunstyrelsens förslag.",
  ],
  [
    "ändring",
    "avslag",
    "Ordföranden ställde Anna Eks (M) ändringsyrkande och Eva Bergs (S) avslagsyrkande mot varandra och fann att fullmäktige beslutat enligt Anna Eks (M) ändringsyrkande. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla Anna Eks (M) ändringsyrkande röstar ja, den som vill avslå kommunstyrelsens förslag röstar nej. Fullmäktige hade således beslutat enligt Anna Eks (M) ändringsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna avslagsyrkandet.",
  ],
  [
    "ändring",
    "återremiss",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller återremitteras och fann att fullmäktige beslutat att avgöra ärendet i dag. Fullmäktige beslutade därefter enligt Anna Eks (M) ändringsyrkande. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska återremitteras röstar nej. Fullmäktige hade således beslutat att avgöra ärendet i dag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna återremissyrkandet.",
  ],
  [
    "ändring",
    "bordläggning",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller bordläggas och fann att fullmäktige beslutat att avgöra ärendet i dag. Fullmäktige beslutade därefter enligt Anna Eks (M) ändringsyrkande. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska bordläggas röstar nej. Fullmäktige hade således beslutat att avgöra ärendet i dag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna yrkandet om bordläggning.",
  ],
  [
    "ändring",
    "ändring",
    "Ordföranden ställde Anna Eks (M) ändringsyrkande och Eva Bergs (S) ändringsyrkande mot varandra och fann att fullmäktige beslutat enligt Anna Eks (M) ändringsyrkande. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla Anna Eks (M) ändringsyrkande röstar ja, den som vill bifalla Eva Bergs (S) ändringsyrkande röstar nej. Fullmäktige hade således beslutat enligt Anna Eks (M) ändringsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna ändringsyrkandet.",
  ],
  [
    "ändring",
    "tillägg",
    "Fullmäktige beslutade enligt Anna Eks (M) ändringsyrkande. Ordföranden ställde därefter proposition på bifall till eller avslag på Eva Bergs (S) tilläggsyrkande och fann att fullmäktige beslutat att avslå det. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill avslå Eva Bergs (S) tilläggsyrkande röstar ja, den som vill bifalla det röstar nej. Fullmäktige hade således beslutat att avslå Eva Bergs (S) tilläggsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna tilläggsyrkandet.",
  ],
  [
    "ändring",
    "eget_förslag",
    "Ordföranden ställde Anna Eks (M) ändringsyrkande och Eva Bergs (S) förslag mot varandra och fann att fullmäktige beslutat enligt Anna Eks (M) ändringsyrkande. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla Anna Eks (M) ändringsyrkande röstar ja, den som vill bifalla Eva Bergs (S) förslag röstar nej. Fullmäktige hade således beslutat enligt Anna Eks (M) ändringsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna förslaget.",
  ],
  [
    "tillägg",
    "bifall",
    "Fullmäktige beslutade enligt kommunstyrelsens förslag. Ordföranden ställde därefter proposition på bifall till eller avslag på Anna Eks (M) tilläggsyrkande och fann att fullmäktige beslutat att bifalla det. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla Anna Eks (M) tilläggsyrkande röstar ja, den som vill avslå det röstar nej. Fullmäktige hade således beslutat att bifalla Anna Eks (M) tilläggsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för kommunstyrelsens förslag.",
  ],
  [
    "tillägg",
    "avslag",
    "Fullmäktige beslutade att avslå kommunstyrelsens förslag. Ordföranden ställde därefter proposition på bifall till eller avslag på Anna Eks (M) tilläggsyrkande och fann att fullmäktige beslutat att bifalla det. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla Anna Eks (M) tilläggsyrkande röstar ja, den som vill avslå det röstar nej. Fullmäktige hade således beslutat att bifalla Anna Eks (M) tilläggsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna avslagsyrkandet.",
  ],
  [
    "tillägg",
    "återremiss",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller återremitteras och fann att fullmäktige beslutat att avgöra ärendet i dag. Ordföranden ställde därefter proposition på bifall till eller avslag på Anna Eks (M) tilläggsyrkande och fann att fullmäktige beslutat att bifalla det. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska återremitteras röstar nej. Fullmäktige hade således beslutat att avgöra ärendet i dag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna återremissyrkandet.",
  ],
  [
    "tillägg",
    "bordläggning",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller bordläggas och fann att fullmäktige beslutat att avgöra ärendet i dag. Ordföranden ställde därefter proposition på bifall till eller avslag på Anna Eks (M) tilläggsyrkande och fann att fullmäktige beslutat att bifalla det. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska bordläggas röstar nej. Fullmäktige hade således beslutat att avgöra ärendet i dag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna yrkandet om bordläggning.",
  ],
  [
    "tillägg",
    "ändring",
    "Fullmäktige beslutade enligt Eva Bergs (S) ändringsyrkande. Ordföranden ställde därefter proposition på bifall till eller avslag på Anna Eks (M) tilläggsyrkande och fann att fullmäktige beslutat att bifalla det. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla Anna Eks (M) tilläggsyrkande röstar ja, den som vill avslå det röstar nej. Fullmäktige hade således beslutat att bifalla Anna Eks (M) tilläggsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna ändringsyrkandet.",
  ],
  [
    "tillägg",
    "tillägg",
    "Ordföranden ställde proposition på bifall till eller avslag på Anna Eks (M) tilläggsyrkande och fann att fullmäktige beslutat att bifalla det. Ordföranden ställde därefter proposition på bifall till eller avslag på Eva Bergs (S) tilläggsyrkande och fann att fullmäktige beslutat att avslå det. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla Anna Eks (M) tilläggsyrkande röstar ja, den som vill bifalla Eva Bergs (S) tilläggsyrkande röstar nej. Fullmäktige hade således beslutat att bifalla Anna Eks (M) tilläggsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna tilläggsyrkandet.",
  ],
  [
    "tillägg",
    "eget_förslag",
    "Fullmäktige beslutade enligt Eva Bergs (S) förslag. Ordföranden ställde därefter proposition på bifall till eller avslag på Anna Eks (M) tilläggsyrkande och fann att fullmäktige beslutat att bifalla det. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla Anna Eks (M) tilläggsyrkande röstar ja, den som vill avslå det röstar nej. Fullmäktige hade således beslutat att bifalla Anna Eks (M) tilläggsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna förslaget.",
  ],
  [
    "eget_förslag",
    "bifall",
    "Ordföranden ställde Anna Eks (M) förslag och kommunstyrelsens förslag mot varandra och fann att fullmäktige beslutat enligt Anna Eks (M) förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla Anna Eks (M) förslag röstar ja, den som vill bifalla kommunstyrelsens förslag röstar nej. Fullmäktige hade således beslutat enligt Anna Eks (M) förslag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för kommunstyrelsens förslag.",
  ],
  [
    "eget_förslag",
    "avslag",
    "Ordföranden ställde Anna Eks (M) förslag och Eva Bergs (S) avslagsyrkande mot varandra och fann att fullmäktige beslutat enligt Anna Eks (M) förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla Anna Eks (M) förslag röstar ja, den som vill avslå kommunstyrelsens förslag röstar nej. Fullmäktige hade således beslutat enligt Anna Eks (M) förslag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna avslagsyrkandet.",
  ],
  [
    "eget_förslag",
    "återremiss",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller återremitteras och fann att fullmäktige beslutat att avgöra ärendet i dag. Fullmäktige beslutade därefter enligt Anna Eks (M) förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska återremitteras röstar nej. Fullmäktige hade således beslutat att avgöra ärendet i dag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna återremissyrkandet.",
  ],
  [
    "eget_förslag",
    "bordläggning",
    "Ordföranden ställde proposition på om ärendet skulle avgöras i dag eller bordläggas och fann att fullmäktige beslutat att avgöra ärendet i dag. Fullmäktige beslutade därefter enligt Anna Eks (M) förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska bordläggas röstar nej. Fullmäktige hade således beslutat att avgöra ärendet i dag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna yrkandet om bordläggning.",
  ],
  [
    "eget_förslag",
    "ändring",
    "Ordföranden ställde Anna Eks (M) förslag och Eva Bergs (S) ändringsyrkande mot varandra och fann att fullmäktige beslutat enligt Anna Eks (M) förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla Anna Eks (M) förslag röstar ja, den som vill bifalla Eva Bergs (S) ändringsyrkande röstar nej. Fullmäktige hade således beslutat enligt Anna Eks (M) förslag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna ändringsyrkandet.",
  ],
  [
    "eget_förslag",
    "tillägg",
    "Fullmäktige beslutade enligt Anna Eks (M) förslag. Ordföranden ställde därefter proposition på bifall till eller avslag på Eva Bergs (S) tilläggsyrkande och fann att fullmäktige beslutat att avslå det. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill avslå Eva Bergs (S) tilläggsyrkande röstar ja, den som vill bifalla det röstar nej. Fullmäktige hade således beslutat att avslå Eva Bergs (S) tilläggsyrkande.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna tilläggsyrkandet.",
  ],
  [
    "eget_förslag",
    "eget_förslag",
    "Ordföranden ställde Anna Eks (M) förslag och Eva Bergs (S) förslag mot varandra och fann att fullmäktige beslutat enligt Anna Eks (M) förslag. Omröstning begärdes.",
    "Omröstning verkställdes. Den som vill bifalla Anna Eks (M) förslag röstar ja, den som vill bifalla Eva Bergs (S) förslag röstar nej. Fullmäktige hade således beslutat enligt Anna Eks (M) förslag.",
    "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för det egna förslaget.",
  ],
];

function pairFile(
  ka: K,
  kb: K,
  body: { name: string; type: "kommunfullmäktige" | "nämnd" } = {
    name: "Kommunfullmäktige",
    type: "kommunfullmäktige",
  },
) {
  const f = createFile(
    "protokoll",
    {
      body,
      persons: [
        { id: "ae", name: "Anna Ek", party: "M", role: "chair" as const },
        { id: "eb", name: "Eva Berg", party: "S", role: "member" as const },
      ],
    },
    b.protocol(
      b.item(
        { id: "p1", title: "Ärende" },
        b.decision("Beslut."),
        b.proposal({ id: "a", kind: ka, by: ["ae"] }),
        b.proposal({ id: "b", kind: kb, by: ["eb"] }),
        b.procedure({ order: ["a", "b"], adopted: "a" }),
        b.vote({
          yes: "a",
          no: "b",
          ballots: [
            { person: "ae", vote: "ja" },
            { person: "eb", vote: "nej" },
          ],
          result: "ja",
        }),
        b.reservation({ by: ["eb"], favouring: "a" }),
      ),
    ),
  );
  return { meta: f.meta, item: f.doc.child(0) };
}

describe("generated sentences for every pair of kinds of yrkande", () => {
  it("covers all 49 ordered pairs", () =>
    expect(pairTable.length).toBe(kinds.length * kinds.length));
  it.each(pairTable)(
    "%s put first and adopted, %s second",
    (ka, kb, procedure, vote, reservation) => {
      const { meta, item } = pairFile(ka, kb);
      expect(procedureSentence(item.child(4), item, meta)).toBe(procedure);
      expect(
        voteSummary(item.child(5), item, meta).replace(
          " Omröstningen utföll med 1 ja-röst, 1 nej-röst och 0 som avstod.",
          "",
        ),
      ).toBe(vote);
      expect(reservationLeadIn(item.child(6), item, meta)).toBe(reservation);
    },
  );
  it("names a yrkande by its kind and proposers, and a bifall by the förslag it supports", () => {
    const { meta, item } = pairFile("bifall", "avslag", { name: "Socialnämnden", type: "nämnd" });
    expect(proposalName(item.child(2), meta, item)).toBe("förvaltningens förslag till beslut");
    expect(proposalName(item.child(3), meta, item)).toBe("Eva Bergs (S) avslagsyrkande");
    expect(procedureSentence(item.child(4), item, meta)).toBe(
      "Ordföranden ställde bifall mot avslag på förvaltningens förslag till beslut och fann att nämnden beslutat att bifalla det. Omröstning begärdes.",
    );
  });
  it("never reserves a reservant in favour of the proposal that won, even without a recorded side", () => {
    const { meta, item } = pairFile("eget_förslag", "bifall");
    // Eva Berg yrkade bifall to kommunstyrelsens förslag, which lost: that is her side.
    const noFavouring = item
      .child(6)
      .type.create({ ...item.child(6).attrs, favouring: null }, item.child(6).content);
    expect(reservationLeadIn(noFavouring, item, meta)).toBe(
      "Ledamoten Eva Berg (S) reserverade sig mot beslutet till förmån för kommunstyrelsens förslag.",
    );
  });
});
