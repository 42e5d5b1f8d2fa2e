/**
 * The seal of a justerad protocol: SHA-256 of a canonical form of everything shown as the
 * justerade protocol, computed from the file as STORED (sealForm.ts: defaults left out, so new
 * optional fields and format versions do not disturb it), and — in form 2 — signed with Ed25519
 * in the host (main/review/sealKeys.ts). The signature is what makes the seal mean something: a
 * hash alone can be recomputed by anyone who changes the file.
 *
 * Form 2 (`SEAL_FORM`, `meta.seal.form: 2`) covers: `kind`; all of `meta` except `meta.seal`
 * itself, *including* `meta.notice.posted` (the anslag is recorded after justering with
 * `recordNotice`, which renews and re-signs the seal); the whole `doc`; the whole `history` —
 * status changes, the justering, every rättelse with its author and reason, every anslag, every
 * omedelbar justering with its § seal, every earlier seal with its signature — except the `seal`
 * field of the entry that made this seal (a seal cannot contain itself); and the time and signers
 * of this seal (`meta.seal.at`, `meta.seal.by`). Not covered: `review` (comments, approvals,
 * "last seen" copies — working material) and the format `version`.
 *
 * Form 1 (no `form` key: files justerade before form 2) covered the same minus the seal's own
 * time and signers and minus `meta.notice.posted`, had no signature and embedded the version.
 * It is still verified so those files keep reading as unchanged, but reported as an unsigned seal
 * of the old form: anyone could have recomputed it, and nothing can make it trustworthy now.
 *
 * `verifySeal` checks the hash and the chain of seals; it cannot check signatures (that needs
 * Ed25519, which lives in the host): it returns the seals whose signatures the caller must check.
 */
import { canonicalJSON } from "../canonical.js";
import { FORMAT, toJSON, type ProtokollFile } from "../file.js";
import {
  HistoryEntry as HistoryEntrySchema,
  Meta as MetaSchema,
  type HistoryEntry,
  type Seal,
} from "../meta.js";
import { list, obj } from "../storedJson.js";
import { stripDefaults, stripDocDefaults } from "./sealForm.js";
import { formV1Keys } from "./sealFormV1.js";
import { sha256 } from "./sha256.js";

/** The canonical form new seals are made in. */
export const SEAL_FORM = 2 as const;
export type SealForm = 1 | 2;

type Sealable = Pick<ProtokollFile, "kind" | "meta" | "doc" | "history">;
/** A file's JSON as stored (parsed text, not checked, not migrated, no defaults filled in). */
export type StoredFile = Record<string, unknown>;

/** The form a seal was made in. */
export const sealForm = (seal: Pick<Seal, "form"> | null | undefined): SealForm =>
  seal?.form === 2 ? 2 : 1;

/** Whether a history entry made a seal of the whole protocol: the justering, each rättelse, each anslag. */
const isSealEntry = (h: { kind?: unknown; item?: unknown }) =>
  (h.kind === "adjusted" && (h.item === null || h.item === undefined)) ||
  h.kind === "correction" ||
  h.kind === "notice";

/** History entries that produced a seal of the whole protocol, oldest first. */
export function sealEntries(history: HistoryEntry[]): HistoryEntry[] {
  return history.filter(isSealEntry);
}

/**
 * The exact text a form-2 seal is the SHA-256 of, for the stored file and the seal being made
 * (`sealing`: its time and signers). The last seal-making entry of the history is the one this seal
 * belongs to; its `seal` field is left out.
 */
export function sealedContentOfStored(
  stored: StoredFile,
  sealing: { at: string; by: string[] } | null,
): string {
  const meta = { ...obj(stored.meta) };
  delete meta.seal;
  const history = list(stored.history);
  let own = -1;
  history.forEach((h, i) => {
    if (isSealEntry(obj(h))) own = i;
  });
  return canonicalJSON({
    form: SEAL_FORM,
    kind: stored.kind,
    meta: stripDefaults(MetaSchema, meta, "meta"),
    doc: stripDocDefaults(stored.doc),
    history: history.map((h, i) => {
      const entry = { ...obj(h) };
      if (i === own) delete entry.seal;
      return stripDefaults(HistoryEntrySchema, entry, "history[]");
    }),
    seal: sealing ? { at: sealing.at, by: sealing.by } : null,
  });
}

/** The text a form-1 seal was the SHA-256 of, recomputed from the stored file (keys added since left out when at their default). */
export function sealedContentV1(stored: StoredFile): string {
  const later = (path: string) => !formV1Keys.has(path);
  const meta = obj(stripDefaults(MetaSchema, obj(stored.meta), "meta", later));
  delete meta.seal;
  const notice = { ...obj(meta.notice) };
  delete notice.posted;
  return canonicalJSON({
    format: FORMAT,
    version: 1,
    kind: stored.kind,
    meta: { ...meta, notice },
    doc: stripDocDefaults(stored.doc, later),
    history: list(stored.history).map((h) => {
      const entry = obj(stripDefaults(HistoryEntrySchema, h, "history[]", later));
      delete entry.seal;
      return entry;
    }),
  });
}

/**
 * The sealed content of a document as it would be stored now, in the form of its current seal
 * (form 2 when it has none yet), with that seal's time and signers: what `checkEdit` and a
 * rättelse compare to tell whether anything sealed changed.
 */
export function sealedContent(file: Sealable): string {
  const seal = file.meta.seal;
  // A protocol under a seal of the old form keeps that form's coverage (e.g. the anslag date is not in it).
  if (seal && sealForm(seal) === 1) return sealedContentV1(storedForm(file));
  return sealedContentOfStored(storedForm(file), seal ? { at: seal.at, by: seal.by } : null);
}

function storedForm(file: Sealable): StoredFile {
  return toJSON({ ...file, review: { comments: [], approvals: [], lastSeen: {} } });
}

/**
 * Make the (unsigned) form-2 seal of `file`, whose history already ends with the entry that makes
 * this seal (its `seal` still null). The host signs it afterwards (`sealStatement`).
 */
export function makeSeal(file: Sealable, at: string, by: string[]): Seal {
  return {
    sha256: sha256(sealedContentOfStored(storedForm(file), { at, by })),
    at,
    by: [...by],
    form: SEAL_FORM,
  };
}

/** The form-1 seal hash (kept to build test files of the old form; the app seals with `makeSeal`). */
export function computeSeal(file: Sealable): string {
  return sha256(sealedContentV1(storedForm(file)));
}

/** "3f2a 91bc 0d4e …": a signing key's fingerprint (32 hex digits) as printed and published. */
export const formatFingerprint = (fp: string): string => fp.replace(/(.{4})(?=.)/g, "$1 ");

/**
 * What the Ed25519 signature of a form-2 seal signs: a fixed label, the seal's SHA-256, and the key
 * holder's name as the signature names it (so the name shown with the key cannot be swapped).
 */
export function sealStatement(sealSha256: string, holder: string | undefined): string {
  return `protokoll-sigill/2\n${sealSha256}\n${holder ?? ""}\n`;
}

const sameSeal = (a: Seal | null, b: Seal | null) =>
  a !== null && b !== null && canonicalJSON(a) === canonicalJSON(b);

export type VerifyReason = "not_adjusted" | "no_seal" | "changed" | "history_broken";

export type VerifyResult =
  | {
      ok: true;
      /** The canonical form of the current seal: 1 = old unsigned form, 2 = signed form. */
      form: SealForm;
      /** When the protocol was justerad (the first seal). */
      adjustedAt: string;
      /** When the current seal was made (the justering, or the last rättelse or anslag). */
      sealedAt: string;
      sha256: string;
      /** The recorded rättelser, oldest first. */
      corrections: HistoryEntry[];
      /** The recorded anslag, oldest first. */
      notices: HistoryEntry[];
      /**
       * Every seal of the whole protocol in the chain, oldest first, the current one last: the
       * form-2 ones must carry a valid signature (checked by the host, not here).
       */
      seals: Seal[];
    }
  | {
      ok: false;
      reason: VerifyReason;
      /** Swedish. */ message: string;
      expected: string | null;
      actual: string;
    };

/**
 * Recompute the seal from the stored form (the file's JSON as read; without it, the document as it
 * would be written now) and check the chain of seals in the history. Pure and synchronous.
 * Signatures are not checked here (see `seals` in the result).
 */
export function verifySeal(file: ProtokollFile, stored?: StoredFile): VerifyResult {
  const seal = file.meta.seal;
  const raw = stored ?? storedForm(file);
  const form = sealForm(seal);
  const actual = sha256(
    form === 2
      ? sealedContentOfStored(raw, seal ? { at: seal.at, by: seal.by } : null)
      : sealedContentV1(raw),
  );
  const fail = (reason: VerifyReason, message: string): VerifyResult => ({
    ok: false,
    reason,
    message,
    expected: seal?.sha256 ?? null,
    actual,
  });
  if (file.meta.status !== "adjusted")
    return fail(
      "not_adjusted",
      "Protokollet är inte justerat – det finns inget sigill att kontrollera.",
    );
  if (!seal) return fail("no_seal", "Protokollet är markerat som justerat men saknar sigill.");
  if (seal.sha256 !== actual)
    return fail(
      "changed",
      "Protokollet har ändrats sedan justeringen: sigillet stämmer inte med innehållet.",
    );
  const chain = sealEntries(file.history);
  const first = chain[0];
  if (!first || first.kind !== "adjusted")
    return fail("history_broken", "Historiken saknar justeringen som sigillet kommer från.");
  for (let i = 1; i < chain.length; i++) {
    const entry = chain[i]!;
    if (entry.kind === "adjusted" || !sameSeal(entry.previousSeal, chain[i - 1]!.seal))
      return fail(
        "history_broken",
        `Historikens kedja av sigill är bruten vid post ${i + 1} (föregående sigill stämmer inte).`,
      );
    if (
      (sealForm(chain[i - 1]!.seal) === 2 || entry.kind === "notice") &&
      sealForm(entry.seal) !== 2
    )
      return fail(
        "history_broken",
        `Historikens kedja av sigill är bruten vid post ${i + 1} (ett sigill av den gamla formen efter ett av den nya).`,
      );
  }
  if (!sameSeal(chain[chain.length - 1]!.seal, seal))
    return fail("history_broken", "Det senaste sigillet i historiken är inte dokumentets sigill.");
  return {
    ok: true,
    form,
    adjustedAt: first.seal?.at ?? first.at,
    sealedAt: seal.at,
    sha256: seal.sha256,
    corrections: chain.filter((h) => h.kind === "correction"),
    notices: chain.filter((h) => h.kind === "notice"),
    seals: chain.map((h) => h.seal!),
  };
}
