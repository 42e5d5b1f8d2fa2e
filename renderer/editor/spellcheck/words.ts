/**
 * What the spell-check reads: the words of a text with their offsets, which of them are worth
 * asking the dictionary about, and the words a meeting makes right that no dictionary has — the
 * names of its persons, its body and place. Pure (no DOM, no worker), so it is tested in Node.
 */
import type { Meta } from "../../../schemas/meta.js";

export interface Token {
  word: string;
  /** Offset in the text it was read from, and its end. A sentence's final period is not part of the word. */
  from: number;
  to: number;
}

// Letters, joined by a hyphen, an apostrophe or an abbreviation's period ("bl.a.", "Per-Olof"),
// and a final period which Hunspell needs to know an abbreviation ("t.ex.") from a word.
const WORD = /\p{L}[\p{L}\p{M}]*(?:[-.:'’]\p{L}[\p{L}\p{M}]*)*\.?/gu;

/** The words of `text`. Parts of a longer token with digits ("2020-08-25", "KS/2024:12") are not words. */
export function spellTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const from = m.index;
    const before = text[from - 1];
    const after = text[from + m[0].length];
    if ((before && /[\d/_@]/.test(before)) || (after && /[\d/_@]/.test(after))) continue;
    // A final period belongs to an abbreviation ("bl.a."), not to an ordinary word ending a sentence.
    const abbreviation = m[0].endsWith(".") && m[0].slice(0, -1).includes(".");
    const word = m[0].endsWith(".") && !abbreviation ? m[0].slice(0, -1) : m[0];
    out.push({ word, from, to: from + word.length });
  }
  return out;
}

/**
 * Is the word worth checking? Single letters ("a", "§ 5 b") and acronyms in capitals ("OSL", "KS")
 * are not: every body has its own, and a dictionary cannot know them.
 */
export function shouldCheck(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, "");
  if (letters.length < 2) return false;
  if (letters.length <= 6 && letters === letters.toUpperCase()) return false;
  return true;
}

/** The words a meeting makes right: its persons' names, its body's name and the meeting's place. */
export function meetingWords(meta: Meta): Set<string> {
  const out = new Set<string>();
  const add = (text: string | null | undefined) => {
    for (const t of spellTokens(text ?? ""))
      for (const part of t.word.replace(/\.$/, "").split(/[-.:'’]/)) if (part) out.add(part);
  };
  for (const p of meta.persons) add(p.name);
  add(meta.body.name);
  add(meta.meeting.place);
  return out;
}

/** Is `word` one of `words`, or its genitive ("Qwertysons" of "Qwertyson"), or hyphenated parts of them? */
export function isKnown(word: string, words: ReadonlySet<string>): boolean {
  const bare = word.replace(/\.$/, "");
  if (words.has(bare)) return true;
  if (/[sS]$/.test(bare) && words.has(bare.slice(0, -1))) return true;
  const parts = bare.split("-");
  return parts.length > 1 && parts.every((p) => !p || isKnown(p, words));
}
