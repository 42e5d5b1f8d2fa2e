/**
 * The revision of a document file: the SHA-256 (hex) of its bytes on disk. Every save names the
 * revision it was based on, so a save over a file that changed meanwhile (another tab or window,
 * the CLI, another program) is refused instead of silently replacing that change.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

export function revisionOf(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The revision of the file at `path` now, or null when there is no file. */
export async function currentRevision(path: string): Promise<string | null> {
  try {
    return revisionOf(await readFile(path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}
