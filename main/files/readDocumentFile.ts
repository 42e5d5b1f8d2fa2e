/**
 * Read a `.protokoll` file for opening. Refuses, with a Swedish message, anything that is not a
 * well-formed document: a missing file, a folder, a file over the size limit (checked before it is
 * read), binary or non-UTF-8 content, a PDF or Word file (which should be imported), and anything
 * `parse` rejects. The file is opened read-only: it is never modified, whatever it contains.
 */
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import { revisionOf } from "./revision.js";
import { MAX_FILE_BYTES, parse, type FileError, type ProtokollFile } from "../../schemas/file.js";

/** Why a file could not be opened, for callers that word it their own way (the CLI, in English and Swedish). */
export type ReadFailure =
  | "missing"
  | "denied"
  | "folder"
  | "not-a-file"
  | "too-large"
  | "foreign"
  | "binary"
  | "not-utf8"
  | "invalid"
  | "unreadable";

export type ReadResult =
  /** `revision`: the SHA-256 of the bytes read (main/files/revision.ts). */
  | { ok: true; text: string; file: ProtokollFile; revision: string }
  /** `error` in Swedish for the app; `errors` what `parse` found, for an invalid document. */
  | { ok: false; reason: ReadFailure; error: string; errors?: FileError[] };

const refuseRead = (reason: ReadFailure, error: string, errors?: FileError[]): ReadResult =>
  errors ? { ok: false, reason, error, errors } : { ok: false, reason, error };

const MB = 1024 * 1024;

export async function readDocumentFile(path: string): Promise<ReadResult> {
  const name = basename(path);
  // Look before opening: a named pipe or a device would block or never end.
  const before = await stat(path).catch((e: unknown) => e as NodeJS.ErrnoException);
  if (before instanceof Error) return openError(name, before);
  if (before.isDirectory()) return refuseRead("folder", `”${name}” är en mapp, inte ett dokument.`);
  if (!before.isFile()) return refuseRead("not-a-file", `”${name}” är inte en vanlig fil.`);
  let handle;
  try {
    // Read-only, and non-blocking in case the file was swapped for a pipe since the look.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return openError(name, e);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return refuseRead("folder", `”${name}” är en mapp, inte ett dokument.`);
    if (!info.isFile()) return refuseRead("not-a-file", `”${name}” är inte en vanlig fil.`);
    if (info.size > MAX_FILE_BYTES)
      return refuseRead(
        "too-large",
        `”${name}” är för stor för att öppnas (${Math.round(info.size / MB)} MB, högst ${MAX_FILE_BYTES / MB} MB).`,
      );
    const bytes = await handle.readFile();
    const foreign = foreignKind(bytes);
    if (foreign)
      return refuseRead(
        "foreign",
        `”${name}” är ${foreign}, inte ett protokolldokument. Använd Arkiv → Importera för att läsa in den.`,
      );
    if (bytes.includes(0))
      return refuseRead(
        "binary",
        `”${name}” är inte en textfil (binärt innehåll) och kan inte öppnas som protokolldokument.`,
      );
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return refuseRead(
        "not-utf8",
        `”${name}” är inte sparad som UTF-8-text och kan inte öppnas som protokolldokument.`,
      );
    }
    const parsed = parse(text);
    if (!parsed.ok) {
      const shown = parsed.errors
        .slice(0, 3)
        .map((err) => clip(err.path ? `${err.path}: ${err.message}` : err.message));
      const more = parsed.errors.length > 3 ? ` (och ${parsed.errors.length - 3} fel till)` : "";
      return refuseRead(
        "invalid",
        `”${name}” kan inte öppnas: ${shown.join("; ")}${more}`,
        parsed.errors,
      );
    }
    return { ok: true, text, file: parsed.file, revision: revisionOf(bytes) };
  } catch (e) {
    return refuseRead(
      "unreadable",
      `”${name}” kunde inte läsas: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A structure error may quote part of the document: keep the message to a line. */
const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…` : s);

function openError(name: string, e: unknown): ReadResult {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return refuseRead("missing", `Filen ”${name}” finns inte.`);
  if (code === "EACCES" || code === "EPERM")
    return refuseRead("denied", `Du har inte behörighet att läsa ”${name}”.`);
  if (code === "EISDIR") return refuseRead("folder", `”${name}” är en mapp, inte ett dokument.`);
  return refuseRead(
    "unreadable",
    `”${name}” kunde inte öppnas: ${e instanceof Error ? e.message : String(e)}`,
  );
}

/** Recognise the files secretaries most often pick by mistake, from their first bytes. */
function foreignKind(bytes: Uint8Array): string | null {
  const starts = (s: string) =>
    bytes.length >= s.length && [...s].every((c, i) => bytes[i] === c.charCodeAt(0));
  if (starts("%PDF")) return "en PDF-fil";
  if (starts("PK\u0003\u0004")) return "en Word-fil eller ett zip-arkiv";
  if (starts("\u00d0\u00cf\u0011\u00e0")) return "en äldre Office-fil";
  if (starts("{\\rtf")) return "en RTF-fil";
  return null;
}
