/**
 * "Skicka utdrag": after justering, one protokollsutdrag (PDF/A) per recipient of "Expedieras
 * till", written into a folder with a list (utskickslista.txt) of who gets which §§ in which file —
 * what a registrar uploads or sends. Sending e-mail is not done here. Nothing is written over: an
 * existing folder gets a new numbered one beside it. The bilagor of an extract's §§ go beside it
 * (`<extract>-bilagor/`), read from `bilagor/` beside the document and checked against their hashes
 * first: a missing or changed file stops the whole send before anything is written.
 */
import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { distributionGroups } from "../../schemas/agenda/distributionGroups.js";
import type { ProtokollFile } from "../../schemas/file.js";
import { sectionRange } from "../../schemas/render/renderDocument.js";
import { exportDocument } from "../export/exportDocument.js";
import { slug } from "../export/exportFileName.js";
import { attachmentsInOutput } from "../../schemas/render/renderAttachments.js";
import {
  AttachmentError,
  verifiedAttachments,
  type VerifiedAttachment,
  writeAttachmentsBeside,
} from "../files/attachmentFiles.js";
import { writeOutputFile } from "../files/safeOutput.js";

export type SendResult =
  | { ok: true; folder: string; files: { recipient: string; file: string; items: string }[] }
  | { ok: false; error: string };

/** A folder name not yet taken: `base`, else `base-2`, `base-3` … */
async function freshFolder(base: string): Promise<string> {
  for (let i = 1; i < 1000; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    if (
      !(await stat(candidate).then(
        () => true,
        () => false,
      ))
    )
      return candidate;
  }
  throw new Error("Ingen ledig mapp för utdragen.");
}

export async function sendExtracts(
  file: ProtokollFile,
  parentFolder: string,
  /** The saved document, beside which its bilagor/ folder is (null: not saved, so no bilagor can be read). */
  documentPath: string | null = null,
): Promise<SendResult> {
  if (file.kind !== "protokoll")
    return { ok: false, error: "Protokollsutdrag skickas bara från ett protokoll." };
  if (file.meta.status !== "adjusted")
    return { ok: false, error: "Protokollet är inte justerat. Utdrag skickas efter justeringen." };
  const groups = distributionGroups(file.doc, file.meta);
  if (!groups.length)
    return { ok: false, error: "Ingen paragraf har mottagare under ”Expedieras till”." };
  // Every extract made first: a refusal (the export gate) leaves no half-filled folder behind.
  const made: {
    recipient: string;
    file: string;
    items: string;
    bytes: Uint8Array;
    attachments: VerifiedAttachment[];
  }[] = [];
  for (const [i, g] of groups.entries()) {
    let attachments: VerifiedAttachment[];
    try {
      attachments = await verifiedAttachments(
        documentPath,
        attachmentsInOutput(file.doc, file.meta, { output: "extract", items: g.items }),
      );
    } catch (e) {
      if (e instanceof AttachmentError)
        return { ok: false, error: `Utdraget till ${g.recipient}: ${e.text.sv}` };
      throw e;
    }
    const r = await exportDocument(file, {
      format: "pdf",
      output: "extract",
      items: g.items,
      draft: false,
    });
    if (!r.ok)
      return { ok: false, error: `Utdraget till ${g.recipient} kunde inte göras: ${r.error}` };
    made.push({
      recipient: g.recipient,
      file: `${String(i + 1).padStart(2, "0")}_${slug(g.recipient) || "mottagare"}.pdf`,
      items: sectionRange(g.numbers),
      bytes: r.bytes,
      attachments,
    });
  }
  const base = [slug(file.meta.body.name), file.meta.meeting.date ?? "", "utdrag"]
    .filter(Boolean)
    .join("_");
  const folder = await freshFolder(join(parentFolder, base));
  await mkdir(folder, { recursive: false });
  for (const m of made) {
    await writeOutputFile(join(folder, m.file), m.bytes, { replace: false });
    await writeAttachmentsBeside(join(folder, m.file), m.attachments, { replace: false });
  }
  const files = made.map(({ recipient, file: name, items }) => ({ recipient, file: name, items }));
  const list = [
    `Utskickslista – protokollsutdrag ${file.meta.body.name}${file.meta.meeting.date ? ` ${file.meta.meeting.date}` : ""}`,
    "",
    ...files.map((f) => `${f.recipient}\t${f.items}\t${f.file}`),
    "",
  ].join("\n");
  await writeOutputFile(join(folder, "utskickslista.txt"), list, { replace: false });
  return { ok: true, folder, files };
}
