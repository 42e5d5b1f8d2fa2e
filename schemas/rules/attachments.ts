/**
 * attachments: bilagor (schemas/attachments.ts) are what the text says they are (practice).
 * - item scope: a reference to a bilaga that has been removed from the list (error);
 * - document scope: a bilaga of a § that is no longer in the protocol (warning: it is listed for
 *   the whole protocol); and, when the host has looked at the files (`context.attachmentFiles`), a
 *   bilaga whose file is missing from `bilagor/` or has changed since it was attached (error: the
 *   export would list a file it cannot write, or write another one than the protocol names).
 */
import { numberedAttachments } from "../attachments.js";
import { problem } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentRule, ItemRule } from "./types.js";

export const attachmentRefs: ItemRule = {
  id: "attachments",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const ids = new Set((ctx.meta.attachments ?? []).map((a) => a.id));
    const start = ctx.item.pos;
    ctx.item.node.descendants((node, offset) => {
      if (node.type.name !== "attachment_ref") return node.isBlock;
      if (!ids.has(node.attrs.target as string)) {
        const pos = start + 1 + offset;
        out.push(
          problem(this, {
            message: `Hänvisningen i ${ctx.label} pekar på en bilaga som inte längre finns i listan över bilagor. Ta bort hänvisningen eller lägg till bilagan igen.`,
            item: ctx.item.id,
            from: pos,
            to: pos + node.nodeSize,
          }),
        );
      }
      return false;
    });
    return out;
  },
};

export const attachmentFiles: DocumentRule = {
  id: "attachments",
  severity: "error",
  scope: "document",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const itemIds = new Set(ctx.items.map((i) => i.id));
    const files = ctx.context?.attachmentFiles;
    for (const { attachment: a, number } of numberedAttachments(ctx.doc, ctx.meta.attachments)) {
      const name = `bilaga ${number} (”${a.title}”)`;
      if (a.item !== undefined && !itemIds.has(a.item))
        out.push(
          problem(this, {
            message: `${name[0]!.toUpperCase()}${name.slice(1)} hörde till en paragraf som inte längre finns i protokollet; den listas nu som bilaga till hela protokollet.`,
            item: null,
            from: 0,
            to: 0,
            severity: "warning",
          }),
        );
      if (!files || !(a.file in files)) continue;
      const onDisk = files[a.file];
      if (onDisk === null)
        out.push(
          problem(this, {
            message: `Filen till ${name} saknas: ${a.file} finns inte i mappen bredvid dokumentet. Lägg till bilagan igen eller ta bort den.`,
            item: null,
            from: 0,
            to: 0,
          }),
        );
      else if (onDisk !== a.sha256)
        out.push(
          problem(this, {
            message: `Filen till ${name} har ändrats sedan den bifogades (${a.file}). Lägg till den som ny bilaga om ändringen är avsiktlig.`,
            item: null,
            from: 0,
            to: 0,
          }),
        );
    }
    return out;
  },
};
