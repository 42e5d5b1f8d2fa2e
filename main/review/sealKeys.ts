/**
 * The keys that sign justeringar: Ed25519 key pairs (node:crypto) kept in a per-user folder OUTSIDE
 * any workspace (`defaultKeyDir`), one JSON file per key, readable by the user only.
 *
 * A key belongs to a municipality or body (several secretaries can hold it: `exportKey` writes it
 * as a passphrase-protected PKCS#8 file that `importKey` reads on another computer) or to one
 * secretary. The private key is protected at rest by the platform where it can be (Electron's
 * safeStorage: the OS keychain, DPAPI, or a Linux keyring — `PlatformProtection`), and otherwise,
 * always in the CLI and the web host, by a passphrase (encrypted PKCS#8, AES-256-CBC).
 *
 * The fingerprint names a key: the first 32 hex digits (128 bits) of SHA-256 of the raw public
 * key, shown in groups of four. It is printed on the protocol and published, so a reader can check
 * with `protokoll verify --key FINGERPRINT` that the file was signed by that key.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { chmod, mkdir, readFile, readdir, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { formatFingerprint } from "../../schemas/review/seal.js";
import { MIN_PASSPHRASE } from "../../schemas/review/sealPassphrase.js";
import { sha256Bytes } from "../../schemas/review/sha256.js";
import { atomicWrite } from "../files/atomicWrite.js";

/** Protection of a private key by the platform (Electron's safeStorage), where it offers one. */
export interface PlatformProtection {
  /** Whether it protects for real (false e.g. on Linux without a keyring, where it would use a fixed password). */
  available(): Promise<boolean>;
  encrypt(text: string): Promise<Buffer>;
  decrypt(data: Buffer): Promise<string>;
}

export type Protection = "passphrase" | "platform";

export interface KeyInfo {
  fingerprint: string;
  holder: string;
  /** Raw 32-byte public key, base64. */
  publicKey: string;
  created: string;
  protection: Protection;
}

const KeyFile = z.strictObject({
  format: z.literal("protokoll-sigillnyckel"),
  version: z.literal(1),
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  holder: z.string().min(1).max(200),
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  created: z.string().max(40),
  protection: z.enum(["passphrase", "platform"]),
  /** Encrypted PKCS#8 PEM (passphrase), or base64 of the platform-encrypted plain PKCS#8 PEM. */
  privateKey: z.string().min(1).max(20000),
});
type KeyFile = z.infer<typeof KeyFile>;

/** A key operation's failure, worded in Swedish with the English after it (for the app and the CLI). */
export class KeyError extends Error {}

/** The per-user folder of the app's settings: %APPDATA%\Protokoll, ~/Library/Application Support/Protokoll, $XDG_CONFIG_HOME/protokoll. */
export function defaultConfigDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.PROTOKOLL_CONFIG_DIR) return env.PROTOKOLL_CONFIG_DIR;
  if (platform === "win32")
    return join(env.APPDATA ?? join(homedir(), "AppData", "Roaming"), "Protokoll");
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", "Protokoll");
  return join(env.XDG_CONFIG_HOME || join(homedir(), ".config"), "protokoll");
}

/** Where the signing keys are kept. */
export const defaultKeyDir = (env: NodeJS.ProcessEnv = process.env) =>
  join(defaultConfigDir(env), "keys");

/** The file of fingerprints the user trusts (one a line, `#` comments), besides their own keys. */
export const defaultTrustedKeysFile = (env: NodeJS.ProcessEnv = process.env) =>
  join(defaultConfigDir(env), "trusted-keys.txt");

/** Raw public key bytes of an Ed25519 key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = (key.type === "private" ? createPublicKey(key) : key).export({ format: "jwk" });
  if (jwk.crv !== "Ed25519" || typeof jwk.x !== "string")
    throw new KeyError("Nyckeln är inte en Ed25519-nyckel (not an Ed25519 key).");
  return Buffer.from(jwk.x, "base64url");
}

/** The public key object from its raw bytes (as stored in a signature). */
export function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") },
    format: "jwk",
  });
}

/** The fingerprint of a raw public key: 32 hex digits. */
export const fingerprintOf = (raw: Uint8Array): string => sha256Bytes(raw).slice(0, 32);

export { formatFingerprint };

/** A fingerprint as the user typed it (spaces, colons, capitals allowed), or null when it is not one. */
export function normalizeFingerprint(text: string): string | null {
  const fp = text.replace(/[\s:]/g, "").toLowerCase();
  return /^[0-9a-f]{32}$/.test(fp) ? fp : null;
}

function checkPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE)
    throw new KeyError(
      `Lösenfrasen måste ha minst ${MIN_PASSPHRASE} tecken (the passphrase must have at least ${MIN_PASSPHRASE} characters).`,
    );
}

export class SealKeyStore {
  constructor(
    readonly dir: string,
    private readonly platform: PlatformProtection | null = null,
  ) {}

  /** Whether the platform can protect a new key (otherwise a passphrase is needed). */
  async platformAvailable(): Promise<boolean> {
    return this.platform !== null && (await this.platform.available().catch(() => false));
  }

  private async ensureDir(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  private async read(fingerprint: string): Promise<KeyFile> {
    const fp = normalizeFingerprint(fingerprint);
    if (!fp)
      throw new KeyError(
        `”${fingerprint.slice(0, 60)}” är inget nyckelfingeravtryck (not a key fingerprint).`,
      );
    const path = join(this.dir, `${fp}.json`);
    const info = await stat(path).catch(() => null);
    if (!info)
      throw new KeyError(
        `Nyckeln ${formatFingerprint(fp)} finns inte bland dina nycklar (no such key).`,
      );
    if (!info.isFile() || info.size > 100_000)
      throw new KeyError(`Nyckelfilen för ${formatFingerprint(fp)} är skadad (damaged key file).`);
    let raw: unknown = null;
    try {
      raw = JSON.parse(await readFile(path, "utf8"));
    } catch {
      // reported as damaged below
    }
    const parsed = KeyFile.safeParse(raw);
    if (!parsed.success || parsed.data.fingerprint !== fp)
      throw new KeyError(`Nyckelfilen för ${formatFingerprint(fp)} är skadad (damaged key file).`);
    return parsed.data;
  }

  private async write(file: KeyFile): Promise<KeyInfo> {
    await this.ensureDir();
    const path = join(this.dir, `${file.fingerprint}.json`);
    await atomicWrite(path, JSON.stringify(file, null, 2) + "\n", { backup: false });
    await chmod(path, 0o600).catch(() => undefined);
    return info(file);
  }

  /** Every key in the store, newest first; damaged files are skipped. */
  async list(): Promise<KeyInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: KeyInfo[] = [];
    for (const name of names) {
      if (!/^[0-9a-f]{32}\.json$/.test(name)) continue;
      try {
        out.push(info(await this.read(name.slice(0, 32))));
      } catch {
        // a damaged key file is not offered
      }
    }
    return out.sort((a, b) => b.created.localeCompare(a.created));
  }

  /**
   * A new key pair for `holder` ("Socialnämnden, X kommun" or a secretary's name), protected by
   * the passphrase, or — with `passphrase` null — by the platform.
   */
  async create(holder: string, passphrase: string | null, now = new Date()): Promise<KeyInfo> {
    const name = holder.trim();
    if (!name || name.length > 200)
      throw new KeyError("Ange vem nyckeln tillhör, högst 200 tecken (name the key's holder).");
    const { privateKey } = generateKeyPairSync("ed25519");
    return this.store(privateKey, name, passphrase, now);
  }

  private async store(
    privateKey: KeyObject,
    holder: string,
    passphrase: string | null,
    now: Date,
  ): Promise<KeyInfo> {
    const raw = rawPublicKey(privateKey);
    const base = {
      format: "protokoll-sigillnyckel" as const,
      version: 1 as const,
      fingerprint: fingerprintOf(raw),
      holder,
      publicKey: raw.toString("base64"),
      created: now.toISOString(),
    };
    if (passphrase === null) {
      if (!(await this.platformAvailable()))
        throw new KeyError(
          "Datorn kan inte skydda nyckeln själv – ange en lösenfras (no platform protection: a passphrase is needed).",
        );
      const pem = privateKey.export({ format: "pem", type: "pkcs8" }) as string;
      const data = await this.platform!.encrypt(pem);
      return this.write({ ...base, protection: "platform", privateKey: data.toString("base64") });
    }
    checkPassphrase(passphrase);
    const pem = privateKey.export({
      format: "pem",
      type: "pkcs8",
      cipher: "aes-256-cbc",
      passphrase,
    }) as string;
    return this.write({ ...base, protection: "passphrase", privateKey: pem });
  }

  /** The private key, unlocked with the passphrase (or by the platform). */
  async unlock(
    fingerprint: string,
    passphrase: string | null,
  ): Promise<{ key: KeyObject; info: KeyInfo }> {
    const file = await this.read(fingerprint);
    let key: KeyObject;
    if (file.protection === "platform") {
      if (!this.platform)
        throw new KeyError(
          "Nyckeln skyddas av datorns nyckelring och kan bara användas i appen (platform-protected key: use it in the app).",
        );
      let pem: string;
      try {
        pem = await this.platform.decrypt(Buffer.from(file.privateKey, "base64"));
      } catch {
        throw new KeyError(
          "Datorns nyckelring kunde inte låsa upp nyckeln (the platform could not decrypt the key).",
        );
      }
      key = createPrivateKey(pem);
    } else {
      if (passphrase === null || passphrase === "")
        throw new KeyError("Ange lösenfrasen för nyckeln (passphrase needed).");
      try {
        key = createPrivateKey({ key: file.privateKey, format: "pem", passphrase });
      } catch {
        throw new KeyError("Fel lösenfras för nyckeln (wrong passphrase).");
      }
    }
    if (fingerprintOf(rawPublicKey(key)) !== file.fingerprint)
      throw new KeyError(
        "Nyckelfilen är skadad: nyckeln stämmer inte med sitt fingeravtryck (damaged key file).",
      );
    return { key, info: info(file) };
  }

  /**
   * The key as a passphrase-protected PKCS#8 PEM file, for the other secretaries who sign for the
   * same body. `passphrase` unlocks it here; `exportPassphrase` protects the exported copy.
   */
  async exportKey(
    fingerprint: string,
    passphrase: string | null,
    exportPassphrase: string,
  ): Promise<string> {
    checkPassphrase(exportPassphrase);
    const { key, info: i } = await this.unlock(fingerprint, passphrase);
    const pem = key.export({
      format: "pem",
      type: "pkcs8",
      cipher: "aes-256-cbc",
      passphrase: exportPassphrase,
    }) as string;
    return `Protokoll sigillnyckel: ${i.holder}\nFingeravtryck: ${formatFingerprint(i.fingerprint)}\n${pem}`;
  }

  /** Bring in an exported key (its passphrase unlocks it; it is stored with `storePassphrase`, or by the platform when null). */
  async importKey(
    text: string,
    passphrase: string,
    storePassphrase: string | null,
    holder?: string,
    now = new Date(),
  ): Promise<KeyInfo> {
    const pem =
      /-----BEGIN ENCRYPTED PRIVATE KEY-----[\s\S]+?-----END ENCRYPTED PRIVATE KEY-----/.exec(
        text,
      )?.[0];
    if (!pem)
      throw new KeyError(
        "Filen innehåller ingen lösenfrasskyddad nyckel (no encrypted PKCS#8 key in the file).",
      );
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: pem, format: "pem", passphrase });
    } catch {
      throw new KeyError("Fel lösenfras för den exporterade nyckeln (wrong passphrase).");
    }
    if (key.asymmetricKeyType !== "ed25519")
      throw new KeyError("Nyckeln är inte en Ed25519-nyckel (not an Ed25519 key).");
    const named =
      holder?.trim() ||
      /^Protokoll sigillnyckel: (.+)$/m.exec(text)?.[1]?.trim() ||
      "Importerad nyckel";
    return this.store(key, named.slice(0, 200), storePassphrase, now);
  }
}

function info(file: KeyFile): KeyInfo {
  return {
    fingerprint: file.fingerprint,
    holder: file.holder,
    publicKey: file.publicKey,
    created: file.created,
    protection: file.protection,
  };
}

/** Largest trusted-keys file read (about 25,000 keys). */
const MAX_TRUSTED_KEYS_BYTES = 1024 * 1024;

/** The fingerprints in a trusted-keys file: one a line, anything after the fingerprint (and `#` lines) is a comment. */
export async function readTrustedKeys(path: string): Promise<Set<string>> {
  const info = await stat(path).catch(() => null);
  if (!info) return new Set();
  // Only a regular file of sensible size: never a device, a pipe or a folder.
  if (!info.isFile() || info.size > MAX_TRUSTED_KEYS_BYTES)
    throw new KeyError(
      `Filen över betrodda nycklar är ingen vanlig textfil (the trusted-keys file is not a regular text file): ${path}`,
    );
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new KeyError(
      `Filen över betrodda nycklar kan inte läsas (cannot read the trusted-keys file): ${path}`,
    );
  }
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith("#")) continue;
    const fp = leadingFingerprint(t);
    if (fp) out.add(fp);
  }
  return out;
}

/** The fingerprint a line starts with (32 hex digits, spaces or colons between them allowed), or null. */
export function leadingFingerprint(line: string): string | null {
  let hex = "";
  let i = 0;
  for (; i < line.length && hex.length < 32; i++) {
    const c = line[i]!;
    if (/[0-9a-fA-F]/.test(c)) hex += c.toLowerCase();
    else if (c !== " " && c !== ":") return null;
  }
  return hex.length === 32 && (i === line.length || /[\s#]/.test(line[i]!)) ? hex : null;
}
