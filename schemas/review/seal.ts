/**
 * The seal of a justerad protocol: SHA-256 of the canonical serialization of everything that is
 * the protocol as an allmän handling.
 *
 * Covered (`sealedContent`): `format`, `version`, `kind`, the whole `doc`, all of `meta` except
 * `meta.seal` (the seal cannot cover itself) and `meta.notice.posted` (the day the notice went up
 * on the anslagstavla is recorded after justering and is not part of the protocol; likewise
 * `meta.itemNotices`, the anslag of §§ justerade at the meeting), and the whole
 * `history` except each entry's own `seal` field (the seal an entry produced is computed over the
 * file that contains the entry). Each rättelse's `previousSeal` *is* covered, and `verifySeal`
 * checks that the chain of seals in the history ends in `meta.seal`, so no seal can be swapped.
 *
 * Not covered: `review` (the justerare's comments, approvals and "last seen" copies — working
 * material, not the protocol).
 */
import { canonicalJSON } from "../canonical.js";
import { CURRENT_VERSION, FORMAT, type ProtokollFile } from "../file.js";
import type { HistoryEntry, Seal } from "../meta.js";
import { sha256 } from "./sha256.js";

/** The exact text the seal is the SHA-256 of. */
export function sealedContent(file: Pick<ProtokollFile, "kind" | "meta" | "doc" | "history">): string {
  const { seal: _seal, itemNotices: _itemNotices, ...meta } = file.meta;
  const { posted: _posted, ...notice } = meta.notice;
  return canonicalJSON({
    format: FORMAT,
    version: CURRENT_VERSION,
    kind: file.kind,
    meta: { ...meta, notice },
    doc: file.doc.toJSON(),
    history: file.history.map(({ seal: _s, ...rest }) => rest),
  });
}

export function computeSeal(file: Pick<ProtokollFile, "kind" | "meta" | "doc" | "history">): string {
  return sha256(sealedContent(file));
}

const sameSeal = (a: Seal | null, b: Seal | null) =>
  a !== null && b !== null && a.sha256 === b.sha256 && a.at === b.at && a.by.length === b.by.length && a.by.every((x, i) => x === b.by[i]);

/** History entries that produced a seal of the whole protocol: the justering, then each rättelse. */
export function sealEntries(history: HistoryEntry[]): HistoryEntry[] {
  return history.filter((h) => (h.kind === "adjusted" && h.item === null) || h.kind === "correction");
}

export type VerifyReason = "not_adjusted" | "no_seal" | "changed" | "history_broken";

export type VerifyResult =
  | {
      ok: true;
      /** When the protocol was justerad (the first seal). */
      adjustedAt: string;
      /** When the current seal was made (the justering, or the last rättelse). */
      sealedAt: string;
      sha256: string;
      /** The recorded rättelser, oldest first. */
      corrections: HistoryEntry[];
    }
  | { ok: false; reason: VerifyReason; /** Swedish. */ message: string; expected: string | null; actual: string };

/** Recompute the seal and check the chain of seals in the history. Pure and synchronous. */
export function verifySeal(file: ProtokollFile): VerifyResult {
  const actual = computeSeal(file);
  const seal = file.meta.seal;
  const fail = (reason: VerifyReason, message: string): VerifyResult => ({ ok: false, reason, message, expected: seal?.sha256 ?? null, actual });
  if (file.meta.status !== "adjusted") return fail("not_adjusted", "Protokollet är inte justerat – det finns inget sigill att kontrollera.");
  if (!seal) return fail("no_seal", "Protokollet är markerat som justerat men saknar sigill.");
  if (seal.sha256 !== actual)
    return fail("changed", "Protokollet har ändrats sedan justeringen: sigillet stämmer inte med innehållet.");
  const chain = sealEntries(file.history);
  const first = chain[0];
  if (!first || first.kind !== "adjusted") return fail("history_broken", "Historiken saknar justeringen som sigillet kommer från.");
  for (let i = 1; i < chain.length; i++) {
    const entry = chain[i]!;
    if (entry.kind !== "correction" || !sameSeal(entry.previousSeal, chain[i - 1]!.seal))
      return fail("history_broken", `Historikens kedja av sigill är bruten vid post ${i + 1} (föregående sigill stämmer inte).`);
  }
  if (!sameSeal(chain[chain.length - 1]!.seal, seal))
    return fail("history_broken", "Det senaste sigillet i historiken är inte dokumentets sigill.");
  return {
    ok: true,
    adjustedAt: first.seal?.at ?? first.at,
    sealedAt: seal.at,
    sha256: seal.sha256,
    corrections: chain.filter((h) => h.kind === "correction"),
  };
}
