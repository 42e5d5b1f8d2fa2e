/**
 * "Importera ärenden…": tjänsteskrivelser (.pdf, .docx, .txt) → agenda entries, appended to a
 * kallelse or making a new one. Several files at once, one after the other, with a progress call
 * after each; a file that cannot be read is reported and the others still come in. Never throws.
 */
import type { Node } from "prosemirror-model";
import { agendaDoc, agendaEntry } from "../../schemas/agenda/agendaEntry.js";
import { createFile, type ProtokollFile } from "../../schemas/file.js";
import { Body } from "../../schemas/meta.js";
import { BODY_NAME_RE, normalizeText } from "../import/cleanLines.js";
import { extractText } from "../import/extractText.js";
import { MAX_IMPORT_BYTES } from "../import/importDocument.js";
import { entryOfReport, parseOfficerReport, type OfficerReport } from "./parseOfficerReport.js";

export interface ReportSource {
  name: string;
  bytes: Uint8Array;
}

export interface ReportOutcome {
  name: string;
  ok: boolean;
  /** The entry's title (ok) or why the file was not imported. */
  message: string;
  report?: OfficerReport;
}

export interface ImportProgress {
  done: number;
  total: number;
  name: string;
}

/** Read one tjänsteskrivelse. */
export async function readOfficerReport(source: ReportSource): Promise<ReportOutcome> {
  try {
    if (source.bytes.length === 0)
      return { name: source.name, ok: false, message: "Filen är tom (empty file)." };
    if (source.bytes.length > MAX_IMPORT_BYTES)
      return {
        name: source.name,
        ok: false,
        message: `Filen är för stor (högst ${MAX_IMPORT_BYTES / 1048576} MB) (file too large).`,
      };
    const text = await extractText(source.bytes, source.name);
    if (!text.ok) return { name: source.name, ok: false, message: text.error };
    const parsed = parseOfficerReport(text.text);
    if (!parsed.ok) return { name: source.name, ok: false, message: parsed.error };
    return { name: source.name, ok: true, message: parsed.report.title, report: parsed.report };
  } catch (e) {
    return {
      name: source.name,
      ok: false,
      message: `Importen misslyckades (import failed): ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** All files, in the order given, reporting progress after each. */
export async function readOfficerReports(
  sources: ReportSource[],
  onProgress?: (p: ImportProgress) => void,
): Promise<ReportOutcome[]> {
  const out: ReportOutcome[] = [];
  for (const s of sources) {
    out.push(await readOfficerReport(s));
    onProgress?.({ done: out.length, total: sources.length, name: s.name });
  }
  return out;
}

/** Agenda entry nodes of the reports read. */
export function entriesOf(outcomes: ReportOutcome[]): Node[] {
  return outcomes.filter((o) => o.ok && o.report).map((o) => agendaEntry(entryOfReport(o.report!)));
}

/** The body a tjänsteskrivelse is addressed to, from its header ("Kommunstyrelsen"), if it names one. */
export function bodyOfReportText(text: string): Body | null {
  for (const raw of normalizeText(text).split("\n").slice(0, 40)) {
    const t = raw.trim().replace(/\s+/g, " ");
    if (!BODY_NAME_RE.test(t) || /kommun$|stad$|region$/i.test(t)) continue;
    const type = /fullmäktige/i.test(t)
      ? "kommunfullmäktige"
      : /^kommunstyrelse/i.test(t)
        ? "kommunstyrelse"
        : "nämnd";
    // The reglemente's defaults (schemas/meta.ts), but two justerare for fullmäktige.
    return Body.parse({
      name: t,
      type,
      reglemente: { adjusters: type === "kommunfullmäktige" ? 2 : 1 },
    });
  }
  return null;
}

/** A kallelse with `entries` added after its own (the template's placeholder ärende "…" is replaced). */
export function withEntries(kallelse: ProtokollFile, entries: Node[]): ProtokollFile {
  const kept: Node[] = [];
  kallelse.doc.forEach((n) => {
    const placeholder = n.childCount === 1 && n.textContent.trim() === "…";
    if (!placeholder) kept.push(n);
  });
  const all = [...kept, ...entries];
  if (!all.length) return kallelse;
  return { ...kallelse, doc: kallelse.doc.type.create(null, all) };
}

/** A new kallelse of the given body holding `entries` (at least one). */
export function newKallelse(
  body: Body,
  entries: Node[],
  template: string | null = null,
): ProtokollFile {
  return createFile("kallelse", { template, body, summons: {} }, agendaDoc(...entries));
}
