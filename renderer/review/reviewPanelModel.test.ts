import { describe, expect, it } from "vitest";
import {
  adjust,
  approveItem,
  changesSince,
  markSeen,
  replaceInItem,
  requestChanges,
  reviewOverview,
  sendForReview,
} from "../../schemas/review/index.js";
import { must } from "../../schemas/review/sampleProtocol.testkit.js";
import type { ProtokollFile } from "../../schemas/file.js";
import { panelProtocol } from "../ui/panelProtocol.testkit.js";
import {
  changesSummary,
  commentTargetText,
  identityHint,
  identityOptions,
  itemChips,
  missingApprovalLines,
} from "./reviewPanelModel.js";
import { SECRETARY } from "./reviewSession.js";

const sent = (): ProtokollFile =>
  must(sendForReview(panelProtocol(), "Siv Sekreterare", "2031-05-06T11:00"));
const overview = (f: ProtokollFile) => reviewOverview(f, { reader: "jus", today: "2031-05-07" });

describe("the Justering panel", () => {
  it("offers the secretary, the chair and each justerare under “Jag är”", () => {
    const f = sent();
    expect(identityOptions(f.meta, overview(f))).toEqual([
      [SECRETARY, "Siv Sekreterare (sekreterare)"],
      ["ord", "Olga Ordförande (ordförande)"],
      ["jus", "Jens Justerare (justerare)"],
    ]);
  });

  it("tells the one at the keyboard what they may do", () => {
    expect(identityHint({ correcting: false, status: "in_review", reviewing: true })).toMatch(
      /^Du granskar: texten är skrivskyddad/,
    );
    expect(identityHint({ correcting: false, status: "in_review", reviewing: false })).toMatch(
      /^Som sekreterare skriver du/,
    );
    expect(identityHint({ correcting: false, status: "adjusted", reviewing: false })).toBe(
      "Protokollet är justerat: texten är skrivskyddad.",
    );
    expect(identityHint({ correcting: true, status: "adjusted", reviewing: false })).toBe(
      "Rättelse pågår: texten är upplåst för rättelsen.",
    );
  });

  it("lists, per signatory and state, the §§ still missing their approval before the protocol can be justerad (in § order)", () => {
    let f = sent();
    f = must(approveItem(f, "a1", "ord", "2031-05-06T12:00"));
    f = must(approveItem(f, "a2", "ord", "2031-05-06T12:01"));
    f = must(requestChanges(f, "a3", "jus", "2031-05-06T12:02", "Beloppet saknas."));
    expect(missingApprovalLines(f, overview(f))).toEqual([
      "Jens Justerare har inte godkänt ännu: § 7, § 8",
      "Olga Ordförande har inte godkänt ännu: § 9",
      "Jens Justerare har begärt ändring: § 9",
    ]);
  });

  it("shows each signatory's approval of a § as a chip with initials, and the § as justerad afterwards", () => {
    let f = sent();
    f = must(approveItem(f, "a1", "ord", "2031-05-06T12:00"));
    f = must(requestChanges(f, "a1", "jus", "2031-05-06T12:02", "Stavning."));
    const first = overview(f).items[0]!;
    expect(itemChips(first, "in_review", false)).toEqual([
      { state: "approved", title: "Olga Ordförande har godkänt", text: "✓ OO" },
      {
        state: "changes_requested",
        title: "Jens Justerare har begärt ändring: Stavning.",
        text: "! JJ",
      },
    ]);
    expect(itemChips(first, "adjusted", false)).toEqual([
      { state: "approved", title: "", text: "✓ Justerad" },
    ]);
    expect(itemChips(first, "adjusted", true).map((c) => c.text)).toEqual(["Rättad"]);
  });

  it("says what a new comment will be about: the selected text, the §, or the whole protocol — and none after justering", () => {
    const f = sent();
    expect(commentTargetText(f, { item: "a2", quote: "budgeten" })).toBe(
      "Gäller den markerade texten i § 8: ”budgeten”",
    );
    expect(commentTargetText(f, { item: "a2", quote: "x".repeat(70) })).toBe(
      `Gäller den markerade texten i § 8: ”${"x".repeat(60)}…”`,
    );
    expect(commentTargetText(f, { item: "a3", quote: null })).toBe(
      "Gäller § 9 (markera text för att kommentera just den).",
    );
    expect(commentTargetText(f, { item: null, quote: null })).toBe("Gäller hela protokollet.");
    let done = f;
    for (const who of ["ord", "jus"])
      for (const id of ["a1", "a2", "a3"])
        done = must(approveItem(done, id, who, "2031-05-06T13:00"));
    done = must(adjust(done, ["ord", "jus"], "2031-05-06T14:00"));
    expect(commentTargetText(done, { item: "a2", quote: "budgeten" })).toBe(
      "Efter justeringen kan inga kommentarer läggas till.",
    );
  });

  it("sums up what changed since the reader last looked", () => {
    const f = sent();
    expect(changesSummary(changesSince(f, "jus"))).toMatch(
      /^Du har inte markerat protokollet som läst tidigare/,
    );
    const read = must(markSeen(f, "jus", "2031-05-06T12:00"));
    expect(changesSummary(changesSince(read, "jus"))).toBe(
      "Inget har ändrats sedan du läste 2031-05-06 12:00.",
    );
    const edited = { ...read, doc: replaceInItem(read.doc, "a2", "antar", "avslår") };
    expect(changesSummary(changesSince(edited, "jus"))).toBe(
      "Sedan du läste 2031-05-06 12:00: 1 paragraf ändrade.",
    );
  });
});
