import { describe, expect, it } from "vitest";
import { approveItem, requestChanges } from "./approvals.js";
import { markSeen } from "./changesSince.js";
import { addComment } from "./comments.js";
import { reviewOverview } from "./reviewOverview.js";
import { sendForReview } from "./reviewStatus.js";
import { adjustedSample, must, sampleProtocol } from "./sampleProtocol.testkit.js";
import { replaceInItem } from "./textEdits.js";

describe("the review overview", () => {
  it("gives the review panel status, approvals, comments, changes, deadlines and refusal reasons in one call", () => {
    let f = must(sendForReview(sampleProtocol(), "Sara Karlsson", "2020-08-26T09:00"));
    f = must(markSeen(f, "lv", "2020-08-27T09:00"));
    f = must(approveItem(f, "p1", "lv", "2020-08-27T09:10"));
    f = must(requestChanges(f, "p5", "lv", "2020-08-27T09:20", "Ange stadsdelarna."));
    const c = addComment(f, {
      id: "k1",
      item: "p5",
      author: "Linda Vall",
      text: "Vilka?",
      at: "2020-08-27T09:21",
    });
    if (!c.ok) throw new Error(c.error);
    f = { ...c.file, doc: replaceInItem(c.file.doc, "p5", "ytterstaden", "Rinkeby och Tensta") };
    const o = reviewOverview(f, { reader: "lv", today: "2020-09-03" });
    expect(o).toMatchObject({
      status: "in_review",
      statusLabel: "För justering",
      editable: true,
      openGeneralComments: 0,
      seal: null,
      corrections: [],
    });
    expect(o.signatories).toEqual([
      { id: "jj", name: "Jon Järvholm", role: "ordförande" },
      { id: "lv", name: "Linda Vall", role: "justerare" },
    ]);
    expect(o.items[0]).toMatchObject({
      number: 1,
      title: "Val av justerare",
      change: "unchanged",
      approvals: [
        { who: "jj", state: "missing" },
        { who: "lv", state: "approved" },
      ],
    });
    expect(o.items[4]).toMatchObject({
      number: 5,
      change: "changed",
      openComments: 1,
      approvals: [
        { who: "jj", state: "missing" },
        { who: "lv", state: "changes_requested", note: "Ange stadsdelarna." },
      ],
    });
    expect(o.items[3]).toMatchObject({ immediate: true, immediatelyAdjusted: false });
    expect(o.canAdjust.ok).toBe(false);
    expect(o.deadlines!.adjustment.sentence).toBe(
      "Justering senast tisdag den 8 september 2020 (5 dagar kvar).",
    );
  });

  it("shows a justerad protocol as read-only with its seal", () => {
    const f = adjustedSample();
    const o = reviewOverview(f);
    expect(o).toMatchObject({
      status: "adjusted",
      statusLabel: "Justerad",
      editable: false,
      deadlines: null,
      seal: { ok: true, sealedAt: "2020-08-31T14:00" },
    });
    expect(
      o.items.every((i) => i.change === null && i.approvals.every((a) => a.state === "approved")),
    ).toBe(true);
  });
});
