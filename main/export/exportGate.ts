/**
 * The export gate: what must be true before a document is exported as OFFICIAL (no UTKAST).
 * Two checks, in this order:
 * 1. Its status, per kind of document (`statusGates`, a `Record<Kind, StatusGate>`): a protocol,
 *    its public version and its anslag only once the protocol is justerat; a protokollsutdrag
 *    once the protocol is justerat or every chosen § was justerad at the meeting (omedelbar
 *    justering, KL 5:70 practice) and still reads as it did then; an interpellationssvar once it is
 *    signed (place, date and the one who answers). A new kind of document must say here what makes
 *    it official (a compile error until it does).
 * 2. The rules (schemas/rules): no errors in the document (for an extract: the chosen §§ and the
 *    whole-document problems).
 * A draft export skips both and is watermarked UTKAST.
 */
import type { Node } from "prosemirror-model";
import type { Kind, ProtokollFile } from "../../schemas/file.js";
import { statusLabel } from "../../schemas/labels.js";
import type { Meta } from "../../schemas/meta.js";
import { itemNumbers } from "../../schemas/numbering.js";
import { immediateUnchanged } from "../../schemas/review/adjust.js";
import { validateFile } from "../../schemas/rules/index.js";
import type { Problem } from "../../schemas/rules/problem.js";
import type { OutputKind } from "../../schemas/render/renderDocument.js";

/** Why a document's status does not allow an official export, in Swedish (the app) and English (the CLI prints both). */
export interface StatusRefusal {
  sv: string;
  en: string;
}

export type GateResult =
  | { ok: true; problems: Problem[] }
  | { ok: false; error: string; problems: Problem[]; refused?: StatusRefusal };

/** Whether a document's status allows an official export of `output` (for an extract: of the §§ `items`); null when it does. */
export type StatusGate = (file: ProtokollFile, output: OutputKind, items: readonly string[]) => StatusRefusal | null;

const EXPORT_AS_DRAFT = { sv: "Exportera som utkast i stället.", en: "Export it as a draft instead (--draft)." };

const protocolGate: StatusGate = (file, output, items) => {
  const status = file.meta.status;
  if (status === "adjusted") return null;
  const now = { sv: `status: ${statusLabel[status].toLowerCase()}`, en: `status: ${status === "in_review" ? "in review" : "draft"}` };
  if (output === "extract") {
    const numbers = itemNumbers(file.doc, file.meta);
    const notAdjusted = items.filter((id) => immediateUnchanged(file, id) !== true);
    if (notAdjusted.length === 0) return null;
    const changed = notAdjusted.filter((id) => immediateUnchanged(file, id) === false);
    const list = notAdjusted.map((id) => `§ ${numbers.get(id) ?? "?"}`).join(", ");
    return {
      sv: `Protokollsutdraget kan inte exporteras som officiellt: protokollet är inte justerat (${now.sv}) och ${list} är inte omedelbart ${notAdjusted.length === 1 ? "justerad" : "justerade"}${changed.length ? " (eller har ändrats efter den omedelbara justeringen)" : ""}. ${EXPORT_AS_DRAFT.sv}`,
      en: `The extract cannot be exported as official: the protocol is not justerat (${now.en}) and ${list} ${notAdjusted.length === 1 ? "was" : "were"} not justerad at the meeting${changed.length ? " (or changed since)" : ""}. ${EXPORT_AS_DRAFT.en}`,
    };
  }
  const what = { full: ["Protokollet", "The protocol"], public: ["Den offentliga versionen", "The public version"], notice: ["Anslaget", "The notice"] }[output];
  return {
    sv: `${what[0]} kan inte exporteras som officiellt: protokollet är inte justerat (${now.sv}). ${EXPORT_AS_DRAFT.sv}`,
    en: `${what[1]} cannot be exported as official: the protocol is not justerat (${now.en}). ${EXPORT_AS_DRAFT.en}`,
  };
};

/** An answer to an interpellation is official once signed: the signature block with place, date and the one who answers. */
const answerGate: StatusGate = (file) => {
  const ip = file.meta.interpellation;
  const answer = file.doc.firstChild;
  let signatureBlock = false;
  answer?.forEach((c) => {
    if (c.type.name === "signature") signatureBlock = true;
  });
  const signer = ip?.signatory ?? null;
  const missing: [string, string][] = [];
  if (!signatureBlock) missing.push(["underskriften", "the signature block"]);
  if (!ip?.place?.trim()) missing.push(["ort", "place"]);
  if (!ip?.date) missing.push(["datum", "date"]);
  if (!signer || !file.meta.persons.some((p) => p.id === signer)) missing.push(["vem som undertecknar", "who signs"]);
  if (missing.length === 0) return null;
  return {
    sv: `Svaret kan inte exporteras som officiellt förrän det är undertecknat – ${missing.map((m) => m[0]).join(", ")} saknas. ${EXPORT_AS_DRAFT.sv}`,
    en: `The answer cannot be exported as official until it is signed – missing: ${missing.map((m) => m[1]).join(", ")}. ${EXPORT_AS_DRAFT.en}`,
  };
};

/** What makes each kind of document official. */
export const statusGates: Record<Kind, StatusGate> = {
  protokoll: protocolGate,
  interpellationssvar: answerGate,
};

/** "§ 5: …" lines, grouped by §, document-wide problems first. */
export function describeProblems(problems: readonly Problem[], doc: Node, meta: Meta): string[] {
  const numbers = itemNumbers(doc, meta);
  const label = (p: Problem) => (p.item ? `§ ${numbers.get(p.item) ?? "?"}` : "Hela dokumentet");
  const sorted = [...problems].sort((a, b) => (a.item ? (numbers.get(a.item) ?? 0) : -1) - (b.item ? (numbers.get(b.item) ?? 0) : -1));
  return sorted.map((p) => `${label(p)}: ${p.message}${p.reference ? ` (${p.reference})` : ""}`);
}

/**
 * Check a document before an official export of `output`: its status (per kind), then all the
 * rules (including those that need the review and the history). `items` are the §§ of a
 * protokollsutdrag: only they and the problems of the whole document count.
 */
export function exportGate(file: ProtokollFile, output: OutputKind = "full", items?: readonly string[]): GateResult {
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
