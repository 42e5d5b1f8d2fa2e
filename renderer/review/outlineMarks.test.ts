import { describe, expect, it } from "vitest";
import {
  adjust,
  approveItem,
  immediateAdjust,
  replaceInItem,
  requestChanges,
  reviewOverview,
  sendForReview,
} from "../../schemas/review/index.js";
import { correctedSample, sampleProtocol } from "../../schemas/review/sampleProtocol.testkit.js";
import type { ProtokollFile } from "../../schemas/file.js";
import { markOf } from "./outlineMarks.js";
import { copyName } from "./reviewCopy.js";

const ok = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
};
const marks = (f: ProtokollFile) => {
  const o = reviewOverview(f);
  return Object.fromEntries(o.items.map((i) => [i.item, markOf(i, o.status)?.text ?? null]));
};

describe("the review marks in the outline", () => {
  it("marks nothing in a draft, and what each § needs once it is in review", () => {
    expect(Object.values(marks(sampleProtocol())).every((m) => m === null)).toBe(true);
    let f = ok(sendForReview(sampleProtocol(), "Sara Karlsson", "2020-08-26T09:00")).file;
    f = ok(approveItem(f, "p1", "jj", "2020-08-27T10:00")).file;
    f = ok(approveItem(f, "p1", "lv", "2020-08-27T10:00")).file;
    f = ok(approveItem(f, "p2", "jj", "2020-08-27T10:00")).file;
    f = ok(requestChanges(f, "p3", "lv", "2020-08-27T10:00", "Fel dnr.")).file;
    f = ok(approveItem(f, "p5", "jj", "2020-08-27T10:00")).file;
    f = { ...f, doc: replaceInItem(f.doc, "p5", "ytterstaden", "innerstaden") };
    expect(marks(f)).toEqual({ p1: "✓", p2: "1/2", p3: "!", p4: null, p5: "↻", p6: null });
    expect(
      markOf(
        reviewOverview(f).items.find((i) => i.item === "p3")!,
        "in_review",
      )?.title,
    ).toBe("Ändring begärd av Linda Vall");
  });

  it("marks a § justerad at the meeting, every § once the protocol is justerad, and a § rättad since", () => {
    let f = ok(immediateAdjust(sampleProtocol(), "p4", ["jj", "lv"], "2020-08-25T19:00")).file;
    expect(marks(f).p4).toBe("J");
    f = ok(sendForReview(f, "Sara Karlsson", "2020-08-26T09:00")).file;
    for (const who of ["jj", "lv"])
      for (const id of ["p1", "p2", "p3", "p5", "p6"])
        f = ok(approveItem(f, id, who, "2020-08-28T10:00")).file;
    f = ok(adjust(f, ["jj", "lv"], "2020-08-31T14:00")).file;
    expect(marks(f)).toEqual({ p1: "✓", p2: "✓", p3: "✓", p4: "J", p5: "✓", p6: "✓" });
    f = correctedSample(f);
    const o = reviewOverview(f);
    const corrected = new Set(o.corrections.map((n) => n.item));
    expect(o.items.map((i) => markOf(i, o.status, corrected.has(i.item))?.text)).toEqual([
      "✓",
      "✓",
      "✓",
      "J",
      "R",
      "✓",
    ]);
  });
});

describe("the review copy's name", () => {
  it("is the document's name with “granskning”, never the document itself", () => {
    expect(copyName("möten/sn 2020-08-25.protokoll", "x")).toBe(
      "möten/sn 2020-08-25 granskning.protokoll",
    );
    expect(copyName(null, "Socialnämnden 2020-08-25")).toBe(
      "Socialnämnden 2020-08-25 granskning.protokoll",
    );
  });
});
