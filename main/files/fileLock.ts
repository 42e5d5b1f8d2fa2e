/**
 * "Someone else has this document open": a lock file `<document>.lock` beside the document, so a
 * document open for writing in one window (or on another computer sharing the folder) is opened
 * read-only elsewhere. The lock says who holds it (pid, host, owner, time) and is created with
 * O_EXCL, so of two windows opening at the same moment exactly one gets it.
 *
 * A lock is stale — and taken over — when its process no longer runs on this computer, when it is
 * older than STALE_AFTER_HOURS (a crashed program on another computer), or when it is unreadable
 * and more than a few seconds old (the holder died while writing it).
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { open, readFile, stat, unlink } from "node:fs/promises";

export const STALE_AFTER_HOURS = 12;
const UNREADABLE_GRACE_MS = 10_000;

interface LockInfo {
  pid: number;
  host: string;
  owner: string;
  time: string;
  token: string;
}

export type LockResult =
  { ok: true; release(): Promise<void> } | { ok: false; error: string; heldBy: string };

export const lockPathOf = (path: string) => `${path}.lock`;

export async function acquireLock(path: string, owner: string): Promise<LockResult> {
  const lockPath = lockPathOf(path);
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    owner,
    time: new Date().toISOString(),
    token: randomBytes(8).toString("hex"),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const h = await open(lockPath, "wx", 0o644);
      try {
        await h.writeFile(JSON.stringify(info), "utf8");
        await h.sync();
      } finally {
        await h.close();
      }
      return { ok: true, release: () => release(lockPath, info.token) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EEXIST")
        // A read-only folder or medium: nobody can write here, so nobody needs a lock; say why.
        return {
          ok: false,
          error: `Dokumentet kunde inte låsas för redigering: ${(e as Error).message}`,
          heldBy: "",
        };
    }
    const held = await readLock(lockPath);
    if (held === "gone") continue;
    if (held === "unreadable" || isStale(held)) {
      await unlink(lockPath).catch(() => undefined);
      continue;
    }
    const heldBy = describe(held);
    return {
      ok: false,
      error: `Dokumentet är redan öppet för redigering av ${heldBy}. Det öppnas skrivskyddat.`,
      heldBy,
    };
  }
  return {
    ok: false,
    error: "Dokumentet kunde inte låsas för redigering (låsfilen ändras hela tiden).",
    heldBy: "",
  };
}

async function readLock(
  lockPath: string,
): Promise<LockInfo | "gone" | "unreadable" | "fresh-unreadable"> {
  let text: string;
  try {
    text = await readFile(lockPath, "utf8");
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? "gone" : "unreadable";
  }
  try {
    const raw = JSON.parse(text) as Partial<LockInfo>;
    if (typeof raw.pid === "number" && typeof raw.host === "string" && typeof raw.time === "string")
      return {
        pid: raw.pid,
        host: raw.host,
        owner: String(raw.owner ?? ""),
        time: raw.time,
        token: String(raw.token ?? ""),
      };
  } catch {
    // fall through
  }
  // Being written right now by its holder, or left half-written by a crash.
  const info = await stat(lockPath).catch(() => null);
  if (!info) return "gone";
  return Date.now() - info.mtimeMs > UNREADABLE_GRACE_MS ? "unreadable" : "fresh-unreadable";
}

function isStale(held: LockInfo | "fresh-unreadable"): boolean {
  if (held === "fresh-unreadable") return false;
  const age = Date.now() - Date.parse(held.time);
  if (!(age < STALE_AFTER_HOURS * 3600_000)) return true; // also an unparseable time
  if (held.host === hostname()) return !processRuns(held.pid);
  return false;
}

function processRuns(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function describe(held: LockInfo | "fresh-unreadable"): string {
  if (held === "fresh-unreadable") return "ett annat fönster";
  const when = held.time.slice(0, 16).replace("T", " ");
  const who = held.owner ? `${held.owner} ` : "";
  return `${who}på datorn ${held.host} (process ${held.pid}, sedan ${when} UTC)`;
}

/** Remove the lock only if it is still ours (it may have been taken over as stale). */
async function release(lockPath: string, token: string): Promise<void> {
  try {
    const raw = JSON.parse(await readFile(lockPath, "utf8")) as Partial<LockInfo>;
    if (raw.token === token) await unlink(lockPath);
  } catch {
    // already gone or not ours
  }
}
