/**
 * Read a `.protokoll` file for opening. Refuses, with a Swedish message, anything that is not a
 * well-formed document: a missing file, a folder, a file over the size limit (checked before it is
 * read), binary or non-UTF-8 content, a PDF or Word file (which should be imported), and anything
 * `parse` rejects. The file is opened read-only: it is never modified, whatever it contains.
 */
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import { MAX_FILE_BYTES, parse } from "../../schemas/file.js";

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

const MB = 1024 * 1024;

export async function readDocumentFile(path: string): Promise<ReadResult> {
  const name = basename(path);
  // Look before opening: a named pipe or a device would block or never end.
  const before = await stat(path).catch((e: unknown) => e as NodeJS.ErrnoException);
  if (before instanceof Error) return { ok: false, error: openError(name, before) };
  if (before.isDirectory()) return { ok: false, error: `”${name}” är en mapp, inte ett dokument.` };
  if (!before.isFile()) return { ok: false, error: `”${name}” är inte en vanlig fil.` };
  let handle;
  try {
    // Read-only, and non-blocking in case the file was swapped for a pipe since the look.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, error: openError(name, e) };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, error: `”${name}” är en mapp, inte ett dokument.` };
    if (!info.isFile()) return { ok: false, error: `”${name}” är inte en vanlig fil.` };
    if (info.size > MAX_FILE_BYTES)
      return {
        ok: false,
        error: `”${name}” är för stor för att öppnas (${Math.round(info.size / MB)} MB, högst ${MAX_FILE_BYTES / MB} MB).`,
      };
    const bytes = await handle.readFile();
    const foreign = foreignKind(bytes);
    if (foreign) return { ok: false, error: `”${name}” är ${foreign}, inte ett protokolldokument. Använd Arkiv → Importera för att läsa in den.` };
    if (bytes.includes(0)) return { ok: false, error: `”${name}” är inte en textfil (binärt innehåll) och kan inte öppnas som protokolldokument.` };
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, error: `”${name}” är inte sparad som UTF-8-text och kan inte öppnas som protokolldokument.` };
    }
    const parsed = parse(text);
    if (!parsed.ok) {
      const shown = parsed.errors.slice(0, 3).map((err) => (err.path ? `${err.path}: ${err.message}` : err.message));
      const more = parsed.errors.length > 3 ? ` (och ${parsed.errors.length - 3} fel till)` : "";
      return { ok: false, error: `”${name}” kan inte öppnas: ${shown.join("; ")}${more}` };
    }
    return { ok: true, text };
  } catch (e) {
    return { ok: false, error: `”${name}” kunde inte läsas: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function openError(name: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return `Filen ”${name}” finns inte.`;
  if (code === "EACCES" || code === "EPERM") return `Du har inte behörighet att läsa ”${name}”.`;
  if (code === "EISDIR") return `”${name}” är en mapp, inte ett dokument.`;
  return `”${name}” kunde inte öppnas: ${e instanceof Error ? e.message : String(e)}`;
}

/** Recognise the files secretaries most often pick by mistake, from their first bytes. */
function foreignKind(bytes: Uint8Array): string | null {
  const starts = (s: string) => bytes.length >= s.length && [...s].every((c, i) => bytes[i] === c.charCodeAt(0));
  if (starts("%PDF")) return "en PDF-fil";
  if (starts("PK\u0003\u0004")) return "en Word-fil eller ett zip-arkiv";
  if (starts("\u00d0\u00cf\u0011\u00e0")) return "en äldre Office-fil";
  if (starts("{\\rtf")) return "en RTF-fil";
  return null;
}
