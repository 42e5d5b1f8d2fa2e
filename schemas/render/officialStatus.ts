/**
 * What makes a document official, per kind: the first check of the export gate
 * (main/export/exportGate.ts), and the default of the export dialog's "Utkast" box. Pure.
 * - protokoll: the protocol, its public version and its anslag once the protocol is justerat; a
 *   protokollsutdrag once the protocol is justerat or every chosen § was justerad at the meeting
 *   (omedelbar justering) and still reads as it did then;
 * - interpellationssvar: once signed (the signature block with place, date and the one who answers);
 * - kallelse: once it is sent — its sending date is recorded ("Kallelsen skickas"); the
 *   tillkännagivande of a fullmäktige meeting needs no more than the kallelse's own rules.
 * A new kind of document must say here what makes it official: `statusGates` is a
 * `Record<Kind, StatusGate>`, so a kind without a gate does not compile.
 */
import type { Kind, ProtokollFile } from "../file.js";
import { statusLabel } from "../labels.js";
import { itemNumbers } from "../numbering.js";
import { immediateUnchanged } from "../review/adjust.js";
import type { OutputKind } from "./renderDocument.js";

/** Why a document's status does not allow an official export, in Swedish (the app) and English (the CLI prints both). */
export interface StatusRefusal {
  sv: string;
  en: string;
}

/** Whether a document's status allows an official export of `output` (for an extract: of the §§ `items`); null when it does. */
export type StatusGate = (
  file: ProtokollFile,
  output: OutputKind,
  items: readonly string[],
) => StatusRefusal | null;

const EXPORT_AS_DRAFT = {
  sv: "Exportera som utkast i stället.",
  en: "Export it as a draft instead (--draft).",
};

const protocolGate: StatusGate = (file, output, items) => {
  const status = file.meta.status;
  if (status === "adjusted") return null;
  const now = {
    sv: `status: ${statusLabel[status].toLowerCase()}`,
    en: `status: ${status === "in_review" ? "in review" : "draft"}`,
  };
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
  const what = {
    full: ["Protokollet", "The protocol"],
    public: ["Den offentliga versionen", "The public version"],
    notice: ["Anslaget", "The notice"],
  }[output];
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
  if (!signer || !file.meta.persons.some((p) => p.id === signer))
    missing.push(["vem som undertecknar", "who signs"]);
  if (missing.length === 0) return null;
  return {
    sv: `Svaret kan inte exporteras som officiellt förrän det är undertecknat – ${missing.map((m) => m[0]).join(", ")} saknas. ${EXPORT_AS_DRAFT.sv}`,
    en: `The answer cannot be exported as official until it is signed – missing: ${missing.map((m) => m[1]).join(", ")}. ${EXPORT_AS_DRAFT.en}`,
  };
};

/**
 * A kallelse (and its public version) is official once it is sent: the day it went out is
 * recorded. Fullmäktige's tillkännagivande of the meeting is posted on its own schedule (at least a
 * week before the meeting, rule summons-timing), so it is not held back by the kallelse's sending.
 */
const summonsGate: StatusGate = (file, output) => {
  if (output === "notice" || file.meta.summons?.issued) return null;
  return {
    sv: `Kallelsen kan inte exporteras som officiell förrän den är skickad – ange datum då kallelsen skickas. ${EXPORT_AS_DRAFT.sv}`,
    en: `The kallelse cannot be exported as official until it is sent – give the date it is sent. ${EXPORT_AS_DRAFT.en}`,
  };
};

/** What makes each kind of document official. */
export const statusGates: Record<Kind, StatusGate> = {
  protokoll: protocolGate,
  interpellationssvar: answerGate,
  kallelse: summonsGate,
};
