/**
 * The visible notes of rättelser for the editor and the exports: after justering a protocol
 * changes only by a recorded rättelse, and the reader must see each one where it applies.
 */
import { swedishLongDate } from "../dates.js";
import type { ProtokollFile } from "../file.js";
import type { HistoryEntry } from "../meta.js";
import { itemLabel } from "./items.js";

export interface CorrectionNote {
  /** The § the rättelse applies to; null for the protocol as a whole (metadata or several §§). */
  item: string | null;
  entry: HistoryEntry;
  /** "Rättelse den 3 september 2020 av Sara Karlsson: … Skäl: …" */
  text: string;
}

export function correctionNotes(
  file: Pick<ProtokollFile, "history" | "doc" | "meta">,
): CorrectionNote[] {
  return file.history
    .filter((h) => h.kind === "correction")
    .map((entry) => {
      const where = entry.item ? ` (${itemLabel(file, entry.item)})` : "";
      const why = entry.why ? ` Skäl: ${entry.why}` : "";
      return {
        item: entry.item,
        entry,
        text: `Rättelse${where} ${swedishLongDate(entry.at.slice(0, 10), { den: true })} av ${entry.by}: ${entry.what}${why}`,
      };
    });
}
