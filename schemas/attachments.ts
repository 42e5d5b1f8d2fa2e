/**
 * Bilagor (attachments): files that belong to the protocol or to one of its §§ — a voteringslista,
 * a skriftlig reservation, a tjänsteskrivelse — listed in the exports and referenced in the text
 * like §§ ("se bilaga 2"). The file itself is copied into the workspace, in the folder `bilagor/`
 * beside the document, and the document names it only by that relative path and its SHA-256; an
 * outside path is never stored.
 *
 * Numbers are derived, never stored: the bilagor of the whole protocol come first, then those of
 * each § in the order of the §§, each group in the order of the list. Moving a § renumbers its
 * bilagor as it renumbers the § itself.
 */
import type { Node } from "prosemirror-model";
import { z } from "zod";
import { Id } from "./attrs.js";

/** The folder beside the document that holds its bilagor. */
export const ATTACHMENTS_DIR = "bilagor";
/** The largest file that can be attached (a scanned reservation, a long voteringslista). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** Bilagor per document. */
export const MAX_ATTACHMENTS = 500;

/**
 * Why a stored path is not a bilaga path, in Swedish, or null when it is one: relative, in
 * `bilagor/` and nowhere else, one plain file name (no `..`, no absolute path, no drive letter,
 * no backslash, no hidden file, no control characters).
 */
export function attachmentPathError(path: string): string | null {
  if (/^[A-Za-z]:/.test(path) || path.startsWith("/") || path.startsWith("\\"))
    return "sökvägen får inte vara absolut";
  if (path.includes("\\")) return "sökvägen får inte innehålla bakstreck";
  if (/[\u0000-\u001f\u007f]/.test(path)) return "sökvägen innehåller styrtecken";
  const parts = path.split("/");
  if (parts.some((p) => p === ".." || p === ".")) return "sökvägen får inte innehålla .. eller .";
  if (parts.length !== 2 || parts[0] !== ATTACHMENTS_DIR)
    return `filen ska ligga direkt i mappen ${ATTACHMENTS_DIR}/`;
  const name = parts[1]!;
  if (name === "" || name.startsWith(".")) return "filnamnet saknas eller är dolt";
  if (/[:*?"<>|]/.test(name)) return "filnamnet innehåller otillåtna tecken";
  return null;
}

/** A workspace-relative bilaga path: `bilagor/<name>`. */
const AttachmentPath = z
  .string()
  .min(1)
  .max(300)
  .superRefine((path, ctx) => {
    const error = attachmentPathError(path);
    if (error)
      ctx.addIssue({
        code: "custom",
        message: `Ogiltig sökväg till bilaga: ${error} (invalid attachment path).`,
      });
  });

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One bilaga. `item`: the § (agenda_item id) it belongs to; absent for the whole protocol. No
 * field has a default, so a file without bilagor keeps its exact bytes (and its seal).
 */
export const Attachment = z.strictObject({
  id: Id,
  title: z.string().trim().min(1).max(300),
  file: AttachmentPath,
  item: Id.optional(),
  sha256: Sha256Hex,
});
export type Attachment = z.infer<typeof Attachment>;

export interface NumberedAttachment {
  attachment: Attachment;
  /** Bilaga N. */
  number: number;
  /** The § it belongs to, when that § is in the document. */
  itemId: string | null;
}

/** The § ids of a document in order (only the top level: cheap enough for every keystroke). */
function itemOrder(doc: Node): Map<string, number> {
  const order = new Map<string, number>();
  doc.forEach((n) => {
    if (n.type.name === "agenda_item") order.set(n.attrs.id as string, order.size);
  });
  return order;
}

/** The document's bilagor with their numbers, in number order. */
export function numberedAttachments(
  doc: Node,
  attachments: readonly Attachment[] | undefined,
): NumberedAttachment[] {
  if (!attachments?.length) return [];
  const order = itemOrder(doc);
  const rank = (a: Attachment) =>
    a.item !== undefined && order.has(a.item) ? order.get(a.item)! + 1 : 0;
  return attachments
    .map((attachment, index) => ({ attachment, index, rank: rank(attachment) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x, i) => ({
      attachment: x.attachment,
      number: i + 1,
      itemId: x.rank === 0 ? null : x.attachment.item!,
    }));
}

/** "bilaga 3" in running text, or "Bilaga 3 – Voteringslista" with the title; "bilaga ?" when it is gone. */
export function attachmentLabel(number: number | undefined, title?: string | null): string {
  if (number === undefined) return title === undefined ? "bilaga ?" : "Bilaga ?";
  return title ? `Bilaga ${number} – ${title}` : `bilaga ${number}`;
}

/**
 * A plain, safe file name for `bilagor/` from the name the user's file had: letters (å, ä, ö
 * too), digits, spaces, "-", "_", "(", ")" and "," kept, everything else a space; no leading dot;
 * the extension lower case. "../../etc/passwd" → "passwd", "Reservation (S).PDF" → "Reservation (S).pdf".
 */
export function safeAttachmentName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  const rawExt = dot > 0 ? base.slice(dot + 1) : "";
  const ext = /^[A-Za-z0-9]{1,10}$/.test(rawExt) ? `.${rawExt.toLowerCase()}` : "";
  const stem = (dot > 0 ? base.slice(0, dot) : base)
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} _(),-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[-.]+/, "")
    .slice(0, 80)
    .trim();
  return `${stem || "bilaga"}${ext}`;
}

/** "Voteringslista (2).pdf": the n-th free variant of a file name. */
export function numberedName(name: string, n: number): string {
  if (n <= 1) return name;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

/**
 * The file name a bilaga gets when an export writes it beside the protocol:
 * "Bilaga 1 – Voteringslista.pdf" (the extension of the stored file).
 */
export function exportedAttachmentName(
  number: number,
  attachment: Pick<Attachment, "title" | "file">,
): string {
  const dot = attachment.file.lastIndexOf(".");
  const ext = dot > attachment.file.lastIndexOf("/") + 1 ? attachment.file.slice(dot) : "";
  const title = attachment.title
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
  return `Bilaga ${number}${title ? ` – ${title}` : ""}${ext}`;
}
