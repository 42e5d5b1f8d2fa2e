/**
 * Rättelse after justering: the only way a justerad protocol changes. The correction says what was
 * wrong and what it now says, why, who and when; it is appended to the history with the previous
 * seal, and the seal is renewed over the corrected content. The exports show it as a visible note.
 */
import type { Node } from "prosemirror-model";
import { checkReferences, type ProtokollFile } from "../file.js";
import { Meta, type HistoryEntry, type MetaInput } from "../meta.js";
import { findItem, itemHash, itemIds } from "./items.js";
import { badTime, copyFile, refuse, statusIs, type ReviewResult } from "./reviewResult.js";
import { makeSeal, sealedContent, verifySeal } from "./seal.js";

export interface Correction {
  /** The corrected document; omit when only metadata is corrected. */
  newDoc?: Node;
  /** The corrected metadata; `status` and `seal` are kept from the justerad protocol whatever this says. */
  newMeta?: MetaInput;
  /** What was wrong and what it now says. */
  what: string;
  why: string;
  /** Who makes the correction (name or person id, at most 100 characters). */
  by: string;
  at: string;
  /** The § corrected; found automatically when exactly one § changed. */
  item?: string | null;
}

export function recordCorrection(file: ProtokollFile, c: Correction): ReviewResult {
  if (file.meta.status !== "adjusted")
    return refuse(
      `${statusIs(file.meta)}. En rättelse kan bara göras i ett justerat protokoll – ändra utkastet direkt i stället.`,
    );
  const sealed = verifySeal(file);
  if (!sealed.ok) return refuse(`Rättelsen kan inte göras: ${sealed.message}`);
  const time = badTime(c.at);
  if (time) return refuse(time);
  if (!c.what.trim()) return refuse("Skriv vad som rättas (vad stod det och vad står det nu).");
  if (!c.why.trim()) return refuse("Skriv varför rättelsen görs.");
  const by = c.by.trim();
  if (!by || by.length > 100) return refuse("Ange vem som gör rättelsen (högst 100 tecken).");
  if (!c.newDoc && !c.newMeta) return refuse("Rättelsen innehåller ingen ändring.");

  const next = copyFile(file);
  if (c.newDoc) {
    try {
      c.newDoc.check();
    } catch (e) {
      return refuse(
        `Det rättade dokumentet är ogiltigt: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    next.doc = c.newDoc;
  }
  if (c.newMeta) {
    const meta = Meta.safeParse(c.newMeta);
    if (!meta.success)
      return refuse(
        `De rättade uppgifterna är ogiltiga: ${meta.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    next.meta = { ...meta.data, status: "adjusted", seal: file.meta.seal };
  }
  const errors = checkReferences(next.kind, next.meta, next.doc);
  if (errors.length)
    return refuse(
      `Rättelsen ger ett ogiltigt protokoll: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
    );
  if (sealedContent(next) === sealedContent(file))
    return refuse("Rättelsen ändrar ingenting i protokollet.");

  const entry: HistoryEntry = {
    at: c.at,
    by,
    kind: "correction",
    what: c.what.trim(),
    why: c.why.trim(),
    item: c.item ?? changedItem(file.doc, next.doc),
    seal: null,
    previousSeal: file.meta.seal,
  };
  if (entry.item && !findItem(next.doc, entry.item))
    return refuse(`Paragrafen ”${entry.item}” finns inte i protokollet.`);
  next.history.push(entry);
  const seal = makeSeal(next, c.at, [by]);
  entry.seal = seal;
  next.meta.seal = seal;
  return { ok: true, file: next };
}

/** The id of the one § that differs between two documents, or null when none or several do. */
function changedItem(before: Node, after: Node): string | null {
  const ids = new Set([...itemIds(before), ...itemIds(after)]);
  const changed = [...ids].filter((id) => {
    const a = findItem(before, id),
      b = findItem(after, id);
    return !a || !b || itemHash(a) !== itemHash(b);
  });
  return changed.length === 1 ? changed[0]! : null;
}
