/**
 * The names of the Word bookmarks that mark each § in a review copy, so comments made in Word can
 * be placed on the right § even if the secretary renumbered or reordered §§ meanwhile. Word allows
 * letters, digits and underscores, at most 40 characters, starting with a letter.
 */
import { sha256 } from "../../schemas/review/sha256.js";

export function itemBookmark(itemId: string): string {
  return /^[A-Za-z0-9_]{1,30}$/.test(itemId)
    ? `par_${itemId}`
    : `par_h${sha256(itemId).slice(0, 24)}`;
}
