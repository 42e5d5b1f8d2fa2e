import { describe, expect, it } from "vitest";
import { item, p, protocol } from "./build.js";
import { ITEM_CHOICE_TITLE_LENGTH, UNTITLED_ITEM, itemChoices } from "./itemChoices.js";
import { schema } from "./schema.js";

const meta = (firstItemNumber: number) => ({ body: { reglemente: { firstItemNumber } } }) as never;

describe("the list of §§ a user picks from", () => {
  it("numbers the §§ in document order from the meeting's first § number", () => {
    const doc = protocol(
      item({ id: "x1", title: "Val av justerare" }, p("Text.")),
      item({ id: "x2", title: "Budget för nästa år", dnr: "KS 2099/1" }, p("Text.")),
    );
    expect(itemChoices(doc, meta(1))).toEqual([
      { id: "x1", label: "§ 1 Val av justerare" },
      { id: "x2", label: "§ 2 Budget för nästa år" },
    ]);
    expect(itemChoices(doc, meta(41)).map((c) => c.label)).toEqual([
      "§ 41 Val av justerare",
      "§ 42 Budget för nästa år",
    ]);
  });

  it("names a § without a title with a Swedish placeholder, so it can still be chosen", () => {
    const untitled = schema.nodes.agenda_item.create({ id: "x1" }, [
      schema.nodes.item_title.create(),
      p("Text."),
    ]);
    expect(itemChoices(protocol(untitled), meta(5))).toEqual([
      { id: "x1", label: `§ 5 ${UNTITLED_ITEM}` },
    ]);
    expect(UNTITLED_ITEM).toBe("(utan rubrik)");
  });

  it("cuts a long title once, at one length, after a whole word, and ends it with an ellipsis", () => {
    const long = "Motion om att utreda fler gång- och cykelvägar längs ån genom hela tätorten";
    const exact = "Detaljplan för kvarteret vid ån och den nya skolan";
    const oneWord = `Detaljplan för ${"Kvarteret".repeat(6)}`;
    expect(exact.length).toBe(ITEM_CHOICE_TITLE_LENGTH);
    const doc = protocol(
      item({ id: "x1", title: long }),
      item({ id: "x2", title: exact }),
      item({ id: "x3", title: oneWord }),
    );
    const [cut, kept, within] = itemChoices(doc, meta(1)).map((c) => c.label);
    expect(cut).toBe("§ 1 Motion om att utreda fler gång- och cykelvägar…");
    expect(kept).toBe(`§ 2 ${exact}`);
    // a word too long to cut after: cut within it, at the length
    expect(within).toBe(`§ 3 ${oneWord.slice(0, ITEM_CHOICE_TITLE_LENGTH)}…`);
  });

  it("shows a title on one line (line breaks and runs of spaces become one space)", () => {
    const doc = protocol(item({ id: "x1", title: "Budget   för\nnästa år " }));
    expect(itemChoices(doc, meta(1))[0]!.label).toBe("§ 1 Budget för nästa år");
  });
});
