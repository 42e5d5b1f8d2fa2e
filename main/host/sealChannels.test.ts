import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { parse, serialize } from "../../schemas/file.js";
import { verifySeal } from "../../schemas/review/seal.js";
import { adjustedSample } from "../../schemas/review/sampleProtocol.testkit.js";
import { SealKeyStore } from "../review/sealKeys.js";
import { checkSeal } from "../review/signSeal.js";
import { startWebHost, TOKEN_HEADER } from "../web/server.js";
import { Workspace, workspaceHostEnv } from "../web/workspace.js";
import { createHandlers } from "./createHandlers.js";

vi.mock("electron", () => ({
  safeStorage: {
    isEncryptionAvailable: () => true,
    isAsyncEncryptionAvailable: async () => true,
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: async (t: string) => Buffer.from(Buffer.from(t).map((b) => b ^ 0x33)),
    decryptStringAsync: async (d: Buffer) => ({
      result: Buffer.from(d.map((b) => b ^ 0x33)).toString(),
    }),
  },
}));
let backend = "gnome_libsecret";

const dir = mkdtempSync(join(tmpdir(), "protokoll-sealch-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PASS = "nämndens lösenfras";
const workspace = (name: string) => {
  mkdirSync(join(dir, name), { recursive: true });
  return new Workspace(join(dir, name));
};

function hostWithKeys(name: string) {
  const env = workspaceHostEnv(workspace(`${name}-ws`));
  return createHandlers({ ...env, sealKeys: new SealKeyStore(join(dir, `${name}-keys`)) });
}

describe("the signing channels", () => {
  it("create a key, list it, and sign a justerad document in the host; the private key never crosses the boundary", async () => {
    const h = hostWithKeys("a");
    expect(await h.listSealKeys({})).toEqual({
      ok: true,
      keys: [],
      platformProtection: false,
      canSign: true,
    });
    const created = await h.createSealKey({ holder: "Socialnämnden", passphrase: PASS });
    if (!created.ok) throw new Error(created.error);
    const listed = await h.listSealKeys({});
    expect(listed.ok && listed.keys).toEqual([
      { fingerprint: created.fingerprint, holder: "Socialnämnden", protection: "passphrase" },
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/PRIVATE KEY/);
    const text = serialize(adjustedSample());
    expect(
      await h.signSeal({ text, key: created.fingerprint, passphrase: "fel fras 123" }),
    ).toEqual({ ok: false, error: "Fel lösenfras för nyckeln." });
    const r = await h.signSeal({ text, key: created.fingerprint, passphrase: PASS });
    if (!r.ok) throw new Error(r.error);
    expect(r).toMatchObject({ fingerprint: created.fingerprint, holder: "Socialnämnden" });
    expect(r.text).not.toMatch(/PRIVATE KEY/);
    const back = parse(r.text);
    expect(
      back.ok && checkSeal(back.file, JSON.parse(r.text), new Set([created.fingerprint])).result,
    ).toBe("signed");
  });

  it("refuse signing where the host has no key store, with a Swedish message", async () => {
    const none = createHandlers({ ...workspaceHostEnv(workspace("c-ws")), sealKeys: null });
    expect(await none.listSealKeys({})).toMatchObject({ ok: true, canSign: false });
    expect(
      await none.signSeal({
        text: serialize(adjustedSample()),
        key: "0".repeat(32),
        passphrase: PASS,
      }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Signering av justeringar är inte tillgänglig här/),
    });
  });
});

describe("the web host", () => {
  it("signs with the owner's keys from the settings folder, over HTTP with the token, and not when that folder is inside the workspace", async () => {
    const settings = join(dir, "owner-settings");
    process.env.PROTOKOLL_CONFIG_DIR = settings;
    const host = await startWebHost({ workspace: join(dir, "web-ws") });
    const base = new URL(host.url).origin;
    const call = (channel: string, body: unknown, token = host.token) =>
      fetch(`${base}/api/${channel}`, {
        method: "POST",
        headers: { "content-type": "application/json", [TOKEN_HEADER]: token },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    try {
      const created = await call("createSealKey", { holder: "Ägaren", passphrase: PASS });
      expect(created.body).toMatchObject({ ok: true, holder: "Ägaren" });
      expect(readdirSync(join(settings, "keys"))).toHaveLength(1);
      expect(readdirSync(join(dir, "web-ws")).filter((n) => n.endsWith(".json"))).toEqual([]);
      expect(
        (
          await call(
            "signSeal",
            { text: serialize(adjustedSample()), key: created.body.fingerprint, passphrase: PASS },
            "x".repeat(48),
          )
        ).status,
      ).toBe(401);
      const signed = await call("signSeal", {
        text: serialize(adjustedSample()),
        key: created.body.fingerprint,
        passphrase: PASS,
      });
      expect(signed.body.ok).toBe(true);
      const back = parse(signed.body.text);
      expect(back.ok && verifySeal(back.file).ok && back.file.meta.seal?.signature?.key).toBe(
        created.body.fingerprint,
      );
    } finally {
      await host.close();
    }
    process.env.PROTOKOLL_CONFIG_DIR = join(dir, "web-ws2", "installningar");
    const inside = await startWebHost({ workspace: join(dir, "web-ws2") });
    try {
      const r = await fetch(`${new URL(inside.url).origin}/api/listSealKeys`, {
        method: "POST",
        headers: { "content-type": "application/json", [TOKEN_HEADER]: inside.token },
        body: "{}",
      });
      expect(await r.json()).toMatchObject({ ok: true, canSign: false });
    } finally {
      await inside.close();
      delete process.env.PROTOKOLL_CONFIG_DIR;
    }
  });
});

describe("Electron's safeStorage as the key's protection", () => {
  it("protects a key where the platform has a keyring, and asks for a passphrase on Linux without one", async () => {
    const { safeStorageProtection } = await import("../electron/safeStorageProtection.js");
    const store = new SealKeyStore(join(dir, "ss-keys"), safeStorageProtection("linux"));
    const k = await store.create("Sekreteraren", null);
    expect(k.protection).toBe("platform");
    expect((await store.unlock(k.fingerprint, null)).info.fingerprint).toBe(k.fingerprint);
    backend = "basic_text";
    expect(await safeStorageProtection("linux").available()).toBe(false);
    await expect(store.create("Sekreteraren", null)).rejects.toThrow(/ange en lösenfras/);
    expect(await safeStorageProtection("darwin").available()).toBe(true);
  });
});
