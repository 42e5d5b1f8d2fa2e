/** What every justering operation returns: the new document, or a Swedish reason it was refused. */
import { IsoDateTime } from "../attrs.js";
import type { ProtokollFile } from "../file.js";
import type { Meta } from "../meta.js";
import { statusLabel } from "../labels.js";

export type ReviewResult = { ok: true; file: ProtokollFile } | { ok: false; error: string };

export const refuse = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** A copy of the plain parts of a document, so an operation never mutates its input (the doc node is immutable). */
export function copyFile(file: ProtokollFile): ProtokollFile {
  return {
    kind: file.kind,
    meta: structuredClone(file.meta),
    doc: file.doc,
    review: structuredClone(file.review),
    history: structuredClone(file.history),
  };
}

/** A Swedish error for a bad time stamp, or null when it is a valid ISO date-time. */
export function badTime(at: string): string | null {
  return IsoDateTime.safeParse(at).success
    ? null
    : `Ogiltig tidpunkt "${at}" – skriv ÅÅÅÅ-MM-DDTHH:MM.`;
}

/** "Protokollet är justerat" etc., for refusals that depend on the status. */
export function statusIs(meta: Meta): string {
  return `Dokumentets status är ”${statusLabel[meta.status]}”`;
}

/** The display name of a person id, or the id itself when it is not a person of the meeting. */
export function personName(meta: Meta, id: string): string {
  return meta.persons.find((p) => p.id === id)?.name ?? id;
}

/** The people who must approve every § and sign: the chair first, then the justerare. */
export function signatories(meta: Meta): string[] {
  const out: string[] = [];
  if (meta.chair) out.push(meta.chair);
  for (const a of meta.adjusters) if (!out.includes(a)) out.push(a);
  return out;
}
