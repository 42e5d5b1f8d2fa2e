/**
 * Bilagor in the exports (schemas/attachments.ts): which bilagor an output carries, the line under
 * each § that has some ("Bilagor: Bilaga 1 – Voteringslista"), and the list at the end of the
 * protocol (number, title, the § it belongs to). The files themselves are not merged into the PDF
 * (a foreign PDF would break the tagged PDF/A); the host writes them beside the export.
 */
import type { Node } from "prosemirror-model";
import { attachmentLabel, numberedAttachments, type NumberedAttachment } from "../attachments.js";
import type { Meta } from "../meta.js";
import { heading, para } from "./blockFactories.js";
import type { Block } from "./renderModel.js";

export interface AttachmentOutput {
  output: "full" | "extract" | "notice" | "public";
  /** The §§ of an extract (agenda_item ids). */
  items?: readonly string[];
}

/**
 * The bilagor an output lists and writes beside itself: the full protocol all of them; an extract
 * those of its §§; the public version none of a sekretess § (its title may be secret too); the
 * anslag none.
 */
export function attachmentsInOutput(
  doc: Node,
  meta: Pick<Meta, "attachments">,
  options: AttachmentOutput,
): NumberedAttachment[] {
  const all = numberedAttachments(doc, meta.attachments);
  switch (options.output) {
    case "notice":
      return [];
    case "extract": {
      const wanted = new Set(options.items ?? []);
      return all.filter((a) => a.itemId !== null && wanted.has(a.itemId));
    }
    case "public": {
      const secret = new Set<string>();
      doc.forEach((n) => {
        if (n.type.name === "agenda_item" && n.attrs.confidential) secret.add(n.attrs.id as string);
      });
      return all.filter((a) => a.itemId === null || !secret.has(a.itemId));
    }
    case "full":
      return all;
  }
}

/** Bilaga id → number and title, for the references in the text. */
export function attachmentRefs(
  doc: Node,
  meta: Pick<Meta, "attachments">,
): Map<string, { number: number; title: string }> {
  return new Map(
    numberedAttachments(doc, meta.attachments).map((a) => [
      a.attachment.id,
      { number: a.number, title: a.attachment.title },
    ]),
  );
}

/** What a reference to a bilaga reads: "bilaga 3", or "Bilaga 3 – Voteringslista" when it shows the title. */
export function attachmentRefLabel(
  ref: Node,
  refs: ReadonlyMap<string, { number: number; title: string }>,
): string {
  const a = refs.get(ref.attrs.target as string);
  return attachmentLabel(a?.number, ref.attrs.withTitle ? (a?.title ?? null) : undefined);
}

/** Under a §: "Bilaga 1 – Voteringslista" (one line each), when the § has bilagor in this output. */
export function itemAttachmentBlocks(
  listed: readonly NumberedAttachment[],
  itemId: string,
): Block[] {
  const own = listed.filter((a) => a.itemId === itemId);
  if (!own.length) return [];
  return [
    heading(3, own.length === 1 ? "Bilaga" : "Bilagor"),
    ...own.map((a) => para(attachmentLabel(a.number, a.attachment.title), "meta")),
  ];
}

/** At the end of the protocol: every bilaga of the output, with the § it belongs to. */
export function attachmentListBlocks(
  listed: readonly NumberedAttachment[],
  numbers: ReadonlyMap<string, number>,
): Block[] {
  if (!listed.length) return [];
  return [
    heading(2, "Bilagor"),
    {
      type: "table",
      role: "content",
      caption: "Bilagor",
      columns: [
        { header: "Bilaga", width: 16 },
        { header: "Titel", width: 62 },
        { header: "Hör till", width: 22 },
      ],
      rows: listed.map((a) => [
        `Bilaga ${a.number}`,
        a.attachment.title,
        a.itemId !== null && numbers.has(a.itemId)
          ? `§ ${numbers.get(a.itemId)}`
          : "Hela protokollet",
      ]),
      headerRow: true,
      totalsRow: false,
    },
  ];
}
