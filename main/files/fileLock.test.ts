import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLock, lockPathOf } from "./fileLock.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "protokoll-lock-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const doc = (name: string) => join(dir, name);
const writeLock = (path: string, info: object) => writeFile(lockPathOf(path), JSON.stringify(info));

describe("the document lock", () => {
  it("lets one window hold a document and tells a second one who has it", async () => {
    const first = await acquireLock(doc("a.protokoll"), "Fönster 1");
    expect(first.ok).toBe(true);
    const info = JSON.parse(await readFile(lockPathOf(doc("a.protokoll")), "utf8"));
    expect(info).toMatchObject({ pid: process.pid, host: hostname(), owner: "Fönster 1" });

    const second = await acquireLock(doc("a.protokoll"), "Fönster 2");
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.heldBy).toContain("Fönster 1");
      expect(second.error).toMatch(/redan öppet för redigering av Fönster 1 .*skrivskyddat/);
    }
    if (first.ok) await first.release();
    expect(existsSync(lockPathOf(doc("a.protokoll")))).toBe(false);
    const third = await acquireLock(doc("a.protokoll"), "Fönster 2");
    expect(third.ok).toBe(true);
    if (third.ok) await third.release();
  });

  it("gives the lock to exactly one of many who ask at the same moment", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => acquireLock(doc("b.protokoll"), `F${i}`)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("takes over a lock whose process has died", async () => {
    const dead = spawn(process.execPath, ["-e", ""]);
    const pid = dead.pid!;
    await new Promise((r) => dead.on("exit", r));
    await writeLock(doc("c.protokoll"), {
      pid,
      host: hostname(),
      owner: "kraschat",
      time: new Date().toISOString(),
      token: "x",
    });
    const r = await acquireLock(doc("c.protokoll"), "nytt");
    expect(r.ok).toBe(true);
    expect(JSON.parse(await readFile(lockPathOf(doc("c.protokoll")), "utf8")).owner).toBe("nytt");
  });

  it("respects a lock held by a running process on another computer, until it is old", async () => {
    const fresh = {
      pid: 1,
      host: "annan-dator",
      owner: "Eva",
      time: new Date().toISOString(),
      token: "x",
    };
    await writeLock(doc("d.protokoll"), fresh);
    const r = await acquireLock(doc("d.protokoll"), "jag");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.heldBy).toMatch(/Eva på datorn annan-dator/);

    await writeLock(doc("d.protokoll"), {
      ...fresh,
      time: new Date(Date.now() - 13 * 3600_000).toISOString(),
    });
    expect((await acquireLock(doc("d.protokoll"), "jag")).ok).toBe(true);
  });

  it("waits for a half-written lock file, then treats it as stale", async () => {
    await writeFile(lockPathOf(doc("e.protokoll")), "");
    expect((await acquireLock(doc("e.protokoll"), "jag")).ok).toBe(false);
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPathOf(doc("e.protokoll")), old, old);
    expect((await acquireLock(doc("e.protokoll"), "jag")).ok).toBe(true);
  });

  it("does not remove a lock another window took over after ours went stale", async () => {
    const mine = await acquireLock(doc("f.protokoll"), "jag");
    expect(mine.ok).toBe(true);
    await writeLock(doc("f.protokoll"), {
      pid: process.pid,
      host: hostname(),
      owner: "annan",
      time: new Date().toISOString(),
      token: "deras",
    });
    if (mine.ok) await mine.release();
    expect(JSON.parse(await readFile(lockPathOf(doc("f.protokoll")), "utf8")).owner).toBe("annan");
  });

  it("explains why a document in a read-only place cannot be locked", async () => {
    const r = await acquireLock(join(dir, "saknad-mapp", "g.protokoll"), "jag");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/kunde inte låsas/);
  });
});
