import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, serialize } from "../../schemas/file.js";
import { verifySeal } from "../../schemas/review/seal.js";
import { adjustedSample } from "../../schemas/review/sampleProtocol.testkit.js";
import { MIN_PASSPHRASE } from "../../schemas/review/sealPassphrase.js";
import {
  defaultConfigDir,
  formatFingerprint,
  leadingFingerprint,
  normalizeFingerprint,
  readTrustedKeys,
  SealKeyStore,
  type PlatformProtection,
} from "./sealKeys.js";
import { checkSeal, signSealedText, signatureValid } from "./signSeal.js";

const dir = mkdtempSync(join(tmpdir(), "protokoll-keys-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PASS = "rätt lösenfras 2020";

describe("the key store", () => {
  it("creates an Ed25519 key protected by a passphrase, in a folder only the user can read, and lists it", async () => {
    const store = new SealKeyStore(join(dir, "a"));
    const k = await store.create("Socialnämnden, Testkommun", PASS);
    expect(k.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(await store.list()).toEqual([k]);
    const file = join(dir, "a", `${k.fingerprint}.json`);
    const text = readFileSync(file, "utf8");
    expect(text).toContain("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    expect(text).not.toContain("-----BEGIN PRIVATE KEY-----");
    if (process.platform !== "win32") {
      expect(statSync(file).mode & 0o077).toBe(0);
      expect(statSync(join(dir, "a")).mode & 0o077).toBe(0);
    }
  });

  it("unlocks only with the right passphrase, and refuses short passphrases", async () => {
    const store = new SealKeyStore(join(dir, "b"));
    const k = await store.create("Nämnden", PASS);
    await expect(store.unlock(k.fingerprint, "fel lösenfras 1")).rejects.toThrow(
      "Fel lösenfras för nyckeln (wrong passphrase).",
    );
    await expect(store.unlock(k.fingerprint, null)).rejects.toThrow(/Ange lösenfrasen/);
    expect((await store.unlock(k.fingerprint, PASS)).info.fingerprint).toBe(k.fingerprint);
    await expect(store.create("Nämnden", "kort")).rejects.toThrow(/minst 10 tecken/);
    await expect(store.unlock("0".repeat(32), PASS)).rejects.toThrow(
      /finns inte bland dina nycklar/,
    );
  });

  it("accepts a passphrase of exactly the length the signing dialog asks for, and not one shorter", async () => {
    const store = new SealKeyStore(join(dir, "b2"));
    expect(MIN_PASSPHRASE).toBe(10);
    await expect(store.create("Nämnden", "x".repeat(MIN_PASSPHRASE - 1))).rejects.toThrow(
      `Lösenfrasen måste ha minst ${MIN_PASSPHRASE} tecken (the passphrase must have at least ${MIN_PASSPHRASE} characters).`,
    );
    const k = await store.create("Nämnden", "x".repeat(MIN_PASSPHRASE));
    expect((await store.unlock(k.fingerprint, "x".repeat(MIN_PASSPHRASE))).info.fingerprint).toBe(
      k.fingerprint,
    );
  });

  it("exports a key with its own passphrase so another secretary can import it and sign with the same fingerprint", async () => {
    const mine = new SealKeyStore(join(dir, "c1"));
    const theirs = new SealKeyStore(join(dir, "c2"));
    const k = await mine.create("Kommunstyrelsen", PASS);
    const exported = await mine.exportKey(k.fingerprint, PASS, "delad lösenfras 77");
    expect(exported).toContain(`Fingeravtryck: ${formatFingerprint(k.fingerprint)}`);
    await expect(theirs.importKey(exported, "fel lösenfras!", "egen lösenfras 1")).rejects.toThrow(
      /Fel lösenfras/,
    );
    const imported = await theirs.importKey(exported, "delad lösenfras 77", "egen lösenfras 1");
    expect(imported).toMatchObject({ fingerprint: k.fingerprint, holder: "Kommunstyrelsen" });
    const { key } = await theirs.unlock(k.fingerprint, "egen lösenfras 1");
    const r = signSealedText(serialize(adjustedSample()), key, imported.holder);
    expect(r.ok && checkSeal(r.file, undefined, new Set([k.fingerprint])).result).toBe("signed");
  });

  it("uses the platform's protection when it has one, and asks for a passphrase when it has none", async () => {
    // A stand-in for Electron's safeStorage (which needs the Electron binary): reversible, but not plain text.
    const platform = (available: boolean): PlatformProtection => ({
      available: async () => available,
      encrypt: async (t) => Buffer.from(Buffer.from(t, "utf8").map((b) => b ^ 0x5a)),
      decrypt: async (d) => Buffer.from(d.map((b) => b ^ 0x5a)).toString("utf8"),
    });
    const store = new SealKeyStore(join(dir, "d"), platform(true));
    const k = await store.create("Sekreteraren", null);
    expect(k.protection).toBe("platform");
    expect(readFileSync(join(dir, "d", `${k.fingerprint}.json`), "utf8")).not.toContain(
      "PRIVATE KEY",
    );
    expect((await store.unlock(k.fingerprint, null)).info.fingerprint).toBe(k.fingerprint);
    await expect(new SealKeyStore(join(dir, "d")).unlock(k.fingerprint, PASS)).rejects.toThrow(
      /bara användas i appen/,
    );
    await expect(
      new SealKeyStore(join(dir, "e"), platform(false)).create("X", null),
    ).rejects.toThrow(/ange en lösenfras/);
  });

  it("keeps keys in the user's settings folder, not next to the documents", () => {
    expect(defaultConfigDir({ XDG_CONFIG_HOME: "/home/anna/.config" }, "linux")).toBe(
      "/home/anna/.config/protokoll",
    );
    expect(defaultConfigDir({ APPDATA: "C:\\Users\\anna\\AppData\\Roaming" }, "win32")).toMatch(
      /Roaming.Protokoll$/,
    );
    expect(defaultConfigDir({ PROTOKOLL_CONFIG_DIR: "/x" }, "linux")).toBe("/x");
  });
});

describe("fingerprints and the trusted-keys file", () => {
  it("reads fingerprints as published (groups, colons, capitals) and ignores comments", async () => {
    const fp = "3f2a91bc0d4e55667788a9aabbccddee";
    expect(normalizeFingerprint("3F2A 91BC 0D4E 5566 7788 A9AA BBCC DDEE")).toBe(fp);
    expect(normalizeFingerprint("3f2a:91bc")).toBeNull();
    expect(leadingFingerprint(`${formatFingerprint(fp)}  Bad Nämnd`)).toBe(fp);
    expect(leadingFingerprint(`${fp}abc`)).toBeNull();
    const path = join(dir, "trusted.txt");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      path,
      `# kommentar\n${formatFingerprint(fp)}  # Socialnämnden\n\ninte ett avtryck\n`,
    );
    expect([...(await readTrustedKeys(path))]).toEqual([fp]);
    expect((await readTrustedKeys(join(dir, "finns-inte.txt"))).size).toBe(0);
  });
});

describe("signing a seal", () => {
  it("signs the current unsigned form-2 seal without changing what is sealed, once", async () => {
    const store = new SealKeyStore(join(dir, "s"));
    const k = await store.create("Nämnden", PASS);
    const { key } = await store.unlock(k.fingerprint, PASS);
    const text = serialize(adjustedSample());
    const r = signSealedText(text, key, k.holder);
    if (!r.ok) throw new Error(r.error);
    expect(r.file.meta.seal!.signature).toMatchObject({
      alg: "Ed25519",
      key: k.fingerprint,
      holder: "Nämnden",
    });
    expect(r.file.meta.seal!.sha256).toBe(JSON.parse(text).meta.seal.sha256);
    expect(signatureValid(r.file.meta.seal!)).toBe(true);
    expect(verifySeal(r.file, JSON.parse(r.text)).ok).toBe(true);
    expect(signSealedText(r.text, key, k.holder)).toMatchObject({
      ok: false,
      error: "Sigillet är redan signerat.",
    });
    // A signature whose value or key was swapped is not valid.
    const flipped = {
      ...r.file.meta.seal!,
      signature: { ...r.file.meta.seal!.signature!, value: Buffer.alloc(64, 1).toString("base64") },
    };
    expect(signatureValid(flipped)).toBe(false);
    const otherKey = {
      ...r.file.meta.seal!,
      signature: { ...r.file.meta.seal!.signature!, key: "0".repeat(32) },
    };
    expect(signatureValid(otherKey)).toBe(false);
    // The holder's name is signed too: it cannot be swapped for another name.
    const renamed = {
      ...r.file.meta.seal!,
      signature: { ...r.file.meta.seal!.signature!, holder: "Kommunstyrelsen" },
    };
    expect(signatureValid(renamed)).toBe(false);
  });

  it("refuses to sign a seal of the old form, a changed file, or a draft", async () => {
    const store = new SealKeyStore(join(dir, "t"));
    const k = await store.create("Nämnden", PASS);
    const { key } = await store.unlock(k.fingerprint, PASS);
    const fixtures = join(import.meta.dirname, "../../schemas/review/fixtures");
    const old = readFileSync(join(fixtures, readdirSync(fixtures)[0]!), "utf8");
    expect(signSealedText(old, key, "")).toMatchObject({
      ok: false,
      error: expect.stringContaining("gamla formen och kan inte signeras i efterhand"),
    });
    const changed = serialize(adjustedSample()).replace(
      "Dagordningen godkänns.",
      "Dagordningen godkänns inte.",
    );
    expect(signSealedText(changed, key, "")).toMatchObject({
      ok: false,
      error: expect.stringContaining("Sigillet kan inte signeras"),
    });
    const back = parse(changed);
    expect(back.ok).toBe(true);
  });
});
