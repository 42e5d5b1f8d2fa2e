/**
 * The title a document part shows: a § (or ärende) has its title as its first child (`item_title`,
 * `entry_title`); an interpellationssvar's title is the first child of its `answer` node, and an
 * answer still without one is called by what it is.
 */
import type { Node } from "prosemirror-model";

/** The text of a § or ärende's title ("" when it has none yet). */
export const itemTitleText = (item: Node): string => item.firstChild?.textContent ?? "";

/** What an interpellationssvar is called: its title, or "Svar på interpellation" while it has none. */
export const answerTitleText = (doc: Node): string =>
  doc.firstChild?.firstChild?.textContent || "Svar på interpellation";
