/**
 * The importer: an existing protocol or interpellation answer (.pdf, .docx, .txt) → a `.protokoll`
 * document and a report of what was recognised, what was merged and what the importer was unsure
 * about. Never throws: an unreadable file gives `{ok: false, error}` in Swedish with English.
 */
import { createFile, parse, serialize, type Kind, type ProtokollFile } from "../../schemas/file.js";
import { MAX_TEXT_CHARS } from "../../schemas/limits.js";
import { cleanLines } from "./cleanLines.js";
import { extractText } from "./extractText.js";
import { looksLikeAnswer, parseAnswer } from "./parseAnswer.js";
import { CHECK_HEADING } from "./lexicon.js";
import { lowConfidenceItems, type LowConfidenceItem } from "./lowConfidence.js";
import { findItems, parseProtocol } from "./parseProtocol.js";
import { stripMarkup } from "./stripMarkup.js";

export interface ImportReport {
  source: string;
  kind: Kind;
  /** §§ of a protocol, questions of an interpellation answer. */
  items: number;
  uncertain: { item: number | null; message: string }[];
  mergedNames: { kept: string; variants: string[] }[];
  /** §§ to check after the import (`--json` lists them; the editor shows them). */
  lowConfidence: LowConfidenceItem[];
}

export type ImportResult =
  { ok: true; file: ProtokollFile; report: ImportReport } | { ok: false; error: string };

/** Larger inputs are refused rather than parsed for minutes. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export async function importDocument(bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  try {
    if (!(bytes instanceof Uint8Array))
      return { ok: false, error: "Ingen fil att importera (no file given)." };
    if (bytes.length === 0) return { ok: false, error: `”${fileName}” är tom (empty file).` };
    if (bytes.length > MAX_IMPORT_BYTES)
      return {
        ok: false,
        error: `”${fileName}” är för stor att importera (högst ${MAX_IMPORT_BYTES / 1048576} MB) (file too large).`,
      };
    const extracted = await extractText(bytes, fileName);
    if (!extracted.ok) return extracted;
    return importText(extracted.text, fileName);
  } catch (e) {
    return {
      ok: false,
      error: `Importen misslyckades (import failed): ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** Import from text already extracted (.txt files, tests, benchmarks). Never throws. */
export function importText(text: string, sourceName = "text"): ImportResult {
  try {
    if (typeof text !== "string")
      return { ok: false, error: "Ingen text att importera (no text given)." };
    if (text.length > MAX_TEXT_CHARS)
      return { ok: false, error: "Texten är för lång att importera (text too long)." };
    const cleaned = cleanLines(stripMarkup(text.replace(/\u0000/g, "").replace(/\r\n?/g, "\n")));
    const lines = cleaned.lines;
    if (!lines.some((l) => /\p{L}/u.test(l.text)))
      return {
        ok: false,
        error: `”${sourceName}” innehåller ingen text att importera (no text found). En skannad PDF behöver först tolkas med OCR.`,
      };

    // a fullmäktige protocol may well have "Svar på interpellation …" as a § title: §§ decide
    const itemCount = findItems(lines).length;
    const hasItems = itemCount > 0;
    const kind: Kind =
      looksLikeAnswer(lines) && itemCount < 2 ? "interpellationssvar" : "protokoll";
    const parsed =
      kind === "interpellationssvar" ? parseAnswer(lines) : parseProtocol(lines, cleaned.header);
    const uncertain = [...parsed.uncertain];
    if (kind === "protokoll" && !hasItems)
      uncertain.unshift({
        item: null,
        message:
          "Inga paragrafer (§) hittades – texten ser inte ut som ett protokoll eller interpellationssvar.",
      });
    if (cleaned.removed.length)
      uncertain.push({
        item: null,
        message: `Borttaget som sidhuvud, sidfot eller lösryckt text: ${[...new Set(cleaned.removed)].join(" / ").slice(0, 300)}`,
      });

    let file: ProtokollFile;
    try {
      file = createFile(kind, parsed.meta, parsed.doc);
    } catch (e) {
      return {
        ok: false,
        error: `Det importerade dokumentet blev ogiltigt (the imported document is invalid): ${e instanceof Error ? e.message : String(e)}`,
      };
    }
    // the same check every opened file gets: what we hand over can be saved and opened again
    const check = parse(serialize(file));
    if (!check.ok)
      return {
        ok: false,
        error: `Det importerade dokumentet blev ogiltigt (the imported document is invalid): ${check.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
      };
    const lowConfidence = lowConfidenceItems(check.file, uncertain);
    // first in the report the editor shows after an import: the §§ to check
    if (lowConfidence.length)
      uncertain.unshift({
        item: null,
        message: `${CHECK_HEADING}: ${lowConfidence.map((l) => `§ ${l.item}`).join(", ")}`,
      });
    return {
      ok: true,
      file: check.file,
      report: {
        source: sourceName,
        kind,
        items: parsed.items,
        uncertain,
        mergedNames: parsed.mergedNames,
        lowConfidence,
      },
    };
  } catch (e) {
    return {
      ok: false,
      error: `Importen misslyckades (import failed): ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
