/**
 * The files of the bilagor (schemas/attachments.ts) on disk, for both hosts and the CLI:
 * - `storeAttachment` copies a file the user picked into `bilagor/` beside the document, under a
 *   plain unique name (never over another file), written atomically;
 * - `readAttachment` reads one back by its stored relative path — only a regular file directly in
 *   `bilagor/`, never through a symbolic link, never larger than MAX_ATTACHMENT_BYTES;
 * - `checkAttachmentFiles` says which are missing or changed (rule attachments);
 * - `writeAttachmentsBeside` writes the bilagor of an export into `<export name>-bilagor/` beside
 *   it, "Bilaga 1 – Voteringslista.pdf", after checking every one against its hash first, so a
 *   missing or changed file refuses the whole export instead of writing part of it.
 */
import { lstat, mkdir, open } from "node:fs/promises";
import { constants } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import {
  ATTACHMENTS_DIR,
  attachmentPathError,
  exportedAttachmentName,
  MAX_ATTACHMENT_BYTES,
  numberedName,
  safeAttachmentName,
  type Attachment,
  type NumberedAttachment,
} from "../../schemas/attachments.js";
import { sha256Bytes } from "../../schemas/review/sha256.js";
import { writeOutputFile } from "./safeOutput.js";

/** A message in Swedish (app) and English (the CLI prints both). */
export interface Bilingual {
  sv: string;
  en: string;
}

export class AttachmentError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.sv);
  }
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The folder `bilagor/` beside a document (real path); refused when it is a link or not a folder. */
async function folderOf(documentPath: string, create: boolean): Promise<string | null> {
  const folder = join(dirname(documentPath), ATTACHMENTS_DIR);
  const info = await lstat(folder).catch(() => null);
  if (info?.isSymbolicLink())
    throw new AttachmentError({
      sv: `Mappen ${ATTACHMENTS_DIR}/ är en symbolisk länk och används inte.`,
      en: `The folder ${ATTACHMENTS_DIR}/ is a symbolic link and is not used.`,
    });
  if (info && !info.isDirectory())
    throw new AttachmentError({
      sv: `${ATTACHMENTS_DIR} bredvid dokumentet är inte en mapp.`,
      en: `${ATTACHMENTS_DIR} beside the document is not a folder.`,
    });
  if (!info) {
    if (!create) return null;
    await mkdir(folder);
  }
  return folder;
}

/** Copy `bytes` (a file called `name`) into `bilagor/` beside the document; its stored path and hash. */
export async function storeAttachment(
  documentPath: string,
  name: string,
  bytes: Uint8Array,
): Promise<{ file: string; sha256: string }> {
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES)
    throw new AttachmentError({
      sv: `Filen är för stor för en bilaga (högst ${mb(MAX_ATTACHMENT_BYTES)}).`,
      en: `The file is too large for an attachment (at most ${mb(MAX_ATTACHMENT_BYTES)}).`,
    });
  if (bytes.byteLength === 0)
    throw new AttachmentError({ sv: "Filen är tom.", en: "The file is empty." });
  const folder = (await folderOf(documentPath, true))!;
  const sha256 = sha256Bytes(bytes);
  const clean = safeAttachmentName(name);
  for (let n = 1; n < 1000; n++) {
    const candidate = numberedName(clean, n);
    const target = join(folder, candidate);
    // The same file attached again (another § refers to it too): the copy already there is used.
    const existing = await readRegular(target).catch(() => null);
    if (existing && sha256Bytes(existing) === sha256)
      return { file: `${ATTACHMENTS_DIR}/${candidate}`, sha256 };
    if (existing) continue;
    if ((await writeOutputFile(target, bytes, { replace: false })) === "written")
      return { file: `${ATTACHMENTS_DIR}/${candidate}`, sha256 };
  }
  throw new AttachmentError({
    sv: `Det finns redan för många filer som heter ”${clean}” i ${ATTACHMENTS_DIR}/.`,
    en: `Too many files named "${clean}" in ${ATTACHMENTS_DIR}/.`,
  });
}

/** A regular file's bytes, refusing links, folders and oversized files (O_NOFOLLOW). */
async function readRegular(path: string): Promise<Uint8Array | null> {
  const info = await lstat(path).catch(() => null);
  if (!info) return null;
  if (info.isSymbolicLink())
    throw new AttachmentError({
      sv: `${basename(path)} är en symbolisk länk och läses inte.`,
      en: `${basename(path)} is a symbolic link and is not read.`,
    });
  if (!info.isFile())
    throw new AttachmentError({
      sv: `${basename(path)} är inte en vanlig fil.`,
      en: `${basename(path)} is not a regular file.`,
    });
  if (info.size > MAX_ATTACHMENT_BYTES)
    throw new AttachmentError({
      sv: `${basename(path)} är för stor för en bilaga.`,
      en: `${basename(path)} is too large for an attachment.`,
    });
  const h = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    return new Uint8Array(await h.readFile());
  } finally {
    await h.close();
  }
}

/** The bytes of a stored bilaga (`bilagor/<name>`), or null when the file is not there. */
async function readAttachment(documentPath: string, file: string): Promise<Uint8Array | null> {
  const bad = attachmentPathError(file);
  if (bad)
    throw new AttachmentError({
      sv: `Ogiltig sökväg till bilaga (${file}): ${bad}.`,
      en: `Invalid attachment path (${file}).`,
    });
  const folder = await folderOf(documentPath, false);
  if (!folder) return null;
  return readRegular(join(folder, file.slice(ATTACHMENTS_DIR.length + 1)));
}

/** Each bilaga file → the SHA-256 on disk now, or null when it is missing or cannot be read. */
export async function checkAttachmentFiles(
  documentPath: string,
  files: readonly string[],
): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const file of new Set(files)) {
    const bytes = await readAttachment(documentPath, file).catch(() => null);
    out[file] = bytes ? sha256Bytes(bytes) : null;
  }
  return out;
}

/** "Protokoll 2020-08-25.pdf" → "Protokoll 2020-08-25-bilagor" (beside it). */
export function attachmentsFolderFor(outputPath: string): string {
  return join(dirname(outputPath), `${basename(outputPath, extname(outputPath))}-bilagor`);
}

interface WrittenAttachment {
  number: number;
  title: string;
  /** Where it was written (real path). */
  path: string;
}

/** A bilaga of an output with its file's bytes, checked against its hash. */
export interface VerifiedAttachment {
  entry: NumberedAttachment;
  bytes: Uint8Array;
}

/** Every bilaga's bytes, checked against its hash; the first missing or changed file refuses them all. */
export async function verifiedAttachments(
  documentPath: string | null,
  listed: readonly NumberedAttachment[],
): Promise<VerifiedAttachment[]> {
  if (!listed.length) return [];
  if (documentPath === null)
    throw new AttachmentError({
      sv: "Dokumentet har bilagor men är inte sparat: spara det först, så att bilagorna i mappen bilagor/ bredvid det kan skrivas ut med exporten.",
      en: "The document has attachments but is not saved: save it first, so the attachments in bilagor/ beside it can be written with the export.",
    });
  const out: VerifiedAttachment[] = [];
  const problems: Bilingual[] = [];
  for (const entry of listed) {
    const a: Attachment = entry.attachment;
    const bytes = await readAttachment(documentPath, a.file);
    if (!bytes)
      problems.push({
        sv: `Filen till bilaga ${entry.number} (”${a.title}”) saknas: ${a.file}.`,
        en: `The file of attachment ${entry.number} ("${a.title}") is missing: ${a.file}.`,
      });
    else if (sha256Bytes(bytes) !== a.sha256)
      problems.push({
        sv: `Filen till bilaga ${entry.number} (”${a.title}”) har ändrats sedan den bifogades: ${a.file}.`,
        en: `The file of attachment ${entry.number} ("${a.title}") has changed since it was attached: ${a.file}.`,
      });
    else out.push({ entry, bytes });
  }
  if (problems.length)
    throw new AttachmentError({
      sv: `Exporten gjordes inte. ${problems.map((p) => p.sv).join(" ")}`,
      en: `Nothing was exported. ${problems.map((p) => p.en).join(" ")}`,
    });
  return out;
}

/**
 * Write the verified bilagor into `<export name>-bilagor/` beside the export. `replace`: the
 * export's own rule (the CLI and a chosen "Exportera" target replace; otherwise an existing file
 * is left and the export refused). Files are never written through links.
 */
export async function writeAttachmentsBeside(
  outputPath: string,
  files: readonly VerifiedAttachment[],
  options: { replace: boolean },
): Promise<WrittenAttachment[]> {
  if (!files.length) return [];
  const folder = attachmentsFolderFor(outputPath);
  const info = await lstat(folder).catch(() => null);
  if (info && (info.isSymbolicLink() || !info.isDirectory()))
    throw new AttachmentError({
      sv: `${basename(folder)} finns redan och är inte en mapp; bilagorna skrevs inte.`,
      en: `${basename(folder)} exists and is not a folder; the attachments were not written.`,
    });
  if (!info) await mkdir(folder);
  const written: WrittenAttachment[] = [];
  const names = new Set<string>();
  for (const { entry, bytes } of files) {
    let name = exportedAttachmentName(entry.number, entry.attachment);
    for (let n = 2; names.has(name); n++)
      name = numberedName(exportedAttachmentName(entry.number, entry.attachment), n);
    names.add(name);
    const path = join(folder, name);
    if ((await writeOutputFile(path, bytes, { replace: options.replace })) === "exists")
      throw new AttachmentError({
        sv: `${name} finns redan i ${basename(folder)} och skrivs inte över.`,
        en: `${name} already exists in ${basename(folder)} and is not replaced.`,
      });
    written.push({ number: entry.number, title: entry.attachment.title, path });
  }
  return written;
}

/**
 * "Spara som" into another folder: the bilagor go along, copied from `bilagor/` beside the old
 * document into `bilagor/` beside the new one (the old ones stay). A file already there with the
 * same content is kept; one that is missing, changed, or would replace a different file of the
 * same name is not copied and is named in the returned Swedish notes.
 */
export async function copyAttachments(
  fromDocument: string,
  toDocument: string,
  attachments: readonly Attachment[],
): Promise<string[]> {
  const notes: string[] = [];
  const done = new Set<string>();
  for (const a of attachments) {
    if (done.has(a.file)) continue;
    done.add(a.file);
    try {
      const bytes = await readAttachment(fromDocument, a.file);
      if (!bytes || sha256Bytes(bytes) !== a.sha256) {
        notes.push(
          `${a.file} (”${a.title}”) ${bytes ? "har ändrats sedan den bifogades" : "saknas"} och kopierades inte.`,
        );
        continue;
      }
      const folder = (await folderOf(toDocument, true))!;
      const target = join(folder, a.file.slice(ATTACHMENTS_DIR.length + 1));
      const there = await readRegular(target);
      if (there && sha256Bytes(there) === a.sha256) continue;
      if (there || (await writeOutputFile(target, bytes, { replace: false })) === "exists")
        notes.push(
          `${a.file} finns redan i den nya mappen med annat innehåll och skrevs inte över.`,
        );
    } catch (e) {
      notes.push(
        `${a.file}: ${e instanceof AttachmentError ? e.text.sv : e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  return notes;
}
