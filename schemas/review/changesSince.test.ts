import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as b from "../build.js";
import { parse, serialize } from "../file.js";
import { changesSince, diffWords, markSeen } from "./changesSince.js";
import { sampleProtocol, must } from "./sampleProtocol.testkit.js";
import { lcsDiffWords } from "./lcsDiffWords.testkit.js";
import { replaceInItem } from "./textEdits.js";

describe("what changed since a justerare last looked", () => {
  it("shows every § as unseen to a reader who has not looked", () => {
    const c = changesSince(sampleProtocol(), "lv");
    expect(c.since).toBeNull();
    expect(c.items.map((i) => [i.number, i.change])).toEqual([
      [1, "unseen"],
      [2, "unseen"],
      [3, "unseen"],
      [4, "unseen"],
      [5, "unseen"],
      [6, "unseen"],
    ]);
    expect(c.items[1]!.title).toBe("Godkännande av dagordning");
  });

  it("after markSeen, lists only the §§ changed, added or removed, with a word diff, across a save and reopen", () => {
    const seen = must(markSeen(sampleProtocol(), "lv", "2020-08-27T10:00"));
    expect(changesSince(seen, "lv").items.every((i) => i.change === "unchanged")).toBe(true);
    // The secretary edits § 5, removes § 6 and adds a new § at the end.
    let doc = replaceInItem(
      seen.doc,
      "p5",
      "en ny modell för hemtjänst",
      "en ändrad modell för hemtjänst",
    );
    const items: ReturnType<typeof b.item>[] = [];
    doc.forEach((n) => {
      if (n.attrs.id !== "p6") items.push(n);
    });
    doc = b.protocol(
      ...items,
      b.item({ id: "p7", title: "Övriga frågor" }, b.decision("Inga övriga frågor.")),
    );
    const reopened = parse(serialize({ ...seen, doc }));
    if (!reopened.ok) throw new Error(reopened.errors[0]!.message);
    const c = changesSince(reopened.file, "lv");
    expect(c.since).toBe("2020-08-27T10:00");
    expect(
      c.items.filter((i) => i.change !== "unchanged").map((i) => [i.item, i.number, i.change]),
    ).toEqual([
      ["p5", 5, "changed"],
      ["p7", 6, "added"],
      ["p6", null, "removed"],
    ]);
    const diff = c.items.find((i) => i.item === "p5")!.diff!;
    expect(diff.filter((p) => p.type !== "same")).toEqual([
      { type: "removed", text: "ny" },
      { type: "added", text: "ändrad" },
    ]);
    expect(
      diff
        .filter((p) => p.type !== "added")
        .map((p) => p.text)
        .join(""),
    ).toContain("Remissen gäller en ny modell för hemtjänst i ytterstaden.");
    // Another reader's view is separate.
    expect(changesSince(reopened.file, "jj").since).toBeNull();
    // Having looked again, nothing is new.
    const again = must(markSeen(reopened.file, "lv", "2020-08-29T10:00"));
    expect(changesSince(again, "lv").items.every((i) => i.change === "unchanged")).toBe(true);
  });

  it("reports a § whose structured data changed even when its text did not", () => {
    const seen = must(markSeen(sampleProtocol(), "lv", "2020-08-27T10:00"));
    let pos = -1;
    seen.doc.forEach((n, offset) => {
      if (n.attrs.id === "p3") pos = offset;
    });
    const doc = seen.doc.type.create(
      null,
      seen.doc.content.replaceChild(
        2,
        seen.doc
          .child(2)
          .type.create({ ...seen.doc.child(2).attrs, immediate: true }, seen.doc.child(2).content),
      ),
    );
    expect(pos).toBeGreaterThan(0);
    const c = changesSince({ ...seen, doc }, "lv").items.find((i) => i.item === "p3")!;
    expect(c.change).toBe("changed");
    expect(c.diff!.every((p) => p.type === "same")).toBe(true);
  });

  it("diffs words, keeping the text on both sides", () => {
    const parts = diffWords(
      "Nämnden beslutar att bifalla motionen.",
      "Nämnden beslutar att avslå motionen i sin helhet.",
    );
    expect(
      parts
        .filter((p) => p.type !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe("Nämnden beslutar att bifalla motionen.");
    expect(
      parts
        .filter((p) => p.type !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe("Nämnden beslutar att avslå motionen i sin helhet.");
    expect(parts.find((p) => p.type === "removed")!.text).toContain("bifalla");
    expect(diffWords("samma", "samma")).toEqual([{ type: "same", text: "samma" }]);
  });

  it("finds exactly two one-word edits in a § of 6,000 words", () => {
    // A long background of numbered sentences (written for the test), every word distinct enough
    // that a wrong alignment would show.
    const sentences = Array.from(
      { length: 1000 },
      (_, k) => `Mening ${k + 1} beskriver ärendets bakgrund i detalj.`,
    );
    const long = sentences.join(" ");
    expect(long.split(" ").length).toBe(7000);
    const base = sampleProtocol();
    const doc = b.protocol(
      ...(() => {
        const items: ReturnType<typeof b.item>[] = [];
        base.doc.forEach((n) => {
          items.push(
            n.attrs.id === "p5"
              ? b.item(
                  { id: "p5", title: "Yttrande över remiss om äldreomsorg" },
                  b.decision("Nämnden yttrar sig."),
                  b.background(long),
                )
              : n,
          );
        });
        return items;
      })(),
    );
    const seen = must(markSeen({ ...base, doc }, "lv", "2020-08-27T10:00"));
    let edited = replaceInItem(
      seen.doc,
      "p5",
      "Mening 17 beskriver ärendets",
      "Mening 17 sammanfattar ärendets",
    );
    edited = replaceInItem(
      edited,
      "p5",
      "Mening 912 beskriver ärendets bakgrund i detalj.",
      "Mening 912 beskriver ärendets bakgrund kortfattat.",
    );
    const c = changesSince({ ...seen, doc: edited }, "lv");
    expect(c.items.filter((i) => i.change !== "unchanged").map((i) => i.item)).toEqual(["p5"]);
    const diff = c.items.find((i) => i.item === "p5")!.diff!;
    expect(diff.filter((p) => p.type !== "same")).toEqual([
      { type: "removed", text: "beskriver" },
      { type: "added", text: "sammanfattar" },
      { type: "removed", text: "i detalj." },
      { type: "added", text: "kortfattat." },
    ]);
    // Both texts are kept whole around the edits.
    const title = "Yttrande över remiss om äldreomsorg\nNämnden yttrar sig.\n";
    expect(
      diff
        .filter((p) => p.type !== "added")
        .map((p) => p.text)
        .join("") === `${title}${long}`,
    ).toBe(true);
    expect(
      diff
        .filter((p) => p.type !== "removed")
        .map((p) => p.text)
        .join("") ===
        `${title}${long.replace("17 beskriver", "17 sammanfattar").replace("912 beskriver ärendets bakgrund i detalj.", "912 beskriver ärendets bakgrund kortfattat.")}`,
    ).toBe(true);
    expect(diff.filter((p) => p.type === "same").length).toBe(3);
  });

  it("keeps as many words unchanged as the longest common subsequence does, and both texts whole", () => {
    const word = fc.constantFrom(
      "att",
      "nämnden",
      "beslutar",
      "bifalla",
      "avslå",
      "motionen",
      "§",
      "5",
      "och",
      "i",
    );
    const text = fc
      .array(fc.tuple(word, fc.constantFrom(" ", " ", "\n", "  ")), { maxLength: 40 })
      .map((ws) => ws.flat().join("").trim());
    const tokens = (parts: ReturnType<typeof diffWords>) =>
      parts.filter((p) => p.type === "same").flatMap((p) => p.text.match(/\s+|[^\s]+/g) ?? [])
        .length;
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffWords(before, after);
        expect(
          parts
            .filter((p) => p.type !== "added")
            .map((p) => p.text)
            .join(""),
        ).toBe(before);
        expect(
          parts
            .filter((p) => p.type !== "removed")
            .map((p) => p.text)
            .join(""),
        ).toBe(after);
        // No empty parts, no two neighbours of the same kind.
        parts.forEach((p, i) => {
          expect(p.text).not.toBe("");
          if (i > 0) expect(parts[i - 1]!.type).not.toBe(p.type);
        });
        expect(tokens(parts)).toBe(tokens(lcsDiffWords(before, after)));
      }),
      { numRuns: 300 },
    );
  });

  it("shows a § rewritten beyond recognition as the old text removed and the new text added", () => {
    const before = Array.from({ length: 3000 }, (_, k) => `a${k}`).join(" ");
    const after = Array.from({ length: 3000 }, (_, k) => `b${k}`).join(" ");
    expect(diffWords(before, after)).toEqual([
      { type: "removed", text: before },
      { type: "added", text: after },
    ]);
  });
});
