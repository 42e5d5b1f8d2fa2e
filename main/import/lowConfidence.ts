/**
 * The §§ an import is unsure of, for the secretary to check first ("§§ att kontrollera efter
 * import"): a § with a message from the stages, a title that looks wrong, or a § in which nothing
 * but prose was recognised although it has much text.
 */
import { numberedItems } from "../../schemas/numbering.js";
import type { ProtokollFile } from "../../schemas/file.js";
import { itemTitleText } from "../../schemas/titleText.js";

export interface LowConfidenceItem {
  /** The § number as printed. */
  item: number;
  /** Why, in Swedish. */
  reasons: string[];
}

const STRUCTURED = new Set([
  "decision",
  "decision_procedure",
  "background",
  "proposal",
  "vote",
  "reservation",
  "protocol_note",
  "special_statement",
  "substitute_statement",
  "recusal",
  "distribution",
]);

export function lowConfidenceItems(
  file: ProtokollFile,
  uncertain: readonly { item: number | null; message: string }[],
): LowConfidenceItem[] {
  if (file.kind !== "protokoll") return [];
  const out: LowConfidenceItem[] = [];
  for (const { node, number } of numberedItems(file.doc, file.meta)) {
    const reasons = uncertain.filter((u) => u.item === number).map((u) => u.message);
    const title = itemTitleText(node);
    if (/^\(rubrik saknas\)$/.test(title)) reasons.push("Rubriken saknas.");
    else if (title.length > 250)
      reasons.push("Rubriken är ovanligt lång – brödtext kan ha tagits med.");
    else if (/^(dnr|diarienummer|ärendenummer)\b|^\S*\d{2,4}[/:-]\d+\S*$/i.test(title))
      reasons.push("Rubriken ser ut som ett diarienummer.");
    let structured = 0;
    let prose = 0;
    node.forEach((c) => {
      if (STRUCTURED.has(c.type.name)) structured++;
      else if (!["item_title", "item_subtitle", "dnr"].includes(c.type.name)) prose++;
    });
    if (!structured && prose > 3)
      reasons.push("Inga rubriker eller beslut kändes igen – texten ligger kvar som löptext.");
    if (reasons.length) out.push({ item: number, reasons: [...new Set(reasons)] });
  }
  return out;
}
