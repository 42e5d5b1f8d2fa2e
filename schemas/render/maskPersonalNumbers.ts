/**
 * Masking personnummer for the public version. The detector is schemas/personalNumbers.ts (the
 * one the rule confidential-masked uses too). A paragraph's text is searched as a whole — its runs
 * joined — so a number split over runs ("19460619-" in bold, "3029" plain) is found, and the mask
 * is mapped back onto the runs: it takes the place of the number in the run where the number
 * starts (with that run's emphasis), and the rest of the number is cut from the runs after it.
 */
import { findPersonalNumbers } from "../personalNumbers.js";
import type { Run } from "./renderModel.js";

export { isPersonalNumber, luhnValid } from "../personalNumbers.js";

export const PERSONAL_NUMBER_MASK = "ÅÅMMDD-XXXX";

/** Replace every personnummer in the text by the mask. */
export function maskPersonalNumbers(text: string): string {
  const found = findPersonalNumbers(text);
  if (found.length === 0) return text;
  let out = "";
  let at = 0;
  for (const m of found) {
    out += text.slice(at, m.start) + PERSONAL_NUMBER_MASK;
    at = m.end;
  }
  return out + text.slice(at);
}

/** Mask the personnummer in a paragraph's runs, found over their joined text. Runs left empty are dropped. */
export function maskPersonalNumbersInRuns(runs: readonly Run[]): Run[] {
  const joined = runs.map((r) => r.text).join("");
  const found = findPersonalNumbers(joined);
  if (found.length === 0) return runs.map((r) => ({ ...r }));
  // Per character: where a number starts (the mask goes there) and which characters it covers.
  const starts = new Set(found.map((m) => m.start));
  const covered = new Uint8Array(joined.length);
  for (const m of found) covered.fill(1, m.start, m.end);
  const out: Run[] = [];
  let offset = 0;
  for (const r of runs) {
    let text = "";
    for (let i = offset; i < offset + r.text.length; i++) {
      if (starts.has(i)) text += PERSONAL_NUMBER_MASK;
      if (!covered[i]) text += joined[i];
    }
    offset += r.text.length;
    if (text !== "") out.push({ ...r, text });
  }
  return out;
}
