/**
 * The export gate: what must be true before a document is exported as OFFICIAL (no UTKAST).
 * Two checks, in this order:
 * 1. Its status, per kind of document (`statusGates` in schemas/render/officialStatus.ts, a
 *    `Record<Kind, StatusGate>`): a protocol, its public version and its anslag only once the
 *    protocol is justerat; a protokollsutdrag once the protocol is justerat or every chosen § was
 *    justerad at the meeting (omedelbar justering) and still reads as it did then; an
 *    interpellationssvar once it is signed (place, date and the one who answers).
 * 2. The rules (schemas/rules): no errors in the document (for an extract: the chosen §§ and the
 *    whole-document problems).
 * A draft export skips both and is watermarked UTKAST.
 */
import type { Node } from "prosemirror-model";
import type { ProtokollFile } from "../../schemas/file.js";
import type { Meta } from "../../schemas/meta.js";
import { itemNumbers } from "../../schemas/numbering.js";
import { statusGates, type StatusRefusal } from "../../schemas/render/officialStatus.js";
import type { OutputKind } from "../../schemas/render/renderDocument.js";
import { validateFile } from "../../schemas/rules/index.js";
import type { Problem } from "../../schemas/rules/problem.js";

export {
  statusGates,
  type StatusGate,
  type StatusRefusal,
} from "../../schemas/render/officialStatus.js";

export type GateResult =
  | { ok: true; problems: Problem[] }
  | { ok: false; error: string; problems: Problem[]; refused?: StatusRefusal };

/** "§ 5: …" lines, grouped by §, document-wide problems first. */
export function describeProblems(problems: readonly Problem[], doc: Node, meta: Meta): string[] {
  const numbers = itemNumbers(doc, meta);
  const label = (p: Problem) => (p.item ? `§ ${numbers.get(p.item) ?? "?"}` : "Hela dokumentet");
  const sorted = [...problems].sort(
    (a, b) =>
      (a.item ? (numbers.get(a.item) ?? 0) : -1) - (b.item ? (numbers.get(b.item) ?? 0) : -1),
  );
  return sorted.map((p) => `${label(p)}: ${p.message}${p.reference ? ` (${p.reference})` : ""}`);
}

/**
 * Check a document before an official export of `output`: its status (per kind), then all the
 * rules (including those that need the review and the history). `items` are the §§ of a
 * protokollsutdrag: only they and the problems of the whole document count.
 */
export function exportGate(
  file: ProtokollFile,
  output: OutputKind = "full",
  items?: readonly string[],
): GateResult {
  const refused = statusGates[file.kind](file, output, items ?? []);
  const all = validateFile(file);
  const relevant = items ? all.filter((p) => p.item === null || items.includes(p.item)) : all;
  const errors = relevant.filter((p) => p.severity === "error");
  if (errors.length === 0 && !refused) return { ok: true, problems: relevant };
  // Both reasons at once, so the secretary does not fix the one to meet the other.
  const parts: string[] = [];
  if (errors.length) {
    const lines = describeProblems(errors, file.doc, file.meta);
    parts.push(
      `Exporten stoppades: dokumentet har ${errors.length === 1 ? "ett fel" : `${errors.length} fel`} som måste rättas först (eller exportera som utkast):\n${lines.map((l) => `– ${l}`).join("\n")}`,
    );
  }
  if (refused) parts.push(errors.length ? refused.sv : `Exporten stoppades: ${refused.sv}`);
  return { ok: false, error: parts.join("\n"), problems: errors, ...(refused ? { refused } : {}) };
}
