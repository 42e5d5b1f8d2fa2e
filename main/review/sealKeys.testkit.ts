/**
 * Real Ed25519 keys and signed justerade files for the seal tests: a fresh key per call
 * (node:crypto), the sample protocol justerad and signed as the host signs it.
 */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { parse, serialize, type ProtokollFile } from "../../schemas/file.js";
import { fingerprintOf, rawPublicKey } from "./sealKeys.js";
import { signSealedText } from "./signSeal.js";

export interface TestKey {
  key: KeyObject;
  fingerprint: string;
  holder: string;
}

export function testKey(holder = "Testnämnden"): TestKey {
  const { privateKey } = generateKeyPairSync("ed25519");
  return { key: privateKey, fingerprint: fingerprintOf(rawPublicKey(privateKey)), holder };
}

/** The file with its current (form-2) seal signed by `k`, as text. Throws when signing is refused. */
export function signedText(file: ProtokollFile, k: TestKey): string {
  const r = signSealedText(serialize(file), k.key, k.holder);
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

/** The file with its current seal signed by `k`. */
export function signed(file: ProtokollFile, k: TestKey): ProtokollFile {
  const r = parse(signedText(file, k));
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.file;
}
