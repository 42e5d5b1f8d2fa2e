/**
 * The export gate: an official export refuses while the rules (schemas/rules) report errors;
 * a draft export goes through with an UTKAST watermark.
 */
import type { Node } from "prosemirror-model";
import type { ProtokollFile } from "../../schemas/file.js";
import type { Meta } from "../../schemas/meta.js";
import { itemNumbers } from "../../schemas/numbering.js";
import { validateFile } from "../../schemas/rules/index.js";
import type { Problem } from "../../schemas/rules/problem.js";

export type GateResult = { ok: true; problems: Problem[] } | { ok: false; error: string; problems: Problem[] };

/** "§ 5: …" lines, grouped by §, document-wide problems first. */
export function describeProblems(problems: readonly Problem[], doc: Node, meta: Meta): string[] {
  const numbers = itemNumbers(doc, meta);
  const label = (p: Problem) => (p.item ? `§ ${numbers.get(p.item) ?? "?"}` : "Hela dokumentet");
  const sorted = [...problems].sort((a, b) => (a.item ? (numbers.get(a.item) ?? 0) : -1) - (b.item ? (numbers.get(b.item) ?? 0) : -1));
  return sorted.map((p) => `${label(p)}: ${p.message}${p.reference ? ` (${p.reference})` : ""}`);
}

/**
 * Check a document before an official export, with all the rules (including those that need
 * the review and the history). `items` limits the check to those §§ and the problems of the
 * whole document, for a protokollsutdrag.
 */
export function exportGate(file: ProtokollFile, items?: readonly string[]): GateResult {
  const all = validateFile(file);
  const relevant = items ? all.filter((p) => p.item === null || items.includes(p.item)) : all;
  const errors = relevant.filter((p) => p.severity === "error");
  if (errors.length === 0) return { ok: true, problems: relevant };
  const lines = describeProblems(errors, file.doc, file.meta);
  return {
    ok: false,
    error: `Exporten stoppades: dokumentet har ${errors.length === 1 ? "ett fel" : `${errors.length} fel`} som måste rättas först (eller exportera som utkast):\n${lines.map((l) => `– ${l}`).join("\n")}`,
    problems: errors,
  };
}
