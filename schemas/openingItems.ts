/**
 * The opening § "Val av justerare samt tid och plats för justering" is written from the meeting
 * facts (the justerare, the day and place of justering) and follows them when they change: the
 * editor rewrites it after a change of the metadata as long as the secretary has not written it
 * herself (its text is still what was generated, or the template's placeholder). Where a fact is
 * missing the sentence keeps "…", which the placeholders rule flags.
 */
import type { Node } from "prosemirror-model";
import { swedishLongDate } from "./dates.js";
import { nameWithParty } from "./generated.js";
import type { Meta } from "./meta.js";
import { itemTitleText } from "./titleText.js";

export const ADJUSTMENT_ITEM_TITLE = "Val av justerare samt tid och plats för justering";

/** "Eva Berg (S) utses att jämte ordföranden justera dagens protokoll. Tid och plats för justering: måndag den 31 augusti 2020, Kommunhuset." */
export function adjustmentItemText(
  meta: Pick<Meta, "persons" | "adjusters" | "chair" | "adjustment">,
): string {
  const names = meta.adjusters
    .filter((id) => id !== meta.chair)
    .map((id) => meta.persons.find((p) => p.id === id))
    .filter((p) => p !== undefined)
    .map((p) => nameWithParty(p));
  const who =
    names.length === 0
      ? "…"
      : names.length === 1
        ? names[0]!
        : `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}`;
  const when = meta.adjustment.date
    ? swedishLongDate(meta.adjustment.date, { weekday: true })
    : "…";
  const where = meta.adjustment.place?.trim() || "…";
  return `${who} utses att jämte ordföranden justera dagens protokoll. Tid och plats för justering: ${when}, ${where}.`;
}

/** Text of the template's opening § before this was generated (older documents). */
const legacyPlaceholder =
  /^… utses att jämte ordföranden justera dagens protokoll\. Justering sker …$/;

export interface TextReplacement {
  from: number;
  to: number;
  text: string;
}

/**
 * The rewrite that keeps the opening § in step with `after`, or null: found by its title (val av
 * justerare), its first decision point rewritten only while it still reads as generated from
 * `before` (or `after`), or as the template's placeholder. A draft only: after justering the text
 * is the protocol's.
 */
export function syncAdjustmentItem(doc: Node, before: Meta, after: Meta): TextReplacement | null {
  if (after.status !== "draft") return null;
  const next = adjustmentItemText(after);
  let found: TextReplacement | null = null;
  doc.forEach((item, offset) => {
    if (found || item.type.name !== "agenda_item" || !/val av justerare/i.test(itemTitleText(item)))
      return;
    item.forEach((block, blockOffset) => {
      if (found || block.type.name !== "decision" || !block.firstChild?.isTextblock) return;
      const point = block.firstChild;
      const current = point.textContent;
      const generated =
        current === adjustmentItemText(before) ||
        current === next ||
        legacyPlaceholder.test(current);
      if (!generated || current === next) return;
      const start = offset + 1 + blockOffset + 1 + 1; // into the item, the decision, the point
      found = { from: start, to: start + point.content.size, text: next };
    });
  });
  return found;
}
