/**
 * Signing a seal and checking signatures, in the host (Node's crypto, Ed25519) — never in the
 * renderer. `signSealedText` signs the current, unsigned form-2 seal of a justerad file (made by
 * `adjust`, `recordCorrection` or `recordNotice`); `checkSeal` is the whole verdict `protokoll
 * verify` and the app give: the hash and chain (schemas/review/seal.ts), every form-2 signature,
 * and whether the keys are trusted.
 */
import { sign, verify, type KeyObject } from "node:crypto";
import { parse, serialize, type ProtokollFile } from "../../schemas/file.js";
import type { Seal, SealSignature } from "../../schemas/meta.js";
import {
  sealEntries,
  sealForm,
  sealStatement,
  verifySeal,
  type StoredFile,
  type VerifyResult,
} from "../../schemas/review/seal.js";
import {
  fingerprintOf,
  formatFingerprint,
  publicKeyFromRaw,
  rawPublicKey,
  type KeyInfo,
} from "./sealKeys.js";

/** Whether one seal's signature is a valid Ed25519 signature of its statement by the key it names. */
export function signatureValid(seal: Seal): boolean {
  const s = seal.signature;
  if (!s) return false;
  try {
    const raw = Buffer.from(s.publicKey, "base64");
    if (raw.length !== 32 || fingerprintOf(raw) !== s.key) return false;
    return verify(
      null,
      Buffer.from(sealStatement(seal.sha256, s.holder), "utf8"),
      publicKeyFromRaw(raw),
      Buffer.from(s.value, "base64"),
    );
  } catch {
    return false;
  }
}

export type SignResult =
  | { ok: true; text: string; file: ProtokollFile; fingerprint: string }
  | { ok: false; error: string };

/**
 * Sign the current seal of a justerad file's text with `key`. Refused unless the seal holds, is of
 * form 2 and unsigned, and every earlier form-2 seal in the chain carries a valid signature.
 */
export function signSealedText(text: string, key: KeyObject, holder: string): SignResult {
  const r = parse(text);
  if (!r.ok)
    return {
      ok: false,
      error: `Dokumentet kan inte signeras eftersom det inte är välformat: ${r.errors[0]?.message ?? ""}`,
    };
  const stored = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as StoredFile;
  const v = verifySeal(r.file, stored);
  if (!v.ok) return { ok: false, error: `Sigillet kan inte signeras: ${v.message}` };
  if (v.form !== 2)
    return {
      ok: false,
      error:
        "Sigillet är av den gamla formen och kan inte signeras i efterhand – gör en rättelse eller justera på nytt.",
    };
  const current = r.file.meta.seal!;
  if (current.signature) return { ok: false, error: "Sigillet är redan signerat." };
  const earlier = v.seals.slice(0, -1).filter((s) => sealForm(s) === 2);
  if (earlier.some((s) => !signatureValid(s)))
    return {
      ok: false,
      error: "Ett tidigare sigill i historiken saknar giltig signatur – dokumentet signeras inte.",
    };
  const raw = rawPublicKey(key);
  const named = holder ? holder.slice(0, 200) : undefined;
  const signature: SealSignature = {
    alg: "Ed25519",
    key: fingerprintOf(raw),
    publicKey: raw.toString("base64"),
    value: sign(null, Buffer.from(sealStatement(current.sha256, named), "utf8"), key).toString(
      "base64",
    ),
    ...(named ? { holder: named } : {}),
  };
  const file = r.file;
  const signed: Seal = { ...current, signature };
  file.meta.seal = signed;
  const entries = sealEntries(file.history);
  const own = entries[entries.length - 1]!;
  own.seal = structuredClone(signed);
  const out = serialize(file);
  // The signature is outside the sealed content: the seal must hold exactly as before.
  const back = parse(out);
  if (!back.ok || !verifySeal(back.file, JSON.parse(out) as StoredFile).ok)
    return {
      ok: false,
      error: "Signeringen gav ett dokument vars sigill inte stämmer (internt fel).",
    };
  return { ok: true, text: out, file: back.file, fingerprint: signature.key };
}

/** Sign with a key from the store (`info` names it for the signature). */
export const signWithKey = (text: string, key: KeyObject, info: KeyInfo) =>
  signSealedText(text, key, info.holder);

export interface SealSignatureState {
  seal: Seal;
  form: 1 | 2;
  /** For form 2: whether the signature is valid; null for form 1 (never signed). */
  valid: boolean | null;
  key: string | null;
  holder: string | null;
  trusted: boolean;
}

export type SealVerdict =
  | {
      result: "signed";
      /** The key of the current seal. */ key: string;
      holder: string | null;
      seal: VerifyResult & { ok: true };
      signatures: SealSignatureState[];
    }
  | { result: "old-form"; seal: VerifyResult & { ok: true }; signatures: SealSignatureState[] }
  | {
      result: "unsigned" | "bad-signature" | "untrusted-key";
      key: string | null;
      holder: string | null;
      seal: VerifyResult & { ok: true };
      signatures: SealSignatureState[];
    }
  | { result: "seal-failed"; seal: VerifyResult & { ok: false } };

/**
 * The verdict on a file's seal: its hash and chain, then every form-2 signature in the chain, then
 * whether the keys are among those the user trusts (a public key inside the file proves nothing by
 * itself). A chain that mixes forms counts as form 2 as soon as its current seal is.
 */
export function checkSeal(
  file: ProtokollFile,
  stored: StoredFile | undefined,
  trusted: ReadonlySet<string>,
): SealVerdict {
  const v = verifySeal(file, stored);
  if (!v.ok) return { result: "seal-failed", seal: v };
  const signatures: SealSignatureState[] = v.seals.map((seal) => {
    const form = sealForm(seal);
    const key = seal.signature?.key ?? null;
    return {
      seal,
      form,
      valid: form === 2 ? signatureValid(seal) : null,
      key,
      holder: seal.signature?.holder ?? null,
      trusted: key !== null && trusted.has(key),
    };
  });
  if (v.form === 1) return { result: "old-form", seal: v, signatures };
  const current = signatures[signatures.length - 1]!;
  const base = { key: current.key, holder: current.holder, seal: v, signatures };
  const form2 = signatures.filter((s) => s.form === 2);
  if (form2.some((s) => !s.seal.signature)) return { result: "unsigned", ...base };
  if (form2.some((s) => s.valid !== true)) return { result: "bad-signature", ...base };
  if (form2.some((s) => !s.trusted)) return { result: "untrusted-key", ...base };
  return { result: "signed", key: current.key!, holder: current.holder, seal: v, signatures };
}

/** "3f2a 91bc … (Socialnämnden)" for messages. */
export const sealKeyLabel = (key: string, holder: string | null) =>
  `${formatFingerprint(key)}${holder ? ` (${holder})` : ""}`;
