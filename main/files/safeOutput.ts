/**
 * Writing a file the command line was told to write (`import -o`, `export --pdf/--docx`), so that
 * a name given on the command line can never be used to write somewhere else (issue 13, item 5):
 *
 * - only a new name or an existing regular file is written — a symbolic link, a device
 *   (/dev/full), a named pipe or a folder is refused, never followed or replaced;
 * - the data goes to a temporary file created exclusively in the same folder (O_EXCL, O_NOFOLLOW),
 *   flushed, then linked (new name: fails if the name appeared meanwhile) or renamed into place
 *   (replacing: rename replaces the directory entry itself and never writes through a link);
 * - the output is never the input file (after links and relative paths).
 */
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { link, lstat, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { isSameFile } from "../export/writeOutput.js";
import { keepBackup } from "./atomicWrite.js";

class OutputRefused extends Error {}

/** What is at `path` now: nothing, a regular file, or a refusal in English and Swedish. */
async function existing(path: string): Promise<"none" | "file"> {
  const info = await lstat(path).catch((e: NodeJS.ErrnoException) =>
    e.code === "ENOENT" ? null : Promise.reject(e),
  );
  if (!info) return "none";
  if (info.isSymbolicLink())
    throw new OutputRefused(
      `Is a symbolic link, not written through / Är en symbolisk länk och skrivs inte igenom: ${path}`,
    );
  if (!info.isFile())
    throw new OutputRefused(
      `Not a regular file, not replaced / Inte en vanlig fil och ersätts inte: ${path}`,
    );
  return "file";
}

export interface OutputOptions {
  /** Replace an existing regular file (otherwise "exists" is returned and nothing is written). */
  replace: boolean;
  /** When replacing, keep the previous version as `<name>.bak`. */
  backup?: boolean;
  /** The file the output was made from: never written over. */
  input?: string;
}

export async function writeOutputFile(
  path: string,
  data: string | Uint8Array,
  options: OutputOptions,
): Promise<"written" | "exists"> {
  const target = resolve(path);
  if (options.input && (await isSameFile(options.input, target)))
    throw new OutputRefused(
      `The output would replace the input / Utfilen skulle ersätta originalet: ${path}`,
    );
  const before = await existing(target);
  if (before === "file" && !options.replace) return "exists";

  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  const h = await open(
    tmp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
    0o644,
  );
  try {
    try {
      await h.writeFile(data);
      await h.sync();
    } finally {
      await h.close();
    }
    if (before === "none") {
      try {
        await link(tmp, target); // fails with EEXIST if the name was taken meanwhile
        return "written";
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") {
          if ((await existing(target)) === "file" && !options.replace) return "exists";
        } else if ((await existing(target)) === "file" && !options.replace) return "exists";
        // No hard links on this file system (or replacing after all): rename below.
      }
    } else {
      if ((await existing(target)) === "file" && options.backup)
        await keepBackup(target, join(dir, `${basename(target)}.bak`));
    }
    // Checked once more just before: a link or device put there meanwhile is refused.
    await existing(target);
    await rename(tmp, target);
    return "written";
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}
