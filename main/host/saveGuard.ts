/**
 * What a save may not do to the justering record (issue 13, item 8), checked by the host before it
 * writes — whatever the page sends:
 *
 * - a justerad protocol on disk changes only by a recorded rättelse or anslag (its history grows
 *   by such entries and the seal chain holds), or not in its sealed content at all (`checkEdit`);
 * - a § justerad at the meeting keeps its content, and the history is only appended to, when the
 *   save replaces the document it was based on;
 * - a protocol with rule errors becomes justerad only with a recorded override: the justering's
 *   history entry carries the reason (`why`), which the seal covers.
 */
import type { ProtokollFile } from "../../schemas/file.js";
import { checkEdit } from "../../schemas/review/reviewStatus.js";
import { immediateAdjustments } from "../../schemas/review/adjust.js";
import { findItem, itemHash, itemLabel } from "../../schemas/review/items.js";
import { verifySeal } from "../../schemas/review/seal.js";
import { hasErrors, validateFile } from "../../schemas/rules/index.js";

export const ADJUSTED_OVERWRITE =
  "Protokollet är justerat och kan inte skrivas över. Ändringar i ett justerat protokoll görs med ”Rättelse”, som registreras i historiken. Spara dokumentet under ett annat namn om du vill behålla dina ändringar.";

/** The justering of the whole protocol, if any: the last history entry of kind "adjusted" without a §. */
const wholeAdjustment = (file: ProtokollFile) =>
  file.history.filter((h) => h.kind === "adjusted" && h.item === null).at(-1);

/**
 * A rättelse or an anslag recorded the way recordCorrection and recordNotice do it: history
 * extended by such entries only, each renewing the seal, and the seal chain intact.
 */
function isRecordedSealRenewal(before: ProtokollFile, after: ProtokollFile): boolean {
  if (after.meta.status !== "adjusted" || after.history.length <= before.history.length)
    return false;
  if (
    JSON.stringify(after.history.slice(0, before.history.length)) !== JSON.stringify(before.history)
  )
    return false;
  if (
    !after.history
      .slice(before.history.length)
      .every((h) => h.kind === "correction" || h.kind === "notice")
  )
    return false;
  return verifySeal(after).ok;
}

/**
 * Why `after` may not replace `before` (the document on disk, null when there is none), or null
 * when it may. `inPlace`: the save was based on `before` (a save, not "Spara som" over another file).
 */
export function saveRefusal(
  before: ProtokollFile | null,
  after: ProtokollFile,
  inPlace: boolean,
): string | null {
  if (before?.meta.status === "adjusted") {
    if (checkEdit(before, after).ok || isRecordedSealRenewal(before, after)) return null;
    return ADJUSTED_OVERWRITE;
  }
  if (before && inPlace) {
    const history =
      JSON.stringify(after.history.slice(0, before.history.length)) ===
      JSON.stringify(before.history);
    if (after.history.length < before.history.length || !history)
      return "Dokumentet sparades inte: historiken kan bara läggas till, inte ändras.";
    for (const entry of immediateAdjustments(before)) {
      const node = findItem(after.doc, entry.item!);
      if (!node || itemHash(node) !== entry.seal?.sha256)
        return `Dokumentet sparades inte: ${itemLabel(before, entry.item!)} är omedelbart justerad och kan inte ändras eller tas bort.`;
    }
  }
  // (before is not justerad here: that case returned above)
  if (after.meta.status === "adjusted") {
    const justering = wholeAdjustment(after);
    const override = justering?.why?.trim();
    if (!override && hasErrors(validateFile(after)))
      return "Protokollet har regelfel och kan inte justeras utan ett registrerat skäl. Rätta felen, eller justera med ”Justera ändå” och skriv varför.";
  }
  return null;
}
