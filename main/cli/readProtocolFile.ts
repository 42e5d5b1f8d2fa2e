/**
 * Reading a `.protokoll` file for a CLI command: the app's reader (`readDocumentFile`: read-only,
 * size checked before reading, foreign files recognised, `parse`), with every failure worded in
 * English / Swedish for the terminal (the commands exit 2 with these lines).
 */
import { readDocumentFile, type ReadFailure } from "../files/readDocumentFile.js";
import type { ProtokollFile } from "../../schemas/file.js";

export type ReadProtocol =
  { ok: true; file: ProtokollFile; text: string } | { ok: false; lines: string[] };

const failureHeading: Record<ReadFailure, string> = {
  missing: "File not found / Filen finns inte",
  denied: "Permission denied / Behörighet saknas",
  folder: "Is a folder, not a file / Är en mapp, inte en fil",
  "not-a-file": "Not a regular file / Inte en vanlig fil",
  "too-large": "File too large / Filen är för stor",
  foreign: "Not a protocol file, import it instead / Inte en protokollfil, importera den i stället",
  binary: "Not a text file (binary content) / Inte en textfil (binärt innehåll)",
  "not-utf8": "Cannot read (not UTF-8 text?) / Kan inte läsas (inte UTF-8-text?)",
  invalid: "Not a readable protocol file / Inte en läsbar protokollfil",
  unreadable: "Cannot open / Kan inte öppnas",
};

export async function readProtocolFile(path: string): Promise<ReadProtocol> {
  const read = await readDocumentFile(path);
  if (read.ok) return { ok: true, file: read.file, text: read.text };
  // What parse found, or the app's fuller Swedish wording where the heading alone does not say it.
  const details =
    read.reason === "invalid" && read.errors
      ? read.errors.slice(0, 10).map((e) => `  ${e.path ? `${e.path}: ` : ""}${e.message}`)
      : read.reason === "foreign" || read.reason === "unreadable"
        ? [`  ${read.error}`]
        : [];
  return { ok: false, lines: [`${failureHeading[read.reason]}: ${path}`, ...details] };
}
