/**
 * Reading a `.protokoll` file for a CLI command: every way it can fail becomes lines of English /
 * Swedish text for the user (the commands exit 2 with them); the file is only read.
 */
import { readFile, stat } from "node:fs/promises";
import { MAX_FILE_BYTES, parse, type ProtokollFile } from "../../schemas/file.js";

export type ReadProtocol = { ok: true; file: ProtokollFile; text: string } | { ok: false; lines: string[] };

export async function readProtocolFile(path: string): Promise<ReadProtocol> {
  const fail = (line: string): ReadProtocol => ({ ok: false, lines: [line] });
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return fail(`File not found / Filen finns inte: ${path}`);
    if (code === "EACCES" || code === "EPERM") return fail(`Permission denied / Behörighet saknas: ${path}`);
    return fail(`Cannot open / Kan inte öppnas: ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (info.isDirectory()) return fail(`Is a folder, not a file / Är en mapp, inte en fil: ${path}`);
  if (info.size > MAX_FILE_BYTES) return fail(`File too large / Filen är för stor: ${path}`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM") return fail(`Permission denied / Behörighet saknas: ${path}`);
    return fail(`Cannot read (not UTF-8 text?) / Kan inte läsas (inte UTF-8-text?): ${path}`);
  }
  const parsed = parse(text);
  if (!parsed.ok)
    return {
      ok: false,
      lines: [`Not a readable protocol file / Inte en läsbar protokollfil: ${path}`, ...parsed.errors.slice(0, 10).map((e) => `  ${e.path ? `${e.path}: ` : ""}${e.message}`)],
    };
  return { ok: true, file: parsed.file, text };
}
