import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as b from "../build.js";
import { createFile, parse, serialize, type ProtokollFile } from "../file.js";
import { approveItem, itemApprovals } from "./approvals.js";
import { addComment, anchorText, reply } from "./comments.js";
import { findItem } from "./items.js";
import { mergeReview } from "./mergeReview.js";
import { sendForReview } from "./reviewStatus.js";
import { sampleProtocol, must } from "./sampleProtocol.testkit.js";
import { findTextInItem, replaceInItem } from "./textEdits.js";

/** The review copy as the justerare gets it: the file written out and read back. */
const copyOf = (f: ProtokollFile): ProtokollFile => {
  const r = parse(serialize(f));
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.file;
};
/** Offsets of a text inside a § (for anchoring a comment as the review UI does from a selection). */
const anchorFor = (f: ProtokollFile, item: string, text: string) => {
  const at = findTextInItem(f.doc, item, text)!;
  let start = 0;
  f.doc.forEach((n, offset) => {
    if (n.attrs.id === item) start = offset + 1;
  });
  return { from: at.from - start, to: at.to - start };
};

describe("merging a justerare's review copy", () => {
  it("keeps the secretary's edit of § 3 and the justerare's comment on § 5 and approval of § 2", () => {
    const sent = must(sendForReview(sampleProtocol(), "Sara Karlsson", "2020-08-26T09:00"));

    // The justerare works on a copy of the file …
    let theirs = copyOf(sent);
    const c5 = addComment(theirs, {
      id: "k5",
      item: "p5",
      anchor: anchorFor(theirs, "p5", "ytterstaden"),
      author: "Linda Vall",
      text: "Vilka stadsdelar?",
      at: "2020-08-28T10:00",
    });
    if (!c5.ok) throw new Error(c5.error);
    const c3 = addComment(c5.file, {
      id: "k3",
      item: "p3",
      anchor: anchorFor(c5.file, "p3", " och föreslår att den avslås"),
      author: "Linda Vall",
      text: "Stämmer detta?",
      at: "2020-08-28T10:05",
    });
    if (!c3.ok) throw new Error(c3.error);
    theirs = must(approveItem(c3.file, "p2", "lv", "2020-08-28T10:10"));
    theirs = must(approveItem(theirs, "p3", "lv", "2020-08-28T10:11"));

    // … while the secretary edits § 3 (deleting the text the comment is on) and § 5 (moving the commented text).
    let mine = { ...sent, doc: replaceInItem(sent.doc, "p3", " och föreslår att den avslås", "") };
    mine = {
      ...mine,
      doc: replaceInItem(mine.doc, "p5", "Remissen gäller", "Den remiss som kom in i juni gäller"),
    };

    const merged = mergeReview(mine, copyOf(theirs));
    if (!merged.ok) throw new Error(merged.error);
    const f = merged.file;

    // The secretary's edits survive.
    expect(findItem(f.doc, "p3")!.textContent).toContain(
      "Förvaltningen har yttrat sig över motionen.",
    );
    expect(findItem(f.doc, "p3")!.textContent).not.toContain("avslås");
    expect(findItem(f.doc, "p5")!.textContent).toContain("Den remiss som kom in i juni gäller");
    expect(f.doc.eq(mine.doc)).toBe(true);

    // The comment on § 5 survives, its anchor moved to where "ytterstaden" is now.
    const k5 = f.review.comments.find((c) => c.id === "k5")!;
    expect(k5.item).toBe("p5");
    expect(k5.anchor!.text).toBe("ytterstaden");
    expect(k5.anchor).toEqual({ ...anchorFor(f, "p5", "ytterstaden"), text: "ytterstaden" });
    expect(anchorText(findItem(f.doc, "p5")!, k5.anchor!.from, k5.anchor!.to)).toBe("ytterstaden");
    expect(k5.anchor!.from).toBeGreaterThan(
      theirs.review.comments.find((c) => c.id === "k5")!.anchor!.from,
    );

    // The comment whose text was deleted stays on § 3, keeping what it was about.
    const k3 = f.review.comments.find((c) => c.id === "k3")!;
    expect(k3).toMatchObject({
      item: "p3",
      anchor: null,
      detachedText: " och föreslår att den avslås",
      text: "Stämmer detta?",
    });

    // The approval of § 2 counts; the approval of § 3 was of the old text and does not.
    const states = itemApprovals(f).filter((a) => a.who === "lv");
    expect(states.find((a) => a.item === "p2")!.state).toBe("approved");
    expect(states.find((a) => a.item === "p3")!.state).toBe("changed");
    expect(merged.report).toEqual({
      addedComments: ["k5", "k3"],
      detachedComments: ["k3"],
      addedApprovals: ["p2:lv", "p3:lv"],
      droppedApprovals: [],
    });
  });

  it("merges both sides' replies in one thread, and merging the same copy twice changes nothing more", () => {
    const sent = must(sendForReview(sampleProtocol(), "Sara Karlsson", "2020-08-26T09:00"));
    const c = addComment(sent, {
      id: "k1",
      item: "p6",
      author: "Linda Vall",
      text: "Bilaga saknas.",
      at: "2020-08-27T09:00",
    });
    if (!c.ok) throw new Error(c.error);
    const theirs = must(
      reply(copyOf(c.file), "k1", {
        author: "Linda Vall",
        text: "Den finns på sidan 4.",
        at: "2020-08-27T12:00",
      }),
    );
    const mine = must(
      reply(c.file, "k1", { author: "Sara Karlsson", text: "Läggs till.", at: "2020-08-27T11:00" }),
    );
    const once = mergeReview(mine, theirs);
    if (!once.ok) throw new Error(once.error);
    expect(once.file.review.comments[0]!.replies.map((r) => r.text)).toEqual([
      "Läggs till.",
      "Den finns på sidan 4.",
    ]);
    const twice = mergeReview(once.file, theirs);
    if (!twice.ok) throw new Error(twice.error);
    expect(serialize(twice.file)).toBe(serialize(once.file));
    expect(twice.report.addedComments).toEqual([]);
  });

  it("keeps a comment on a § the secretary removed, as a comment on the whole protocol", () => {
    const sent = must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00"));
    const c = addComment(copyOf(sent), {
      id: "k6",
      item: "p6",
      anchor: anchorFor(sent, "p6", "handlingarna"),
      author: "Linda Vall",
      text: "Behövs den?",
      at: "2020-08-27T09:00",
    });
    if (!c.ok) throw new Error(c.error);
    const theirs = must(approveItem(c.file, "p6", "lv", "2020-08-27T09:01"));
    const items: ReturnType<typeof findItem>[] = [];
    sent.doc.forEach((n) => {
      if (n.attrs.id !== "p6") items.push(n);
    });
    const mine = { ...sent, doc: b.protocol(...items.map((n) => n!)) };
    const merged = mergeReview(mine, theirs);
    if (!merged.ok) throw new Error(merged.error);
    expect(merged.file.review.comments[0]).toMatchObject({
      id: "k6",
      item: null,
      anchor: null,
      detachedText: "handlingarna",
    });
    expect(merged.report.droppedApprovals).toEqual(["p6:lv"]);
  });

  it("refuses a copy of another protocol and merging into a justerad protocol", () => {
    const sent = must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00"));
    const other = createFile(
      "protokoll",
      { body: { name: "Kulturnämnden" }, meeting: { date: "2020-08-25" } },
      b.protocol(b.item({ id: "q1", title: "Val" })),
    );
    const r = mergeReview(sent, other);
    expect(r).toEqual({
      ok: false,
      error: "Granskningskopian hör inte till det här protokollet (inga gemensamma paragrafer).",
    });
    const sameIdsOtherBody = {
      ...copyOf(sent),
      meta: { ...sent.meta, body: { ...sent.meta.body, name: "Kulturnämnden" } },
    };
    expect(mergeReview(sent, sameIdsOtherBody)).toEqual({
      ok: false,
      error: "Granskningskopian gäller Kulturnämnden (2020-08-25), inte det här protokollet.",
    });
    const adjusted = { ...sent, meta: { ...sent.meta, status: "adjusted" as const } };
    expect(mergeReview(adjusted, sent).ok).toBe(false);
  });

  it("never loses a comment or the secretary's text, whatever each side commented (property)", () => {
    const sent = must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00"));
    const targets = [
      ["p1", "Linda Vall utses"],
      ["p3", "motionen"],
      ["p5", "hemtjänst"],
      ["p5", "ytterstaden"],
      ["p6", null],
    ] as const;
    const withComments = (f: ProtokollFile, prefix: string, picks: number[]) =>
      picks.reduce((acc, t, n) => {
        const [item, text] = targets[t]!;
        const r = addComment(acc, {
          id: `${prefix}${n}`,
          item,
          anchor: text ? anchorFor(acc, item, text) : null,
          author: prefix,
          text: `kommentar ${n}`,
          at: `2020-08-27T1${n % 10}:00`,
        });
        if (!r.ok) throw new Error(r.error);
        return r.file;
      }, f);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: targets.length - 1 }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: targets.length - 1 }), { maxLength: 6 }),
        fc.boolean(),
        (minePicks, theirPicks, edit) => {
          let mine = withComments(sent, "s", minePicks);
          if (edit)
            mine = {
              ...mine,
              doc: replaceInItem(
                mine.doc,
                "p5",
                "en ny modell för hemtjänst i ytterstaden",
                "en ny modell",
              ),
            };
          const theirs = withComments(copyOf(sent), "j", theirPicks);
          const r = mergeReview(mine, theirs);
          if (!r.ok) throw new Error(r.error);
          expect(r.file.doc.eq(mine.doc)).toBe(true);
          expect(r.file.review.comments.map((c) => c.id).sort()).toEqual(
            [...mine.review.comments, ...theirs.review.comments].map((c) => c.id).sort(),
          );
          for (const c of r.file.review.comments) {
            expect(c.item).not.toBeNull();
            if (c.anchor)
              expect(anchorText(findItem(r.file.doc, c.item!)!, c.anchor.from, c.anchor.to)).toBe(
                c.anchor.text,
              );
            else if (c.detachedText)
              expect(findItem(r.file.doc, c.item!)!.textContent).not.toContain(c.detachedText);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
