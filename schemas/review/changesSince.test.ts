import { describe, expect, it } from "vitest";
import * as b from "../build.js";
import { parse, serialize } from "../file.js";
import { changesSince, diffWords, markSeen } from "./changesSince.js";
import { sampleProtocol, must } from "./sampleProtocol.testkit.js";
import { replaceInItem } from "./textEdits.js";


describe("what changed since a justerare last looked", () => {
  it("shows every § as unseen to a reader who has not looked", () => {
    const c = changesSince(sampleProtocol(), "lv");
    expect(c.since).toBeNull();
    expect(c.items.map((i) => [i.number, i.change])).toEqual([[1, "unseen"], [2, "unseen"], [3, "unseen"], [4, "unseen"], [5, "unseen"], [6, "unseen"]]);
    expect(c.items[1]!.title).toBe("Godkännande av dagordning");
  });

  it("after markSeen, lists only the §§ changed, added or removed, with a word diff, across a save and reopen", () => {
    const seen = must(markSeen(sampleProtocol(), "lv", "2020-08-27T10:00"));
    expect(changesSince(seen, "lv").items.every((i) => i.change === "unchanged")).toBe(true);
    // The secretary edits § 5, removes § 6 and adds a new § at the end.
    let doc = replaceInItem(seen.doc, "p5", "en ny modell för hemtjänst", "en ändrad modell för hemtjänst");
    const items: ReturnType<typeof b.item>[] = [];
    doc.forEach((n) => {
      if (n.attrs.id !== "p6") items.push(n);
    });
    doc = b.protocol(...items, b.item({ id: "p7", title: "Övriga frågor" }, b.decision("Inga övriga frågor.")));
    const reopened = parse(serialize({ ...seen, doc }));
    if (!reopened.ok) throw new Error(reopened.errors[0]!.message);
    const c = changesSince(reopened.file, "lv");
    expect(c.since).toBe("2020-08-27T10:00");
    expect(c.items.filter((i) => i.change !== "unchanged").map((i) => [i.item, i.number, i.change])).toEqual([
      ["p5", 5, "changed"],
      ["p7", 6, "added"],
      ["p6", null, "removed"],
    ]);
    const diff = c.items.find((i) => i.item === "p5")!.diff!;
    expect(diff.filter((p) => p.type !== "same")).toEqual([
      { type: "removed", text: "ny" },
      { type: "added", text: "ändrad" },
    ]);
    expect(diff.filter((p) => p.type !== "added").map((p) => p.text).join("")).toContain("Remissen gäller en ny modell för hemtjänst i ytterstaden.");
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
    const doc = seen.doc.type.create(null, seen.doc.content.replaceChild(2, seen.doc.child(2).type.create({ ...seen.doc.child(2).attrs, immediate: true }, seen.doc.child(2).content)));
    expect(pos).toBeGreaterThan(0);
    const c = changesSince({ ...seen, doc }, "lv").items.find((i) => i.item === "p3")!;
    expect(c.change).toBe("changed");
    expect(c.diff!.every((p) => p.type === "same")).toBe(true);
  });

  it("diffs words, keeping the text on both sides", () => {
    const parts = diffWords("Nämnden beslutar att bifalla motionen.", "Nämnden beslutar att avslå motionen i sin helhet.");
    expect(parts.filter((p) => p.type !== "added").map((p) => p.text).join("")).toBe("Nämnden beslutar att bifalla motionen.");
    expect(parts.filter((p) => p.type !== "removed").map((p) => p.text).join("")).toBe("Nämnden beslutar att avslå motionen i sin helhet.");
    expect(parts.find((p) => p.type === "removed")!.text).toContain("bifalla");
    expect(diffWords("samma", "samma")).toEqual([{ type: "same", text: "samma" }]);
  });
});
