/**
 * Write an exported file: never over the document it came from, and atomically (a temporary
 * file in the same folder renamed into place), so an interrupted export leaves no half file.
 */
import { randomBytes } from "node:crypto";
import { realpath, rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

async function canonical(path: string): Promise<string> {
  const abs = resolve(path);
  try {
    return await realpath(abs);
  } catch {
    // The file does not exist yet: resolve its folder instead.
    try {
      return join(await realpath(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/** True when `output` names the same file as `input` (after links and relative paths). */
export async function isSameFile(input: string, output: string): Promise<boolean> {
  return (await canonical(input)) === (await canonical(output));
}

export async function writeOutput(path: string, bytes: Uint8Array, input?: string): Promise<void> {
  if (input && (await isSameFile(input, path)))
    throw new Error(
      `Exporten skulle skriva över dokumentet självt (${basename(path)}); välj ett annat filnamn.`,
    );
  const tmp = join(
    dirname(resolve(path)),
    `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`,
  );
  await writeFile(tmp, bytes, { flag: "wx" });
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
