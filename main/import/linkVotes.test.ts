/** Votes linked to the §'s proposals, on short protocols written for the test in several wordings. */
import type { Node } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { importText } from "./importDocument.js";
import { adoptedIn, propositionsIn } from "./linkVotes.js";
import { blocksOf } from "./testOutline.testkit.js";

describe("propositions and findings as written", () => {
  it.each([
    [
      "Ja för bifall till förvaltningens förslag, nej för bifall till Olle Bergs yrkande.",
      "förvaltningens förslag",
      "Olle Bergs yrkande",
    ],
    [
      "Den som vill bifalla arbetsutskottets förslag röstar ja, den som vill bifalla avslagsyrkandet röstar nej.",
      "arbetsutskottets förslag",
      "avslagsyrkandet",
    ],
    [
      "Ja-röst för bifall till Per Linds yrkande och nej-röst för bifall till Olle Bergs yrkande.",
      "Per Linds yrkande",
      "Olle Bergs yrkande",
    ],
    [
      "Följande propositionsordning godkänns: Ja för utskottets förslag; nej för återremissyrkandet.",
      "utskottets förslag",
      "återremissyrkandet",
    ],
  ])("'%s'", (text, yes, no) => {
    expect(propositionsIn(text)).toEqual({ yes, no });
  });

  it.each([
    [
      "Ordföranden ställer proposition på förslagen och finner att nämnden beslutar enligt Per Linds yrkande.",
      "Per Linds yrkande",
    ],
    [
      "Ordföranden ställde proposition på yrkandena och fann att nämnden beslutat i enlighet med förvaltningens förslag.",
      "förvaltningens förslag",
    ],
    ["Ordföranden finner att återremissyrkandet har bifallits.", "återremissyrkandet"],
    ["Ordföranden finner att styrelsen bifaller avslagsyrkandet.", "avslagsyrkandet"],
  ])("'%s'", (text, adopted) => {
    expect(adoptedIn(text)).toBe(adopted);
  });
});

const protocol = (procedure: string) =>
  [
    "Kulturnämnden",
    "Protokoll 2001-03-04",
    "",
    "§ 5    Dnr KUN 2001/9",
    "Bidrag till föreningar",
    "",
    "Beslut",
    "",
    "Nämnden beslutar enligt förvaltningens förslag.",
    "",
    "Yrkanden",
    "",
    "Per Lind (C) yrkar bifall till förvaltningens förslag.",
    "",
    "Olle Berg (M) yrkar avslag på förslaget.",
    "",
    "Beslutsgång",
    "",
    procedure,
    "",
    "Omröstning",
    "",
    "Med 6 ja-röster mot 3 nej-röster beslutar nämnden enligt ja-propositionen.",
    "",
    "Reservation",
    "",
    "Olle Berg (M) reserverar sig till förmån för eget yrkande.",
  ].join("\n");

const only = (item: Node, type: string) => blocksOf(item, type)[0]!;

describe("a vote resolved to the §'s proposals", () => {
  it.each([
    "Ordföranden ställer proposition på förslagen. Votering begärs. Ja för bifall till förvaltningens förslag, nej för bifall till Olle Bergs avslagsyrkande.",
    "Omröstning begärs och genomförs. Den som vill bifalla förvaltningens förslag röstar ja, den som vill bifalla avslagsyrkandet röstar nej.",
  ])("'%s' links ja, nej, the adopted proposal and the reservation's favouring", (procedure) => {
    const r = importText(protocol(procedure), "test.txt");
    if (!r.ok) throw new Error(r.error);
    const item = r.file.doc.firstChild!;
    const [lind, berg] = blocksOf(item, "proposal").map((p) => p.attrs.id as string);
    expect(lind && berg).toBeTruthy();
    const vote = only(item, "vote");
    expect({ yes: vote.attrs.yes, no: vote.attrs.no, result: vote.attrs.result }).toEqual({
      yes: lind,
      no: berg,
      result: "ja",
    });
    expect(only(item, "decision_procedure").attrs.adopted).toBe(lind);
    expect(only(item, "reservation").attrs.favouring).toBe(berg);
  });

  it("leaves the links empty when the wording names no proposal of the §", () => {
    const r = importText(
      protocol("Ja för bifall till ett förslag som inte finns, nej för något annat."),
      "test.txt",
    );
    if (!r.ok) throw new Error(r.error);
    const vote = only(r.file.doc.firstChild!, "vote");
    expect([vote.attrs.yes, vote.attrs.no]).toEqual([null, null]);
  });
});
