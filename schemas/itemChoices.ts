/**
 * The §§ a user picks from ("§ 12 Budget för nästa år"): the from and to of an attendance ledger
 * row, the § a bilaga belongs to, the target of a §-reference, the §§ of a protokollsutdrag.
 * Written once so every list numbers and cuts titles the same way.
 */
import type { Node } from "prosemirror-model";
import type { Meta } from "./meta.js";
import { numberedItems } from "./numbering.js";
import { itemTitleText } from "./titleText.js";

/** One § as a choice: its id and "§ 12 Titel". */
export interface ItemChoice {
  id: string;
  label: string;
}

/**
 * Titles longer than this many characters are cut and end in "…", so a list stays readable: after
 * the last whole word that fits, or within a word when the words are too long to cut between.
 */
export const ITEM_CHOICE_TITLE_LENGTH = 50;

/** What a § without a title is called in a list, so it can still be told apart and chosen. */
export const UNTITLED_ITEM = "(utan rubrik)";

/** The title as a choice shows it: whitespace collapsed, cut at the length above with "…". */
function choiceTitle(title: string): string {
  const t = title.replace(/\s+/g, " ").trim();
  if (!t) return UNTITLED_ITEM;
  if (t.length <= ITEM_CHOICE_TITLE_LENGTH) return t;
  const head = t.slice(0, ITEM_CHOICE_TITLE_LENGTH + 1);
  const space = head.lastIndexOf(" ");
  const cut = space > ITEM_CHOICE_TITLE_LENGTH * 0.6 ? head.slice(0, space) : head.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Every § in document order, numbered from the meeting's first § number (meta). */
export function itemChoices(doc: Node, meta: Pick<Meta, "body">): ItemChoice[] {
  return numberedItems(doc, meta).map((i) => ({
    id: i.id,
    label: `§ ${i.number} ${choiceTitle(itemTitleText(i.node))}`,
  }));
}
