import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "../../schemas/file.js";
import { atomicWrite } from "./atomicWrite.js";
import { RecoveryStore } from "./recovery.js";
import { protocolText } from "./testDocuments.testkit.js";

const here = fileURLToPath(new URL(".", import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "protokoll-atomic-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The save number written into the first § title: "Sparning 17". */
const saveNumber = (text: string): number => {
  const r = parse(text);
  if (!r.ok)
    throw new Error(
      `the file on disk does not parse: ${r.errors.map((e) => e.message).join("; ")}`,
    );
  const title = r.file.doc.firstChild!.firstChild!.textContent;
  const m = /^Sparning (\d+)/.exec(title);
  if (!m) throw new Error(`unexpected title ${title}`);
  return Number(m[1]);
};

describe("atomicWrite", () => {
  it("writes the new text and keeps the previous version as .bak", async () => {
    const file = join(dir, "möte.protokoll");
    await atomicWrite(file, "första");
    expect(existsSync(`${file}.bak`)).toBe(false);
    await atomicWrite(file, "andra");
    await atomicWrite(file, "tredje");
    expect(await readFile(file, "utf8")).toBe("tredje");
    expect(await readFile(`${file}.bak`, "utf8")).toBe("andra");
    expect((await readdir(dir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("leaves no backup when asked not to, and keeps the file's permissions", async () => {
    const file = join(dir, "utan-backup.protokoll");
    await writeFile(file, "gammal", { mode: 0o600 });
    await atomicWrite(file, "ny", { backup: false });
    expect(existsSync(`${file}.bak`)).toBe(false);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("writes through a symbolic link and keeps the link", async () => {
    const real = join(dir, "verklig.protokoll");
    const alias = join(dir, "genväg.protokoll");
    await writeFile(real, "gammal");
    await symlink(real, alias);
    await atomicWrite(alias, "ny");
    expect(await readFile(real, "utf8")).toBe("ny");
    expect((await stat(alias)).isFile()).toBe(true);
    expect(await readFile(alias, "utf8")).toBe("ny");
  });

  it("refuses to write over a folder and leaves it alone", async () => {
    const folder = join(dir, "mapp.protokoll");
    await import("node:fs/promises").then((fs) => fs.mkdir(folder));
    await expect(atomicWrite(folder, "x")).rejects.toThrow(/inte en vanlig fil/);
    expect((await stat(folder)).isDirectory()).toBe(true);
  });

  it("clears away old temporary files an interrupted save left behind, but not fresh ones", async () => {
    const file = join(dir, "städning.protokoll");
    const old = join(dir, ".städning.protokoll.0123456789ab.tmp");
    const oldBak = join(dir, ".städning.protokoll.bak.0123456789ab.tmp");
    const fresh = join(dir, ".städning.protokoll.ba9876543210.tmp");
    const other = join(dir, ".annat.protokoll.0123456789ab.tmp");
    for (const f of [old, oldBak, fresh, other]) await writeFile(f, "halv");
    const longAgo = new Date(Date.now() - 2 * 3600_000);
    for (const f of [old, oldBak, other]) await utimes(f, longAgo, longAgo);
    await atomicWrite(file, "hel");
    expect([existsSync(old), existsSync(oldBak), existsSync(fresh), existsSync(other)]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it("fails without touching the document when the folder does not exist", async () => {
    await expect(atomicWrite(join(dir, "saknas", "x.protokoll"), "x")).rejects.toThrow();
  });
});

/**
 * The crash test. A child process saves a document (and autosaves unsaved work) in a loop; the
 * test kills it with SIGKILL at a random moment, 200+ times. Every time, the document on disk must
 * parse and be the last finished save or the one in progress — never a mixture or a truncation.
 */
describe("saving survives being killed at any moment", () => {
  const KILLS = 210;
  const LANES = 2; // two children at a time, on two documents, to keep the run short

  const childSource = `
import { writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
const { atomicWrite } = await import(${JSON.stringify(pathToFileURL(join(here, "atomicWrite.ts")).href)});
const { RecoveryStore } = await import(${JSON.stringify(pathToFileURL(join(here, "recovery.ts")).href)});
const [target, template, recoveryDir, startArg] = process.argv.slice(2);
const base = await readFile(template, "utf8");
const store = new RecoveryStore(recoveryDir);
for (let n = Number(startArg); ; n++) {
  // A different length every time, so a half-written file could not pass for a whole one.
  const text = base.replace("Sparning 0", "Sparning " + n + " " + "x".repeat((n * 7919) % 3000));
  writeSync(1, "B " + n + "\\n");
  await atomicWrite(target, text);
  writeSync(1, "D " + n + "\\n");
  await store.autosave("doc", target, text.replace("Sparning " + n, "Osparad " + n));
  writeSync(1, "A " + n + "\\n");
}
`;

  /** Run one child from save number `start`, kill it after a random delay; what it said it did. */
  function runAndKill(
    target: string,
    template: string,
    recoveryDir: string,
    start: number,
    script: string,
  ) {
    return new Promise<{ begun: number; done: number; autosaved: number }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", script, target, template, recoveryDir, String(start)],
        {
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let out = "";
      let err = "";
      let timer: NodeJS.Timeout | undefined;
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (!timer && out.includes("B "))
          timer = setTimeout(() => child.kill("SIGKILL"), Math.random() * 40);
      });
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      child.on("error", reject);
      child.on("exit", (_code, signal) => {
        clearTimeout(timer);
        if (signal !== "SIGKILL") return reject(new Error(`child ended by itself: ${err}`));
        const last = (tag: string) => {
          const ns = [...out.matchAll(new RegExp(`^${tag} (\\d+)$`, "gm"))].map((m) =>
            Number(m[1]),
          );
          return ns.length ? ns[ns.length - 1]! : -1;
        };
        resolve({ begun: last("B"), done: last("D"), autosaved: last("A") });
      });
    });
  }

  // Bounded by the number of kills, not by time: each kill starts a fresh Node process (with tsx),
  // which takes 0.3 s on an idle machine and several seconds on a loaded one. The timeout is only a
  // guard against a hang — 20 minutes, far above the ≈ 1–4 minutes the test takes — so a slow
  // machine never fails it.
  it(
    `keeps the document whole through ${KILLS} kills, and autosave restores the unsaved text`,
    { timeout: 20 * 60_000 },
    async () => {
      const script = join(dir, "save-loop.mts");
      await writeFile(script, childSource);
      const stats = { kills: 0, midSave: 0 };

      const lane = async (laneNo: number, kills: number) => {
        const target = join(dir, `krasch-${laneNo}.protokoll`);
        const template = join(dir, `mall-${laneNo}.json`);
        const recoveryDir = join(dir, `recovery-${laneNo}`);
        const base = protocolText("Sparning 0", 60); // about 200 kB
        await writeFile(template, base);
        await atomicWrite(target, base);
        let onDisk = 0;
        for (let k = 0; k < kills; k++) {
          const r = await runAndKill(target, template, recoveryDir, onDisk + 1, script);
          const text = await readFile(target, "utf8");
          const n = saveNumber(text); // throws if the file does not parse
          const lastFinished = r.done >= 0 ? r.done : onDisk;
          expect([lastFinished, r.begun]).toContain(n);
          if (r.begun > r.done) stats.midSave++;
          if (existsSync(`${target}.bak`))
            expect(saveNumber(await readFile(`${target}.bak`, "utf8"))).toBeLessThanOrEqual(n);

          // Autosave: the unsaved text of the last finished autosave (or of the one in progress) comes back.
          const entries = await new RecoveryStore(recoveryDir).list();
          if (r.autosaved >= 0 || entries.length) {
            const restored = await new RecoveryStore(recoveryDir).restore("doc");
            expect(restored).not.toBeNull();
            expect(restored!.path).toBe(target);
            const m = /"Osparad (\d+)/.exec(restored!.text);
            expect(m).not.toBeNull();
            expect(Number(m![1])).toBeGreaterThanOrEqual(r.autosaved);
            expect(parse(restored!.text).ok).toBe(true);
            expect(entries[0]!.title).toMatch(/^Osparad \d+/);
          }
          onDisk = n;
          stats.kills++;
        }
      };
      await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i, Math.ceil(KILLS / LANES))));
      expect(stats.kills).toBeGreaterThanOrEqual(200);
      // The kills must really land inside saves for the test to mean anything.
      expect(stats.midSave).toBeGreaterThan(stats.kills / 4);
    },
  );
});

describe("orphan temporary files (issue 13, item 7)", () => {
  it("parallel saves of one document leave no temporary files behind", async () => {
    const file = join(dir, "parallellt.protokoll");
    await writeFile(file, protocolText("Sparning 0"));
    for (let round = 0; round < 5; round++)
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          atomicWrite(file, protocolText(`Sparning ${round * 12 + i + 1}`)),
        ),
      );
    expect(
      (await readdir(dir)).filter((n) => n.startsWith(".parallellt.") && n.endsWith(".tmp")),
    ).toEqual([]);
    expect(saveNumber(await readFile(file, "utf8"))).toBeGreaterThan(48);
  });

  it("opening a document clears what a killed save left behind a minute ago", async () => {
    const { createHandlers } = await import("../host/createHandlers.js");
    const file = join(dir, "dodad.protokoll");
    await writeFile(file, protocolText("Dödad"));
    const partial = join(dir, ".dodad.protokoll.0123456789ab.tmp");
    const partialBak = join(dir, ".dodad.protokoll.bak.ba9876543210.tmp");
    for (const f of [partial, partialBak]) await writeFile(f, '{"format":"proto');
    const twoMinutesAgo = new Date(Date.now() - 2 * 60_000);
    for (const f of [partial, partialBak]) await utimes(f, twoMinutesAgo, twoMinutesAgo);
    const handlers = createHandlers({
      resolve: (p) => p,
      chooseOpenPath: async () => null,
      chooseSavePath: async () => null,
      chooseImportPath: async () => null,
      listFiles: async () => [],
      recoveryDir: join(dir, "recovery-dodad"),
      setDocumentState: async () => undefined,
    });
    expect(await handlers.openFile({ path: file })).toMatchObject({ ok: true });
    expect([existsSync(partial), existsSync(partialBak)]).toEqual([false, false]);
  });
});
