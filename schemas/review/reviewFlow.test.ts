import { describe, expect, it } from "vitest";
import { templates } from "../../templates/index.js";
import { parse, serialize, type ProtokollFile } from "../file.js";
import { adjust, immediateAdjust, immediateUnchanged } from "./adjust.js";
import { approveItem, canAdjust, itemApprovals, requestChanges } from "./approvals.js";
import {
  addComment,
  anchorFromSelection,
  commentRange,
  reply,
  resolveComment,
} from "./comments.js";
import { correctionNotes } from "./correctionNotes.js";
import { findItem, itemHash } from "./items.js";
import { recordCorrection } from "./recordCorrection.js";
import {
  checkEdit,
  editAllowed,
  editRefusal,
  returnToDraft,
  sendForReview,
} from "./reviewStatus.js";
import { sampleProtocol, must } from "./sampleProtocol.testkit.js";
import { verifySeal } from "./seal.js";
import { findTextInItem, replaceInItem } from "./textEdits.js";

type R = { ok: true; file: ProtokollFile } | { ok: false; error: string };
const refused = (r: R): string => {
  if (r.ok) throw new Error("expected a refusal");
  return r.error;
};
const ITEMS = ["p1", "p2", "p3", "p4", "p5", "p6"];

/** Both signatories approve every §. */
function approveAll(file: ProtokollFile, at = "2020-08-30T10:00"): ProtokollFile {
  let f = file;
  for (const item of ITEMS) for (const who of ["jj", "lv"]) f = must(approveItem(f, item, who, at));
  return f;
}

describe("the justering state machine", () => {
  it("goes utkast → för justering → justerad, recording who and when, with a seal that verifies", () => {
    const draft = sampleProtocol();
    expect(draft.meta.status).toBe("draft");
    const sent = must(sendForReview(draft, "Sara Karlsson", "2020-08-26T09:00"));
    expect(sent.meta.status).toBe("in_review");
    expect(sent.history.at(-1)).toMatchObject({
      kind: "status",
      by: "Sara Karlsson",
      what: "Skickat för justering till Jon Järvholm, Linda Vall.",
    });
    const approved = approveAll(sent);
    expect(canAdjust(approved)).toEqual({ ok: true });
    const done = must(adjust(approved, ["jj", "lv"], "2020-08-31T14:00"));
    expect(done.meta.status).toBe("adjusted");
    expect(done.meta.adjustment.date).toBe("2020-08-31");
    expect(done.meta.seal).toMatchObject({ at: "2020-08-31T14:00", by: ["jj", "lv"] });
    expect(done.meta.seal!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(done.history.at(-1)).toMatchObject({
      kind: "adjusted",
      by: "Jon Järvholm, Linda Vall",
      seal: done.meta.seal,
    });
    expect(verifySeal(done)).toMatchObject({
      ok: true,
      sealedAt: "2020-08-31T14:00",
      adjustedAt: "2020-08-31T14:00",
      corrections: [],
    });
    // and it survives a save and reopen
    const reopened = parse(serialize(done));
    expect(reopened.ok && verifySeal(reopened.file).ok).toBe(true);
  });

  it("never changes the document it is given", () => {
    const draft = sampleProtocol();
    const before = serialize(draft);
    const sent = must(sendForReview(draft, "Sara Karlsson", "2020-08-26T09:00"));
    const sentText = serialize(sent);
    const approved = approveAll(sent);
    must(adjust(approved, ["jj", "lv"], "2020-08-31T14:00"));
    expect(serialize(draft)).toBe(before);
    expect(serialize(sent)).toBe(sentText);
  });

  it("refuses to send for review without a chair, without enough justerare, or twice", () => {
    const noChair = { ...sampleProtocol(), meta: { ...sampleProtocol().meta, chair: null } };
    expect(refused(sendForReview(noChair, "Sara", "2020-08-26T09:00"))).toMatch(/ordförande/);
    const noAdjuster = { ...sampleProtocol(), meta: { ...sampleProtocol().meta, adjusters: [] } };
    expect(refused(sendForReview(noAdjuster, "Sara", "2020-08-26T09:00"))).toMatch(
      /Reglementet kräver 1 justerare/,
    );
    const sent = must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00"));
    expect(refused(sendForReview(sent, "Sara", "2020-08-26T09:05"))).toMatch(/Bara ett utkast/);
    expect(refused(sendForReview(sampleProtocol(), "Sara", "i morgon"))).toMatch(
      /Ogiltig tidpunkt/,
    );
    const answer = templates.interpellationssvar!.create({ date: "2022-01-05" });
    expect(refused(sendForReview(answer, "Sara", "2022-01-05T09:00"))).toMatch(
      /Interpellationssvar justeras inte/,
    );
  });

  it("takes a protocol under review back to draft with a reason, and refuses that for a draft or a justerad protocol", () => {
    const sent = must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00"));
    const back = must(
      returnToDraft(sent, "Sara", "2020-08-27T09:00", "Paragraf 5 ska skrivas om."),
    );
    expect(back.meta.status).toBe("draft");
    expect(back.history.at(-1)).toMatchObject({
      kind: "status",
      what: "Taget tillbaka till utkast.",
      why: "Paragraf 5 ska skrivas om.",
    });
    expect(refused(returnToDraft(back, "Sara", "2020-08-27T09:00", "x"))).toMatch(
      /Bara ett protokoll som är skickat/,
    );
    expect(refused(returnToDraft(sent, "Sara", "2020-08-27T09:00", " "))).toMatch(/varför/);
    const done = must(adjust(approveAll(sent), ["jj", "lv"], "2020-08-31T14:00"));
    expect(refused(returnToDraft(done, "Sara", "2020-09-01T09:00", "x"))).toMatch(/”Justerad”/);
  });

  it("refuses approvals in a draft, from someone who is not a justerare, and of a § that does not exist", () => {
    expect(refused(approveItem(sampleProtocol(), "p1", "jj", "2020-08-30T10:00"))).toMatch(
      /skickat för justering/,
    );
    const sent = must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00"));
    expect(refused(approveItem(sent, "p1", "ab", "2020-08-30T10:00"))).toBe(
      "Anna Berg är varken ordförande eller justerare i det här protokollet och kan inte godkänna § 1.",
    );
    expect(refused(approveItem(sent, "nope", "jj", "2020-08-30T10:00"))).toMatch(/finns inte/);
    expect(refused(requestChanges(sent, "p3", "lv", "2020-08-30T10:00", "  "))).toMatch(
      /vilken ändring/,
    );
  });

  it("refuses justering while a § is unapproved, and names who is missing where", () => {
    let f = approveAll(must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00")));
    f = must(
      requestChanges(f, "p5", "lv", "2020-08-30T11:00", "Skriv ut vilken modell som avses."),
    );
    const check = canAdjust(f);
    expect(check).toMatchObject({
      ok: false,
      missing: [{ item: "p5", who: "lv", state: "changes_requested" }],
    });
    expect(check.ok || check.error).toBe(
      "Protokollet kan inte justeras ännu: Linda Vall har begärt ändring i § 5.",
    );
    expect(refused(adjust(f, ["jj", "lv"], "2020-08-31T14:00"))).toMatch(
      /har begärt ändring i § 5/,
    );
    const fresh = must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00"));
    const none = canAdjust(fresh);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.missing).toHaveLength(12);
  });

  it("lets an approval lapse when the § changes after it, until the justerare approves the new text", () => {
    let f = approveAll(must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00")));
    f = {
      ...f,
      doc: replaceInItem(f.doc, "p5", "en ny modell", "en ny modell (”Hemtjänst 2021”)"),
    };
    const check = canAdjust(f);
    expect(check).toMatchObject({
      ok: false,
      missing: [
        { item: "p5", who: "jj", state: "changed" },
        { item: "p5", who: "lv", state: "changed" },
      ],
    });
    expect(check.ok || check.error).toMatch(/Jon Järvholm godkände en tidigare lydelse av § 5/);
    f = must(approveItem(f, "p5", "jj", "2020-08-31T09:00"));
    f = must(approveItem(f, "p5", "lv", "2020-08-31T09:05"));
    expect(canAdjust(f)).toEqual({ ok: true });
    expect(itemApprovals(f).every((a) => a.state === "approved")).toBe(true);
  });

  it("refuses justering signed by someone else or without every justerare", () => {
    const f = approveAll(must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00")));
    expect(refused(adjust(f, ["jj"], "2020-08-31T14:00"))).toBe("Linda Vall måste också justera.");
    expect(refused(adjust(f, ["jj", "lv", "ab"], "2020-08-31T14:00"))).toMatch(
      /Anna Berg är varken ordförande eller justerare/,
    );
    expect(refused(adjust(sampleProtocol(), ["jj", "lv"], "2020-08-31T14:00"))).toMatch(
      /skickat för justering/,
    );
  });

  it("refuses edits of a justerad document, but lets its comments be resolved", () => {
    let f = approveAll(must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00")));
    f = must(
      addComment(f, {
        id: "k1",
        item: "p2",
        author: "Linda Vall",
        text: "Ok.",
        at: "2020-08-30T10:00",
      }),
    );
    const done = must(adjust(f, ["jj", "lv"], "2020-08-31T14:00"));
    expect(editAllowed(f)).toBe(true);
    expect(editAllowed(done)).toBe(false);
    expect(editRefusal(done)).toMatch(/justerat och kan inte ändras/);
    const edited = {
      ...done,
      doc: replaceInItem(done.doc, "p2", "godkänns", "godkänns med ändringar"),
    };
    expect(checkEdit(done, edited)).toEqual({
      ok: false,
      error: expect.stringMatching(/kan inte ändras.*Rättelse/),
    });
    const reMeta = {
      ...done,
      meta: { ...done.meta, meeting: { ...done.meta.meeting, place: "Annan plats" } },
    };
    expect(checkEdit(done, reMeta).ok).toBe(false);
    expect(checkEdit(done, { ...done, meta: { ...done.meta, status: "draft" as const } })).toEqual({
      ok: false,
      error: expect.stringMatching(/Status ändras bara/),
    });
    expect(
      refused(
        addComment(done, { item: "p1", author: "Linnéa", text: "Sent", at: "2020-09-01T10:00" }),
      ),
    ).toMatch(/efter justeringen/);
    expect(refused(approveItem(done, "p1", "jj", "2020-09-01T10:00"))).toMatch(/Justerad/);
    const resolved = must(resolveComment(done, "k1"));
    expect(checkEdit(done, resolved)).toEqual({ ok: true });
    expect(verifySeal(resolved).ok).toBe(true);
  });

  it("refuses a rättelse on a draft or on a protocol under review, and one without what and why", () => {
    const draft = sampleProtocol();
    const change = {
      newDoc: replaceInItem(draft.doc, "p2", "godkänns", "godkänns."),
      what: "x",
      why: "y",
      by: "Sara",
      at: "2020-09-01T10:00",
    };
    expect(refused(recordCorrection(draft, change))).toMatch(
      /^Dokumentets status är ”Utkast”\. En rättelse kan bara göras i ett justerat protokoll/,
    );
    const sent = must(sendForReview(draft, "Sara", "2020-08-26T09:00"));
    expect(refused(recordCorrection(sent, change))).toMatch(/”För justering”/);
    const done = must(adjust(approveAll(sent), ["jj", "lv"], "2020-08-31T14:00"));
    expect(refused(recordCorrection(done, { ...change, what: " " }))).toMatch(/vad som rättas/);
    expect(refused(recordCorrection(done, { ...change, why: "" }))).toMatch(/varför/);
    expect(refused(recordCorrection(done, { ...change, newDoc: done.doc }))).toBe(
      "Rättelsen ändrar ingenting i protokollet.",
    );
  });

  it("records a rättelse with what, why, who, when and the previous seal, and renews the seal", () => {
    const done = must(
      adjust(
        approveAll(must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00"))),
        ["jj", "lv"],
        "2020-08-31T14:00",
      ),
    );
    const newDoc = replaceInItem(done.doc, "p5", "ytterstaden", "innerstaden");
    const corrected = must(
      recordCorrection(done, {
        newDoc,
        what: "§ 5: ”ytterstaden” ändrat till ”innerstaden”.",
        why: "Skrivfel; remissen gäller innerstaden.",
        by: "Sara Karlsson",
        at: "2020-09-03T08:30",
      }),
    );
    const entry = corrected.history.at(-1)!;
    expect(entry).toMatchObject({
      kind: "correction",
      by: "Sara Karlsson",
      at: "2020-09-03T08:30",
      item: "p5",
      why: "Skrivfel; remissen gäller innerstaden.",
      previousSeal: done.meta.seal,
    });
    expect(entry.seal).toEqual(corrected.meta.seal);
    expect(corrected.meta.seal!.sha256).not.toBe(done.meta.seal!.sha256);
    expect(corrected.meta.status).toBe("adjusted");
    expect(findItem(corrected.doc, "p5")!.textContent).toContain("innerstaden");
    const v = verifySeal(corrected);
    expect(v).toMatchObject({
      ok: true,
      adjustedAt: "2020-08-31T14:00",
      sealedAt: "2020-09-03T08:30",
    });
    expect(v.ok && v.corrections.map((c) => c.what)).toEqual([
      "§ 5: ”ytterstaden” ändrat till ”innerstaden”.",
    ]);
    // A correction of metadata only (the place of the meeting) works the same way.
    const again = must(
      recordCorrection(corrected, {
        newMeta: {
          ...corrected.meta,
          meeting: { ...corrected.meta.meeting, place: "Stadshuset, rum 302" },
        },
        what: "Platsen rättad.",
        why: "Fel rum.",
        by: "Sara Karlsson",
        at: "2020-09-04T08:00",
      }),
    );
    expect(again.meta.meeting.place).toBe("Stadshuset, rum 302");
    expect(again.history.at(-1)!.previousSeal).toEqual(corrected.meta.seal);
    expect(verifySeal(again)).toMatchObject({ ok: true, sealedAt: "2020-09-04T08:00" });
    expect(correctionNotes(again).map((n) => [n.item, n.text])).toEqual([
      [
        "p5",
        "Rättelse (§ 5) den 3 september 2020 av Sara Karlsson: § 5: ”ytterstaden” ändrat till ”innerstaden”. Skäl: Skrivfel; remissen gäller innerstaden.",
      ],
      [null, "Rättelse den 4 september 2020 av Sara Karlsson: Platsen rättad. Skäl: Fel rum."],
    ]);
  });

  it("refuses a rättelse that would launder an unrecorded change", () => {
    const done = must(
      adjust(
        approveAll(must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00"))),
        ["jj", "lv"],
        "2020-08-31T14:00",
      ),
    );
    const tampered = { ...done, doc: replaceInItem(done.doc, "p2", "godkänns", "godkänns ej") };
    const r = recordCorrection(tampered, {
      newDoc: replaceInItem(tampered.doc, "p6", "Anmälan", "Anmälningen"),
      what: "x",
      why: "y",
      by: "Sara",
      at: "2020-09-03T08:30",
    });
    expect(refused(r)).toMatch(/sigillet stämmer inte/);
  });

  it("justerar a single § at the meeting (omedelbar justering): recorded, locked, and counted as approved", () => {
    const draft = sampleProtocol();
    expect(refused(immediateAdjust(draft, "p3", ["jj", "lv"], "2020-08-25T19:20"))).toBe(
      "§ 3 är inte markerad för omedelbar justering.",
    );
    expect(refused(immediateAdjust(draft, "p4", ["jj"], "2020-08-25T19:20"))).toMatch(
      /Linda Vall måste också justera § 4/,
    );
    const f = must(immediateAdjust(draft, "p4", ["jj", "lv"], "2020-08-25T19:20"));
    expect(f.meta.status).toBe("draft");
    expect(f.history.at(-1)).toMatchObject({
      kind: "adjusted",
      item: "p4",
      by: "Jon Järvholm, Linda Vall",
      what: "Omedelbart justerad: § 4 (av Jon Järvholm, Linda Vall).",
      seal: { sha256: itemHash(findItem(f.doc, "p4")!), at: "2020-08-25T19:20", by: ["jj", "lv"] },
    });
    expect(refused(immediateAdjust(f, "p4", ["jj", "lv"], "2020-08-25T19:25"))).toMatch(
      /redan omedelbart justerad/,
    );
    expect(editAllowed(f, "p4")).toBe(false);
    expect(editAllowed(f, "p3")).toBe(true);
    expect(immediateUnchanged(f, "p4")).toBe(true);
    expect(immediateUnchanged(f, "p3")).toBeNull();
    // Editing another § is fine; editing or removing the justerad § is refused when saving.
    expect(
      checkEdit(f, { ...f, doc: replaceInItem(f.doc, "p3", "avslås", "avslås i sin helhet") }),
    ).toEqual({ ok: true });
    const changed = { ...f, doc: replaceInItem(f.doc, "p4", "månadsrapporten", "rapporten") };
    expect(checkEdit(f, changed)).toEqual({
      ok: false,
      error: "§ 4 är omedelbart justerad och kan inte ändras.",
    });
    expect(immediateUnchanged(changed, "p4")).toBe(false);
    // The approvals given at the meeting count at the final justering.
    const sent = must(sendForReview(f, "Sara", "2020-08-26T09:00"));
    const rest = canAdjust(sent);
    expect(!rest.ok && rest.missing.some((m) => m.item === "p4")).toBe(false);
  });

  it("keeps comments with replies and resolves them", () => {
    const sent = must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00"));
    const added = addComment(sent, {
      item: "p5",
      anchor: { from: 1, to: 6 },
      author: "Linda Vall",
      text: "Fel rubrik?",
      at: "2020-08-27T10:00",
    });
    if (!added.ok) throw new Error(added.error);
    const comment = added.file.review.comments[0]!;
    expect(comment).toMatchObject({
      id: added.id,
      item: "p5",
      anchor: { from: 1, to: 6, text: "Yttra" },
      resolved: false,
    });
    const replied = must(
      reply(added.file, added.id, {
        author: "Sara Karlsson",
        text: "Rättat.",
        at: "2020-08-27T11:00",
      }),
    );
    expect(replied.review.comments[0]!.replies).toEqual([
      { author: "Sara Karlsson", text: "Rättat.", at: "2020-08-27T11:00" },
    ]);
    const resolved = must(resolveComment(replied, added.id));
    expect(resolved.review.comments[0]!.resolved).toBe(true);
    expect(refused(resolveComment(resolved, added.id))).toMatch(/redan löst/);
    expect(
      refused(
        addComment(sent, {
          item: "p5",
          anchor: { from: 10, to: 5 },
          author: "L",
          text: "x",
          at: "2020-08-27T10:00",
        }),
      ),
    ).toMatch(/inte inom § 5/);
    expect(
      refused(addComment(sent, { item: "p5", author: "L", text: "   ", at: "2020-08-27T10:00" })),
    ).toBe("Kommentaren är tom.");
    expect(refused(reply(sent, "nope", { author: "S", text: "x", at: "2020-08-27T10:00" }))).toBe(
      "Kommentaren finns inte.",
    );
  });

  it("turns an editor selection into a comment anchor and back into the range to highlight, even after text before it moved", () => {
    const sent = must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00"));
    const sel = findTextInItem(sent.doc, "p5", "hemtjänst")!;
    const placed = anchorFromSelection(sent.doc, sel.from, sel.to)!;
    expect(placed.item).toBe("p5");
    const added = addComment(sent, {
      id: "k9",
      item: placed.item,
      anchor: placed.anchor,
      author: "Linda Vall",
      text: "Vilken modell?",
      at: "2020-08-27T10:00",
    });
    if (!added.ok) throw new Error(added.error);
    const comment = added.file.review.comments[0]!;
    expect(comment.anchor!.text).toBe("hemtjänst");
    expect(commentRange(sent.doc, comment)).toEqual(sel);
    const edited = replaceInItem(
      sent.doc,
      "p5",
      "Remissen gäller",
      "Remissen från regeringen gäller",
    );
    const moved = commentRange(edited, comment)!;
    expect(edited.textBetween(moved.from, moved.to)).toBe("hemtjänst");
    expect(moved.from).toBe(sel.from + " från regeringen".length);
    expect(anchorFromSelection(sent.doc, sel.from, sel.from)).toBeNull();
    const across = findTextInItem(sent.doc, "p6", "Anmälan")!;
    expect(anchorFromSelection(sent.doc, sel.from, across.to)).toBeNull();
  });
});
