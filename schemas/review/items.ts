/** Finding a § and naming it ("§ 5 Motion om …") for the justering operations. */
import type { Node } from "prosemirror-model";
import { canonicalJSON } from "../canonical.js";
import type { ProtokollFile } from "../file.js";
import { numberedItems } from "../numbering.js";
import { stripDocDefaults } from "./sealForm.js";
import { formV1Keys } from "./sealFormV1.js";
import { sha256 } from "./sha256.js";

export function findItem(doc: Node, id: string): Node | null {
  let found: Node | null = null;
  doc.forEach((n) => {
    if (!found && n.type.name === "agenda_item" && n.attrs.id === id) found = n;
  });
  return found;
}

/** "§ 5", or the id in quotes when the § is not in the document. */
export function itemLabel(file: Pick<ProtokollFile, "doc" | "meta">, id: string): string {
  const n = numberedItems(file.doc, file.meta).find((i) => i.id === id);
  return n ? `§ ${n.number}` : `paragrafen ”${id}”`;
}

/**
 * SHA-256 of one § (its canonical JSON: text, marks and attributes), to tell whether it changed;
 * the seal of an omedelbar justering and the hash an approval keeps. Attributes added to the
 * schema after seal form 1 (sealFormV1.ts) are left out while they hold their default, so a new
 * attribute does not make every § read as changed; the ones that existed then are always written
 * out, which keeps the hashes of files justerade before identical.
 */
export function itemHash(item: Node): string {
  return sha256(canonicalJSON(stripDocDefaults(item.toJSON(), (path) => !formV1Keys.has(path))));
}

/** Ids of all §§ in document order. */
export function itemIds(doc: Node): string[] {
  const out: string[] = [];
  doc.forEach((n) => {
    if (n.type.name === "agenda_item") out.push(n.attrs.id as string);
  });
  return out;
}
