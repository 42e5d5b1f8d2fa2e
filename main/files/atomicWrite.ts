/**
 * Atomic save: a document on disk is always either the previous version or the new one, never a
 * mixture, whatever moment the program (or the machine) stops.
 *
 * 1. write `<dir>/.<name>.<random>.tmp` (created exclusively, same folder so rename stays atomic);
 * 2. flush it to the disk (fsync);
 * 3. keep the version on disk as `<name>.bak` (hard link where the file system allows it, else copy);
 * 4. rename the temporary file over the document;
 * 5. flush the folder so the rename itself survives a power cut.
 */
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, open, readdir, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export interface AtomicWriteOptions {
  /** Keep the version being replaced as `<name>.bak` (default true). */
  backup?: boolean;
}

export async function atomicWrite(
  path: string,
  text: string,
  options?: AtomicWriteOptions,
): Promise<void> {
  const target = await resolveTarget(path);
  const dir = dirname(target);
  const name = basename(target);
  const tmp = join(dir, `.${name}.${randomBytes(6).toString("hex")}.tmp`);

  const previous = await stat(target).catch(() => null);
  if (previous && !previous.isFile())
    throw new Error(`”${name}” är inte en vanlig fil och kan inte skrivas över.`);

  const handle = await open(
    tmp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
    previous ? previous.mode & 0o777 : 0o644,
  );
  try {
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (previous && options?.backup !== false) await keepBackup(target, join(dir, `${name}.bak`));
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncFolder(dir);
  await removeStaleTemporaries(dir, name);
}

/**
 * Temporary files untouched for longer than this were left by a save that was interrupted (crash,
 * power cut, kill): a save writes its temporary file in one go (at most MAX_FILE_BYTES), flushes
 * it and renames it at once, so a live one is never a minute old.
 */
export const STALE_TEMPORARY_MS = 60 * 1000;

/**
 * Remove the temporary files interrupted saves of the document at `path` left behind (its own and
 * those of its `.bak`). Called after every save and when the document is opened. Best effort.
 */
export async function removeOrphanTemporaries(path: string): Promise<void> {
  await removeStaleTemporaries(dirname(path), basename(path));
}

/**
 * Remove `.<name>.<random>.tmp` files that an interrupted save of this document left behind. Only
 * old ones: a fresh one may belong to a save in progress in another window. Best effort.
 */
async function removeStaleTemporaries(dir: string, name: string): Promise<void> {
  try {
    const prefixes = [`.${name}.`, `.${name}.bak.`];
    for (const entry of await readdir(dir)) {
      if (!entry.endsWith(".tmp") || !prefixes.some((p) => entry.startsWith(p))) continue;
      if (!/^[0-9a-f]{12}\.tmp$/.test(entry.slice(entry.lastIndexOf(".", entry.length - 5) + 1)))
        continue;
      const path = join(dir, entry);
      const info = await stat(path).catch(() => null);
      if (info?.isFile() && Date.now() - info.mtimeMs > STALE_TEMPORARY_MS)
        await unlink(path).catch(() => undefined);
    }
  } catch {
    // a folder we cannot list: nothing to clean
  }
}

/** Write through a symbolic link to the file it points to, so the link itself is kept. */
async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path; // a new file: nothing to resolve
  }
}

/**
 * The previous version becomes `<name>.bak`. A hard link to it is made under a temporary name and
 * renamed over the old backup, so the backup too is always a complete file.
 */
export async function keepBackup(target: string, bak: string): Promise<void> {
  const tmp = join(dirname(bak), `.${basename(bak)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await link(target, tmp);
  } catch {
    // File systems without hard links (FAT, some network shares): copy and flush instead.
    await copyFile(target, tmp, constants.COPYFILE_EXCL);
    const h = await open(tmp, "r+");
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  }
  try {
    await rename(tmp, bak);
  } finally {
    // When two saves run at once the backup may already be this very file (a hard link to the
    // same inode), and then rename does nothing and leaves the temporary name behind (POSIX).
    await unlink(tmp).catch(() => undefined);
  }
}

/** Flush the folder entry (Linux, macOS). Windows cannot open a folder for this; NTFS journals renames. */
async function syncFolder(dir: string): Promise<void> {
  let h;
  try {
    h = await open(dir, "r");
    await h.sync();
  } catch {
    // not supported on this platform or file system
  } finally {
    await h?.close();
  }
}
