import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { serialize } from "../../schemas/file.js";
import { adjustedSample } from "../../schemas/review/sampleProtocol.testkit.js";
import { runCapturing } from "./runCapturing.js";

const dir = mkdtempSync(join(tmpdir(), "protokoll-keys-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const pass = file("lösenfras.txt", "lösenfras för nämnden\n");
const keys = (...args: string[]) => runCapturing(["keys", ...args]);
const fingerprintIn = (out: string) => /([0-9a-f]{4}(?: [0-9a-f]{4}){7})/.exec(out)?.[1] ?? "";

let n = 0;
beforeEach(() => {
  process.env.PROTOKOLL_CONFIG_DIR = join(dir, `installningar-${++n}`);
});

describe("protokoll keys", () => {
  it("creates a key, lists it, signs a justerad file with it, after which verify accepts the file", async () => {
    const created = await keys("create", "--holder", "Socialnämnden", "--passphrase-file", pass);
    expect(created.code).toBe(0);
    const fp = fingerprintIn(created.out);
    expect(created.out).toContain(`Created key / Nyckel skapad: ${fp} (Socialnämnden)`);
    expect((await keys("list")).out).toContain(
      `${fp}  Socialnämnden  (own key / egen nyckel, passphrase / lösenfras`,
    );
    const doc = file("justerat.protokoll", serialize(adjustedSample()));
    expect((await runCapturing(["verify", doc])).code).toBe(1);
    const wrong = file("fel.txt", "inte rätt lösenfras\n");
    expect(await keys("sign", doc, "--key", fp, "--passphrase-file", wrong)).toMatchObject({
      code: 1,
      err: "Fel lösenfras för nyckeln (wrong passphrase).",
    });
    const s = await keys("sign", doc, "--key", fp, "--passphrase-file", pass);
    expect(s.code).toBe(0);
    const v = await runCapturing(["verify", doc]);
    expect(v.code).toBe(0);
    expect(v.out).toContain(`signed by key ${fp} (Socialnämnden)`);
    expect((await keys("sign", doc, "--key", fp, "--passphrase-file", pass)).err).toContain(
      "Sigillet är redan signerat.",
    );
  });

  it("exports a key to a new file only, and another secretary imports it and signs with the same fingerprint", async () => {
    const fp = fingerprintIn(
      (await keys("create", "--holder", "Kommunstyrelsen", "--passphrase-file", pass)).out,
    );
    const out = join(dir, "nyckel.pem");
    expect((await keys("export", fp, "-o", out, "--passphrase-file", pass)).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    const again = await keys("export", fp, "-o", out, "--passphrase-file", pass);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^Will not write over an existing file or link/);
    symlinkSync(join(dir, "mål.txt"), join(dir, "länk.pem"));
    expect(
      (await keys("export", fp, "-o", join(dir, "länk.pem"), "--passphrase-file", pass)).code,
    ).toBe(2);
    process.env.PROTOKOLL_CONFIG_DIR = join(dir, "annan-dator");
    const imported = await keys("import", out, "--passphrase-file", pass);
    expect(imported).toMatchObject({
      code: 0,
      out: `Imported / Importerad: ${fp} (Kommunstyrelsen)`,
    });
    const doc = file("ks.protokoll", serialize(adjustedSample()));
    expect((await keys("sign", doc, "--key", fp, "--passphrase-file", pass)).code).toBe(0);
  });

  it("trusts a published fingerprint for verify", async () => {
    const fp = fingerprintIn(
      (await keys("create", "--holder", "Grannkommunen", "--passphrase-file", pass)).out,
    );
    const doc = file("grannen.protokoll", serialize(adjustedSample()));
    await keys("sign", doc, "--key", fp, "--passphrase-file", pass);
    process.env.PROTOKOLL_CONFIG_DIR = join(dir, "lasare");
    expect((await runCapturing(["verify", doc])).out).toMatch(/^UNTRUSTED KEY/);
    expect((await keys("trust", fp, "--holder", "Grannkommunen")).code).toBe(0);
    expect((await runCapturing(["verify", doc])).code).toBe(0);
    expect((await keys("list")).out).toContain(`${fp}  (trusted / betrodd)`);
  });

  it("says what is wrong with bad usage (exit 2) and a missing passphrase (exit 1), in English and Swedish", async () => {
    expect((await keys()).code).toBe(2);
    expect((await keys("create")).err).toMatch(
      /^Name the holder with --holder \/ Ange innehavaren med --holder/,
    );
    expect((await keys("export", "xyz", "-o", join(dir, "x.pem"))).code).toBe(2);
    expect((await keys("bogus")).err).toMatch(
      /Unknown keys command \/ Okänt nyckelkommando: bogus/,
    );
    delete process.env.PROTOKOLL_PASSPHRASE;
    const noPass = await keys("create", "--holder", "X");
    // Tests run without a terminal: no prompt, a clear refusal.
    expect(noPass).toMatchObject({ code: 1, err: expect.stringContaining("Ingen lösenfras") });
  });
});
