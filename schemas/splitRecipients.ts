/**
 * "Expedieras till" written as text → the recipients it names. One convention, used wherever a
 * list of recipients arrives as text: the migration of files whose distribution block was prose,
 * the protocol importer, the tjänsteskrivelse importer and a paste into the list in the editor.
 *
 * Swedish protocols list recipients one a line, or on one line separated by semicolons, commas or
 * "och"/"samt" ("Kommunstyrelsen, Ekonomienheten och Revisionen"). A line is split on commas and
 * "och"/"samt" only where it reads as a list of names or bodies, so that a body's own name is kept
 * whole: "Vård- och omsorgsnämnden" (the "och" of a compound after a hyphen), "Enheten för ekonomi
 * och styrning" (the part after "och" starts in lower case), "Anna Ek, nämndsekreterare" (a
 * title after a comma), and a line of more than a few words between the separators (a sentence).
 */
import type { Fragment, Node } from "prosemirror-model";

/** Bullets and dashes a list line may start with, and what may close a line. */
const LEADING_MARK = /^\s*(?:[-–—•*·▪]|\d{1,2}[.)])\s+/u;
const TRAILING_MARK = /[\s,.;]+$/u;
/** "och"/"samt" between two names — not the "och" of a compound after a hyphen ("Barn- och …"). */
const AND = /(?<![-–]\s*)\s+(?:och|samt)\s+/u;
const MAX_WORDS = 6;

/** A line or part of a list as a recipient: its bullet or number, end punctuation and extra spaces removed. */
export const recipientText = (s: string) =>
  s.replace(LEADING_MARK, "").replace(TRAILING_MARK, "").replace(/\s+/gu, " ").trim();
const words = (s: string) => s.split(" ").filter(Boolean).length;

/** Written as a name or a body is: starting with a capital letter. */
export const capitalised = (s: string) => /^\p{Lu}/u.test(s);

/** Whether a recipient's text (`recipientText`) reads as one name or body: capitalised, a few words. */
export const readsAsName = (name: string) =>
  name !== "" && words(name) <= MAX_WORDS && capitalised(name);

/** `parts` as recipients when each reads as a name or a body, else null. */
function asNames(parts: string[]): string[] | null {
  const names = parts.map(recipientText);
  return names.every(readsAsName) ? names : null;
}

/** One comma-separated part → split on "och"/"samt" when the names after it are capitalised. */
const splitAnd = (part: string): string[] => asNames(part.split(AND)) ?? [recipientText(part)];

/** The recipients named in `text` (one or several lines), in order, empty ones dropped. */
export function splitRecipients(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n|;/u)) {
    const l = recipientText(line);
    if (!l) continue;
    const byComma = l.includes(",") ? asNames(l.split(",")) : null;
    out.push(...(byComma ?? [l]).flatMap(splitAnd));
  }
  return out.filter(Boolean);
}

/**
 * The recipients of one `distribution` block: the text of each `recipient`, or — in the prose shape
 * of files before format version 2 — its lines (paragraphs, list items, line breaks) split as above.
 */
export function distributionRecipients(block: Node): string[] {
  if (block.firstChild?.type.name === "recipient") {
    const out: string[] = [];
    block.forEach((r) => {
      const name = r.textContent.replace(/\s+/gu, " ").replace(TRAILING_MARK, "").trim();
      if (name) out.push(name);
    });
    return out;
  }
  return recipientsIn(block.content);
}

/** The recipients a piece of prose names: its lines (paragraphs, list items, line breaks) split as above. */
export function recipientsIn(content: Fragment): string[] {
  return splitRecipients(
    content.textBetween(0, content.size, "\n", (leaf) =>
      leaf.type.name === "hard_break" ? "\n" : "",
    ),
  );
}
