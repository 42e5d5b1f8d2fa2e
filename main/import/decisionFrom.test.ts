import { describe, expect, it } from "vitest";
import type { Node } from "prosemirror-model";
import { numberedItems } from "../../schemas/numbering.js";
import { decisionFrom } from "./decisionFrom.js";
import { importText } from "./importDocument.js";
import { stripMarkup } from "./stripMarkup.js";
import { blocksOf } from "./testOutline.testkit.js";

/** The points of a decision block as the scorer and the editor see them: its decision_points' texts. */
const pointsOf = (decision: Node): string[] => {
  const out: string[] = [];
  decision.forEach((c) => {
    if (c.type.name === "decision_point")
      out.push(
        c.content.content.map((n) => (n.type.name === "hard_break" ? "\n" : n.text)).join(""),
      );
  });
  return out;
};
/** The items of the lists in a prose decision. */
const listItemsOf = (decision: Node): string[] => {
  const out: string[] = [];
  decision.descendants((n) => {
    if (n.type.name === "list_item") out.push(n.textContent);
    return true;
  });
  return out;
};

describe("decision points written as statements", () => {
  it("takes each paragraph that opens with the deciding body and a verb as a point", () => {
    const d = decisionFrom([
      "Kommunfullmäktige godkänner taxan för tillsyn, daterad i mars.",
      "Kommunfullmäktige ger miljönämnden i uppdrag att följa upp taxan.",
    ]);
    expect(pointsOf(d)).toEqual([
      "Kommunfullmäktige godkänner taxan för tillsyn, daterad i mars.",
      "Kommunfullmäktige ger miljönämnden i uppdrag att följa upp taxan.",
    ]);
  });

  it("counts the chair appointed to sign as a point, as written with the body's name", () => {
    const d = decisionFrom([
      "Tekniska nämnden godkänner avtalet med Vägbolaget Syd AB.",
      "Tekniska nämndens ordförande eller dennes ersättare utses att underteckna avtalet.",
      "Tekniska nämnden upphäver sitt tidigare beslut om upphandling.",
    ]);
    expect(pointsOf(d)).toHaveLength(3);
    expect(pointsOf(d)[1]).toMatch(/^Tekniska nämndens ordförande/);
  });

  it("keeps a paragraph that says more about a point with that point where the body opens the points", () => {
    const d = decisionFrom([
      "Fullmäktige minskar resultatfonden med 2 000 000 kronor.",
      "Fullmäktige godkänner ombudgetering av investeringar till nästa år.",
      "Investeringarna finansieras inom ramen för den beslutade låneskulden.",
    ]);
    expect(pointsOf(d)).toEqual([
      "Fullmäktige minskar resultatfonden med 2 000 000 kronor.",
      "Fullmäktige godkänner ombudgetering av investeringar till nästa år. Investeringarna finansieras inom ramen för den beslutade låneskulden.",
    ]);
  });

  it("takes each paragraph as a point where at most one opens with the body (passive points)", () => {
    const d = decisionFrom([
      "Informationen tas till handlingarna.",
      "Omsorgsnämnden ger förvaltningen i uppdrag att göra en fördjupad kontroll.",
    ]);
    expect(pointsOf(d)).toHaveLength(2);
    const passive = decisionFrom([
      "Anna Ask (C) entledigas från sitt uppdrag i arbetsutskottet.",
      "Per Pil (C) utses till ledamot i arbetsutskottet.",
    ]);
    expect(pointsOf(passive)).toHaveLength(2);
  });

  it("joins a paragraph the PDF broke in two back into its point", () => {
    const d = decisionFrom([
      "Regionfullmäktige godkänner ombudgetering till nästa år med",
      "300 000 kronor.",
      "Regionfullmäktige ger styrelsen i uppdrag att redovisa utfallet.",
    ]);
    expect(pointsOf(d)).toEqual([
      "Regionfullmäktige godkänner ombudgetering till nästa år med 300 000 kronor.",
      "Regionfullmäktige ger styrelsen i uppdrag att redovisa utfallet.",
    ]);
  });

  it("does not count a remark on the decision as a point", () => {
    for (const remark of [
      "Beslutet justeras omedelbart.",
      "Detta beslut fattas med stöd av punkt 12 i delegationsordningen.",
      "Beslutet gäller under förutsättning att grannkommunen fattar motsvarande beslut.",
      "Avtalet gäller från och med den 1 juli och tills vidare.",
      "Motionen är därmed färdigbehandlad.",
      "Socialnämnden anser att riktlinjerna ger en likvärdig bedömning.",
      "Skälet till beslutet är att lagen har ändrats.",
    ]) {
      const d = decisionFrom(["Socialnämnden antar riktlinjerna för hemtjänst.", remark]);
      expect(pointsOf(d).length + listItemsOf(d).length, remark).toBeLessThanOrEqual(1);
      expect(d.textContent).toContain(remark);
    }
  });

  it("keeps one paragraph, and one paragraph of several sentences, as prose of one point", () => {
    const d = decisionFrom([
      "Kulturnämnden avslår ansökan. Kulturnämnden noterar att sökanden kan söka igen nästa år.",
    ]);
    expect(d.firstChild!.type.name).toBe("paragraph");
    expect(d.childCount).toBe(1);
  });
});

describe("a list introduced by a point", () => {
  it("belongs to the point that introduces it with a colon", () => {
    const d = decisionFrom([
      "• Uppdra åt förvaltningschefen att ta fram:",
      "- en underhållsplan för broarna,",
      "- ett förslag till taxa.",
      "• Uppdra åt förvaltningschefen att återrapportera i december.",
    ]);
    expect(pointsOf(d)).toEqual([
      "Uppdra åt förvaltningschefen att ta fram:\n– en underhållsplan för broarna,\n– ett förslag till taxa.",
      "Uppdra åt förvaltningschefen att återrapportera i december.",
    ]);
  });

  it("belongs to the numbered point above it when it is lettered", () => {
    const d = decisionFrom([
      "1. Fritidsgården Norrgläntan stängs den 30 juni.",
      "2. Nämnden noterar att förvaltningen har beslutat följande.",
      "a. Personalen erbjuds andra tjänster.",
      "b. Lokalen sägs upp.",
    ]);
    expect(pointsOf(d)).toEqual([
      "Fritidsgården Norrgläntan stängs den 30 juni.",
      "Nämnden noterar att förvaltningen har beslutat följande.\na. Personalen erbjuds andra tjänster.\nb. Lokalen sägs upp.",
    ]);
  });

  it("belongs, with the open paragraph above it, to one point of its own", () => {
    const d = decisionFrom([
      "• Uppdra åt kommundirektören att påbörja upphandlingen.",
      "Om inga väsentliga avsteg från planen behövs, även",
      "- uppdra åt kommundirektören att tilldela kontraktet.",
      "- uppdra åt kommundirektören att teckna avtal.",
    ]);
    expect(pointsOf(d)).toHaveLength(2);
    expect(pointsOf(d)[1]).toMatch(/^Om inga väsentliga avsteg.*även\n– uppdra åt .*tilldela/s);
  });

  it("takes rows and paragraphs after '… enligt följande.' into that point", () => {
    const d = decisionFrom([
      "Nämnden beslutar att medlen ska fördelas enligt följande.",
      "Läxhjälp 0,4",
      "Sommarjobb 1,1",
    ]);
    expect(pointsOf(d)).toEqual([
      "Nämnden beslutar att medlen ska fördelas enligt följande.\nLäxhjälp 0,4\nSommarjobb 1,1",
    ]);
  });
});

describe("a lead above the points", () => {
  it("keeps a proposal to another body as the decision's text with the points as a list under it", () => {
    const d = decisionFrom([
      "Kommunstyrelsen föreslår kommunfullmäktige besluta följande.",
      "Kommunfullmäktige avslår motionen om fler parkbänkar.",
      "Kommunfullmäktige noterar att parkerna ses över under året.",
    ]);
    expect(d.firstChild!.textContent).toBe(
      "Kommunstyrelsen föreslår kommunfullmäktige besluta följande.",
    );
    expect(listItemsOf(d)).toEqual([
      "Kommunfullmäktige avslår motionen om fler parkbänkar.",
      "Kommunfullmäktige noterar att parkerna ses över under året.",
    ]);
  });

  it("reads two leads (an utskott proposing what the styrelse is to propose) as leads", () => {
    const d = decisionFrom([
      "Arbetsutskottet föreslår kommunstyrelsen fatta följande beslut.",
      "Kommunstyrelsen föreslår kommunfullmäktige besluta följande.",
      "Kommunfullmäktige avslår motionen. Motionen är med detta färdigbehandlad.",
    ]);
    expect(listItemsOf(d)).toHaveLength(0);
    expect(d.childCount).toBe(3);
  });

  it("drops a bare '… beslutar att:' before att-satser, as the generated heading says it", () => {
    const d = decisionFrom([
      "Nämnden beslutar att:",
      "att anta planen,",
      "att uppdra åt förvaltningen att följa upp planen.",
    ]);
    expect(pointsOf(d)).toEqual([
      "att anta planen,",
      "att uppdra åt förvaltningen att följa upp planen.",
    ]);
  });

  it("gives a bullet written alone its text, and drops an empty bullet before an item", () => {
    const d = decisionFrom(["•", "Planen antas.", "•", "• Förvaltningen informerar om planen."]);
    expect(pointsOf(d)).toEqual(["Planen antas.", "Förvaltningen informerar om planen."]);
  });

  it("joins a number written on a line of its own with its point", () => {
    const d = decisionFrom([
      "1.",
      "Nämnden avslår ansökan om bidrag.",
      "2.",
      "Nämnden hänvisar sökanden till länsstyrelsen.",
    ]);
    expect(pointsOf(d)).toEqual([
      "Nämnden avslår ansökan om bidrag.",
      "Nämnden hänvisar sökanden till länsstyrelsen.",
    ]);
  });
});

/** An utskott's protocol: running headers on every page, no "Beslut" heading of its own. */
const UTSKOTT = `Miljöutskottet
Sammanträdesprotokoll
2031-02-11
Sida 1 (3)

Beslutande
Tove Tall (S), ordförande
Rune Rask (M)

Sekreterare: Lena Lök
Justerare: Rune Rask

§ 41 Dnr MU 2031-0007
Avtal om laddstolpar

Förslag till beslut i kommunstyrelsen
Kommunstyrelsen godkänner avtalet om laddstolpar med Elbolaget Norr AB.

Kommunstyrelsens ordförande eller dennes ersättare utses att underteckna avtalet.

Deltar inte i beslut

Rune Rask (M) deltar inte i beslutet.

Sammanfattning av ärendet
Avtalet gäller i fem år. Utskottet har tidigare diskuterat frågan.

Förslag till beslut på sammanträdet
Tove Tall (S) yrkar bifall till förslaget.

Miljöutskottet
Sammanträdesprotokoll
2031-02-11
Sida 2 (3)

§ 42 Dnr MU 2031-0011
Ny taxa för tillsyn

Förslag till beslut i kommunstyrelsen
Kommunstyrelsen godkänner den nya taxan för tillsyn.
Kommunstyrelsen upphäver den tidigare taxan.

Sammanfattning av ärendet
Taxan har inte ändrats på tio år.

Miljöutskottet
Sammanträdesprotokoll
2031-02-11
Sida 3 (3)

§ 43 Dnr MU 2031-0012
Ändrade regler för bidrag

Förslag till beslut i kommunstyrelsen
Kommunstyrelsen antar reglerna för bidrag till föreningar.
`;

function itemsOf(text: string) {
  const r = importText(text, "test.txt");
  if (!r.ok) throw new Error(r.error);
  return numberedItems(r.file.doc, r.file.meta).map((i) => i.node);
}

describe("an utskott's protocol whose decision is its proposal to the styrelse", () => {
  const items = itemsOf(UTSKOTT);

  it("keeps 'Förslag till beslut i kommunstyrelsen' on every § as the decision's heading, not as a running header", () => {
    expect(items.map((it) => blocksOf(it, "decision").length)).toEqual([1, 1, 1]);
  });

  it("takes one point per paragraph with the body as subject, and ends the decision at a heading it does not know", () => {
    const [first, second, third] = items.map((it) => blocksOf(it, "decision")[0]!);
    expect(pointsOf(first!)).toEqual([
      "Kommunstyrelsen godkänner avtalet om laddstolpar med Elbolaget Norr AB.",
      "Kommunstyrelsens ordförande eller dennes ersättare utses att underteckna avtalet.",
    ]);
    expect(first!.textContent).not.toContain("Deltar inte");
    // the second point starts on a line of its own after a full stop, without a blank line
    expect(pointsOf(second!)).toHaveLength(2);
    expect(third!.childCount).toBe(1);
    expect(pointsOf(third!)).toEqual([]);
  });

  it("keeps the yrkande on the meeting a yrkande, not a decision", () => {
    expect(blocksOf(items[0]!, "proposal")).toHaveLength(1);
  });
});

describe("headings that a layout or a conversion breaks", () => {
  it("reads a capitalised heading wrapped over two lines ('NÄMNDENS BESLUTSFÖRSLAG TILL' + 'KOMMUNFULLMÄKTIGE')", () => {
    const items = itemsOf(`Fritidsnämnden
Sammanträdesprotokoll 2031-03-03

Beslutande
Ulla Uggla (L), ordförande

§ 7 Dnr FN 2031/3
Taxa för badhuset

Ärendebeskrivning
Taxan behöver höjas.

FRITIDSNÄMNDENS BESLUTSFÖRSLAG TILL
KOMMUNFULLMÄKTIGE

• Taxan för badhuset höjs med 5 procent.

FRITIDSNÄMNDENS BESLUT

• Uppdra åt förvaltningen att informera besökarna.
`);
    const decisions = blocksOf(items[0]!, "decision");
    expect(decisions.map((d) => d.textContent)).toEqual([
      "Taxan för badhuset höjs med 5 procent.",
      "Uppdra åt förvaltningen att informera besökarna.",
    ]);
    expect(blocksOf(items[0]!, "background")[0]!.textContent).not.toContain("BESLUTSFÖRSLAG");
  });

  it("gives a bold heading on a line with other text a line of its own, and drops italics marks", () => {
    expect(
      stripMarkup(
        "## **Ärendet**\n\n## NÄMNDENS BEHANDLING **Kulturnämndens beslut** − Rapporten godkänns.\n\n_Beslutet expedieras till:_\n\n**Ärendet** gäller bidrag.\n**Beslut**: Rapporten godkänns.",
      ).split("\n"),
    ).toEqual([
      "Ärendet",
      " ",
      "NÄMNDENS BEHANDLING",
      "Kulturnämndens beslut",
      "− Rapporten godkänns.",
      " ",
      "Beslutet expedieras till:",
      " ",
      "Ärendet gäller bidrag.",
      "Beslut: Rapporten godkänns.",
    ]);
  });

  it("takes 'Ärende' alone on a line as the background's heading, which ends the decision above it", () => {
    const items = itemsOf(`Kommunstyrelsen
Sammanträdesprotokoll 2031-04-14

Beslutande
Ola Orm (KD), ordförande

§ 90 Dnr KS 2031/77
Redovisning av granskning

Beslut
Kommunstyrelsen noterar informationen till protokollet.

Ärende
Granskningen pekar på tre slutsatser.
1. Oklar budget.
2. Bristande rutiner.
3. Höga ambitioner.
`);
    const decision = blocksOf(items[0]!, "decision")[0]!;
    expect(decision.textContent).toBe("Kommunstyrelsen noterar informationen till protokollet.");
    expect(blocksOf(items[0]!, "background")[0]!.textContent).toContain("Oklar budget");
  });
});

describe("a proposal heading that names no proposer", () => {
  const protocol = (body: string, headings: string) =>
    itemsOf(`${body}
Sammanträdesprotokoll 2031-05-06

Beslutande
Eva Ek (MP), ordförande

§ 12 Dnr 2031/40
Bidrag till studieförbund

${headings}
`)[0]!;

  it("is the decision of an utskott that has no decision heading of its own ('Förslag till kommunstyrelsen')", () => {
    const item = protocol(
      "Kommunstyrelsens arbetsutskott",
      "Förslag till kommunstyrelsen\nKommunstyrelsen fördelar bidragen enligt förvaltningens förslag.",
    );
    expect(blocksOf(item, "decision").map((d) => d.textContent)).toEqual([
      "Kommunstyrelsen fördelar bidragen enligt förvaltningens förslag.",
    ]);
  });

  it("is the förvaltning's proposal, background, where the § has its own 'Beslut'", () => {
    const item = protocol(
      "Kulturnämnden",
      "Förslag till beslut i kulturnämnden\nBidragen fördelas enligt bilaga 1.\n\nKulturnämndens beslut\nBidragen fördelas enligt bilaga 2.",
    );
    expect(blocksOf(item, "decision").map((d) => d.textContent)).toEqual([
      "Bidragen fördelas enligt bilaga 2.",
    ]);
    expect(blocksOf(item, "background")[0]!.textContent).toBe("Bidragen fördelas enligt bilaga 1.");
  });

  it("is background where it is made to the body whose protocol it is", () => {
    const item = protocol(
      "Kulturnämnden",
      "Förslag till kulturnämnden\nBidragen fördelas enligt bilaga 1.",
    );
    expect(blocksOf(item, "decision")).toHaveLength(0);
  });
});

describe("a proposal heading that names its proposer", () => {
  const item = (body: string, headings: string) =>
    itemsOf(`${body}
Sammanträdesprotokoll 2031-06-10

Beslutande
Eva Ek (MP), ordförande

§ 20 Dnr 2031/55
Plan för vattenförsörjning

${headings}
`)[0]!;

  it("is an utskott's proposal, background, beside the styrelse's own decision", () => {
    const it_ = item(
      "Regionstyrelsen",
      "Arbetsutskottets förslag till regionstyrelsen\nPlanen antas.\n\nRegionstyrelsens beslut\nPlanen antas med ändringen i bilaga 3.",
    );
    expect(blocksOf(it_, "decision").map((d) => d.textContent)).toEqual([
      "Planen antas med ändringen i bilaga 3.",
    ]);
  });

  it("stays the body's decision beside its own 'Beslut' where the body itself proposes", () => {
    const it_ = item(
      "Barn- och ungdomsnämnden",
      "Barn- och ungdomsnämndens beslutsförslag till kommunfullmäktige\nPlanen antas.\n\nBarn- och ungdomsnämndens beslut\nFörvaltningen får i uppdrag att informera om planen.",
    );
    expect(blocksOf(it_, "decision").map((d) => d.textContent)).toEqual([
      "Planen antas.",
      "Förvaltningen får i uppdrag att informera om planen.",
    ]);
  });
});
