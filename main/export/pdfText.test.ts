import fc from "fast-check";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { FONT_FILES, fontBytes, type FontName } from "./fonts.js";
import { TextSetter, type LaidLine, type StyledText } from "./pdfText.js";

function setter() {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, fontBytes(name));
  return new TextSetter(doc, Object.keys(FONT_FILES));
}

const lineText = (l: LaidLine) =>
  l.pieces
    .map((p) => p.text)
    .join("")
    .trimEnd();

describe("TextSetter.layout", () => {
  const text = setter();

  it("never starts a line with the punctuation that follows a § reference, bold or italics in another run, at any width", () => {
    const runs: StyledText[] = [
      { text: "Ersättaren yttrade sig om förslaget från (V), se ", font: "serif" },
      { text: "§ 16", font: "serifBold" },
      { text: ". Därefter ", font: "serif" },
      { text: "kursiv text", font: "serifItalic" },
      { text: ", och ", font: "serif" },
      { text: "fetstil", font: "serifBold" },
      { text: "; samt ", font: "serif" },
      { text: "bilaga", font: "serifItalic" },
      { text: ": klart.", font: "serif" },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 500 }), (width) => {
        const lines = text.layout(runs, 10.5, width);
        for (const l of lines.slice(1)) expect(lineText(l)).not.toMatch(/^[.,:;]/);
        // Nothing is lost or doubled: the lines hold the text, spaces at the breaks aside.
        expect(lines.map(lineText).join("").replace(/\s+/g, "")).toBe(
          runs
            .map((r) => r.text)
            .join("")
            .replace(/\s+/g, ""),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("keeps a run's font on each of its pieces when a line holds several runs", () => {
    const [line] = text.layout(
      [
        { text: "se ", font: "serif" },
        { text: "§ 16", font: "serifBold" },
        { text: ".", font: "serif" },
      ],
      10.5,
      400,
    );
    expect(line!.pieces).toEqual([
      { text: "se ", font: "serif" },
      { text: "§ 16", font: "serifBold" },
      { text: ".", font: "serif" },
    ]);
  });

  it("keeps § and its number together on one line", () => {
    const runs = [
      {
        text: "Ärendet återremitterades enligt § 16 och behandlades igen under 26 kap. 1 § samma dag.",
        font: "serif",
      },
    ];
    for (let width = 30; width <= 400; width += 3) {
      const lines = text.layout(runs, 10.5, width).map(lineText);
      expect(
        lines.some((l) => l.includes("§ 16")),
        lines.join(" | "),
      ).toBe(true);
      expect(
        lines.some((l) => l.includes("1 §")),
        lines.join(" | "),
      ).toBe(true);
    }
  });

  it("fills lines up to the width and no further, measured with the run's font", () => {
    const runs = [{ text: "ord ".repeat(60).trim(), font: "serif" }];
    const width = 200;
    const lines = text.layout(runs, 10.5, width);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + 0.01);
    // Greedy: each line but the last could not have taken the next word.
    for (const l of lines.slice(0, -1))
      expect(l.width + text.width("serif", " ord", 10.5)).toBeGreaterThan(width);
    expect(lines[0]!.width).toBeCloseTo(text.width("serif", lineText(lines[0]!), 10.5), 5);
  });

  it("breaks at a line break inside a run and cuts a word longer than the line", () => {
    expect(
      text.layout([{ text: "första\nandra", font: "serif" }], 10.5, 400).map(lineText),
    ).toEqual(["första", "andra"]);
    const long = text.layout([{ text: "x".repeat(80), font: "serif" }], 10.5, 100);
    expect(long.length).toBeGreaterThan(1);
    expect(long.map(lineText).join("")).toBe("x".repeat(80));
    for (const l of long) expect(l.width).toBeLessThanOrEqual(100.01);
  });

  it("breaks at a soft hyphen with a visible hyphen and drops the ones inside a line", () => {
    const runs = [
      { text: "social\u00adtjänsten social\u00adtjänsten social\u00adtjänsten", font: "serif" },
    ];
    const wide = text.layout(runs, 10.5, 1000).map(lineText);
    expect(wide).toEqual(["socialtjänsten socialtjänsten socialtjänsten"]);
    const narrow = text
      .layout(runs, 10.5, text.width("serif", "socialtjänsten social-", 10.5) + 1)
      .map(lineText);
    expect(narrow[0]).toBe("socialtjänsten social-");
  });
});
