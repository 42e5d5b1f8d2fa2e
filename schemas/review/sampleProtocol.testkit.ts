/**
 * A small Socialnämnden protocol for the justering tests and examples: six §§ (ids p1…p6),
 * chair Jon Järvholm (jj), justerare Linda Vall (lv), secretary Sara Karlsson (sk).
 */
import * as b from "../build.js";
import { createFile, type ProtokollFile } from "../file.js";
import { adjust } from "./adjust.js";
import { recordCorrection } from "./recordCorrection.js";
import { approveItem } from "./approvals.js";
import type { ReviewResult } from "./reviewResult.js";
import { sendForReview } from "./reviewStatus.js";
import { replaceInItem } from "./textEdits.js";

export function sampleProtocol(): ProtokollFile {
  const persons = [
    { id: "jj", name: "Jon Järvholm", party: "L", role: "chair" as const },
    { id: "lv", name: "Linda Vall", party: "SD", role: "member" as const },
    { id: "ab", name: "Anna Berg", party: "S", role: "member" as const },
    { id: "sk", name: "Sara Karlsson", party: null, role: "secretary" as const },
  ];
  const doc = b.protocol(
    b.item(
      { id: "p1", title: "Val av justerare" },
      b.decision("Linda Vall utses att jämte ordföranden justera protokollet."),
    ),
    b.item({ id: "p2", title: "Godkännande av dagordning" }, b.decision("Dagordningen godkänns.")),
    b.item(
      { id: "p3", title: "Motion om kostnader för placeringar", dnr: "1.7.1-213/2020" },
      b.decision(
        "Socialnämnden godkänner förvaltningens tjänsteutlåtande.",
        "Paragrafen justeras omedelbart.",
      ),
      b.background("Förvaltningen har yttrat sig över motionen och föreslår att den avslås."),
    ),
    b.item(
      { id: "p4", title: "Månadsrapport augusti", immediate: true },
      b.decision("Socialnämnden godkänner månadsrapporten."),
    ),
    b.item(
      { id: "p5", title: "Yttrande över remiss om äldreomsorg", dnr: "1.6-180/2020" },
      b.decision("Socialnämnden överlämnar förvaltningens tjänsteutlåtande som svar på remissen."),
      b.background(
        "Remissen gäller en ny modell för hemtjänst i ytterstaden. Förvaltningen ser positivt på förslaget.",
      ),
    ),
    b.item(
      { id: "p6", title: "Anmälan av delegationsbeslut" },
      b.decision("Anmälan läggs till handlingarna."),
    ),
  );
  return createFile(
    "protokoll",
    {
      body: { name: "Socialnämnden", reglemente: { adjusters: 1, firstItemNumber: 1 } },
      meeting: { date: "2020-08-25", start: "18:00", end: "19:30", place: "Stadshuset" },
      persons,
      chair: "jj",
      secretary: "sk",
      adjusters: ["lv"],
      notice: { keptAt: "Socialförvaltningen, Swedenborgsgatan 20" },
    },
    doc,
  );
}

/** The value of a review step, or its Swedish refusal thrown — for tests and examples that expect the step to succeed. */
export function must(result: ReviewResult): ProtokollFile {
  if (!result.ok) throw new Error(result.error);
  return result.file;
}

/**
 * The sample (or another protocol with the same §§ and signatories) sent for justering by the
 * secretary on 2020-08-26, approved § by § by the chair and the justerare on 2020-08-30, and
 * justerad by both on 2020-08-31.
 */
export function adjustedSample(base: ProtokollFile = sampleProtocol()): ProtokollFile {
  let f = must(sendForReview(base, "Sara Karlsson", "2020-08-26T09:00"));
  for (const item of ["p1", "p2", "p3", "p4", "p5", "p6"])
    for (const who of ["jj", "lv"]) f = must(approveItem(f, item, who, "2020-08-30T10:00"));
  return must(adjust(f, ["jj", "lv"], "2020-08-31T14:00"));
}

/** A justerad protocol (the justerad sample when not given) with a rättelse recorded in § 5. */
export function correctedSample(f: ProtokollFile = adjustedSample()): ProtokollFile {
  return must(
    recordCorrection(f, {
      newDoc: replaceInItem(f.doc, "p5", "ytterstaden", "innerstaden"),
      what: "ytterstaden → innerstaden",
      why: "Skrivfel.",
      by: "Sara Karlsson",
      at: "2020-09-03T08:30",
    }),
  );
}
