/**
 * What the Justering panel says, as pure functions of the document and the review session: the
 * "Jag är" choices and hint, what is missing before the protocol can be justerad, each §'s
 * approval chips, what a new comment will be about, and the summary of changes since the reader
 * last looked. The panel (reviewPanel.ts) only draws these.
 */
import type { ProtokollFile } from "../../schemas/file.js";
import type { Meta, Seal, Status } from "../../schemas/meta.js";
import {
  itemLabel,
  personName,
  type ApprovalState,
  type Changes,
  type ItemOverview,
  type ReviewOverview,
} from "../../schemas/review/index.js";
import { formatFingerprint, sealForm } from "../../schemas/review/seal.js";
import { SECRETARY } from "./reviewSession.js";

export const stateSymbol: Record<ApprovalState, string> = {
  approved: "✓",
  changes_requested: "!",
  changed: "↻",
  missing: "·",
};
export const stateWords: Record<ApprovalState, string> = {
  approved: "har godkänt",
  changes_requested: "har begärt ändring",
  changed: "godkände en tidigare lydelse",
  missing: "har inte godkänt ännu",
};
export const changeWords = {
  unseen: "",
  unchanged: "",
  changed: "ändrad",
  added: "ny",
  removed: "borttagen",
} as const;

/** Up to three initials of a name: "Ada Bo Exempel" → "ABE". */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase())
    .join("")
    .slice(0, 3);

/** The "Jag är" choices: the secretary, then the chair and each justerare. */
export function identityOptions(
  meta: Meta,
  o: Pick<ReviewOverview, "signatories">,
): [string, string][] {
  const options: [string, string][] = [
    [
      SECRETARY,
      `${meta.secretary ? personName(meta, meta.secretary) : "Sekreteraren"} (sekreterare)`,
    ],
  ];
  for (const s of o.signatories) options.push([s.id, `${s.name} (${s.role})`]);
  return options;
}

/** What the one at the keyboard may do now. */
export function identityHint(s: {
  correcting: boolean;
  status: Status;
  reviewing: boolean;
}): string {
  if (s.correcting) return "Rättelse pågår: texten är upplåst för rättelsen.";
  if (s.status === "adjusted") return "Protokollet är justerat: texten är skrivskyddad.";
  if (s.reviewing)
    return "Du granskar: texten är skrivskyddad – kommentera, godkänn eller begär ändring.";
  return "Som sekreterare skriver du i texten; justerarna kommenterar och godkänner.";
}

/** Before justering: one line per signatory and state, "Eva Exempel har inte godkänt ännu: § 1, § 2, § 4". */
export function missingApprovalLines(
  file: ProtokollFile,
  o: Pick<ReviewOverview, "canAdjust">,
): string[] {
  const missing = o.canAdjust.ok ? [] : o.canAdjust.missing;
  const groups = new Map<string, string[]>();
  for (const m of missing) {
    const key = `${personName(file.meta, m.who)} ${stateWords[m.state]}`;
    groups.set(key, [...(groups.get(key) ?? []), itemLabel(file, m.item)]);
  }
  return [...groups].map(([who, items]) => `${who}: ${items.join(", ")}`);
}

/** A chip beside a § in the list: its class (approval state), tooltip and text. */
export interface Chip {
  state: ApprovalState | "immediate";
  title: string;
  text: string;
}

/**
 * The chips of a § in the list. Before justering, each signatory's approval ("✓ AE"); after it the
 * approvals are history: the § is justerad, or rättad since (a § justerad at the meeting shows
 * only that).
 */
export function itemChips(item: ItemOverview, status: Status, corrected: boolean): Chip[] {
  const immediate: Chip[] = item.immediatelyAdjusted
    ? [
        {
          state: "immediate",
          title: "Justerad vid sammanträdet (omedelbar justering)",
          text: "Justerad vid mötet",
        },
      ]
    : [];
  if (status === "adjusted") {
    if (corrected)
      return [
        {
          state: "changed",
          title: "Rättad efter justeringen – se rättelsen i texten",
          text: "Rättad",
        },
        ...immediate,
      ];
    return item.immediatelyAdjusted
      ? immediate
      : [{ state: "approved", title: "", text: "✓ Justerad" }];
  }
  return [
    ...item.approvals.map((a): Chip => ({
      state: a.state,
      title: `${a.name} ${stateWords[a.state]}${a.note ? `: ${a.note}` : ""}`,
      text: `${stateSymbol[a.state]} ${initials(a.name)}`,
    })),
    ...immediate,
  ];
}

/** What a new comment will be about, in words. */
export function commentTargetText(
  file: ProtokollFile,
  target: { item: string | null; quote: string | null },
): string {
  if (file.meta.status === "adjusted") return "Efter justeringen kan inga kommentarer läggas till.";
  if (target.quote)
    return `Gäller den markerade texten i ${itemLabel(file, target.item!)}: ”${target.quote.length > 60 ? `${target.quote.slice(0, 60)}…` : target.quote}”`;
  if (target.item)
    return `Gäller ${itemLabel(file, target.item)} (markera text för att kommentera just den).`;
  return "Gäller hela protokollet.";
}

/** The line above the list of changes since the reader last looked. */
export function changesSummary(changes: Changes): string {
  if (!changes.since)
    return "Du har inte markerat protokollet som läst tidigare – allt är nytt för dig. Läs det och tryck ”Markera som läst”.";
  const diffs = changes.items.filter((c) => c.change !== "unchanged");
  const since = changes.since.replace("T", " ");
  return diffs.length
    ? `Sedan du läste ${since}: ${diffs.length} paragraf${diffs.length === 1 ? "" : "er"} ändrade.`
    : `Inget har ändrats sedan du läste ${since}.`;
}

/** What the panel says of the seal's signature (the host and `protokoll verify` check it against trusted keys). */
export function signatureText(seal: Seal | null): string {
  if (!seal) return "";
  if (sealForm(seal) === 1)
    return "Sigill av den gamla formen: det är inte signerat och kan räknas om av den som ändrar filen.";
  if (!seal.signature) return "Sigillet är inte signerat.";
  return `Signerat med nyckel ${formatFingerprint(seal.signature.key)}${seal.signature.holder ? ` (${seal.signature.holder})` : ""}. Kontrollera med: protokoll verify --key ${seal.signature.key}`;
}
