/**
 * The workspace's word list of the spell-check: `ordlista.txt`, UTF-8, one word a line, sorted
 * the Swedish way. Words the secretary adds ("Lägg till i ordlistan") are never flagged again in
 * any document of the workspace. Written atomically; a line that is not a word is left out.
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { atomicWrite } from "../files/atomicWrite.js";
import type { HostEnv } from "./createHandlers.js";

const WORD_LIST_NAME = "ordlista.txt";
const WORD = /^[\p{L}\p{M}][\p{L}\p{M}'’.:-]{0,99}$/u;

/** The word list's real path for the open document, or null (unsaved document, not allowed). */
export function wordListFile(
  env: Pick<HostEnv, "resolve" | "wordListPath">,
  documentPath: string | null,
): string | null {
  if (env.wordListPath) return env.wordListPath(documentPath);
  if (documentPath === null) return null;
  const real = env.resolve(documentPath);
  return real === null ? null : join(dirname(real), WORD_LIST_NAME);
}

export async function readWordList(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return [];
  }
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((l) => l.trim().normalize("NFC"))
        .filter((l) => WORD.test(l)),
    ),
  ];
}

export async function addToWordList(file: string, word: string): Promise<void> {
  const clean = word.trim().normalize("NFC");
  if (!WORD.test(clean)) throw new Error(`”${word}” är inte ett ord.`);
  const words = await readWordList(file);
  if (words.includes(clean)) return;
  words.push(clean);
  words.sort((a, b) => a.localeCompare(b, "sv"));
  await atomicWrite(file, words.join("\n") + "\n");
}
