/**
 * Swedish spelling with real Hunspell (hunspell-asm: Hunspell compiled to WebAssembly) and the
 * dictionary-sv affix and word files, which know Swedish compounds ("ersättaryttrande") through
 * their COMPOUNDBEGIN/MIDDLE/END flags. The same code runs in the spell-check worker and in Node
 * (the tests), given the two files' bytes.
 */
import { loadModule } from "hunspell-asm";

export interface Speller {
  /** Is the word spelled right? */
  check(word: string): boolean;
  /** Suggestions for a misspelled word, best first (slow: tens to hundreds of ms). */
  suggest(word: string): string[];
  /** Accept a word from now on (the workspace's word list). */
  add(word: string): void;
}

export async function createSpeller(aff: Uint8Array, dic: Uint8Array): Promise<Speller> {
  const factory = await loadModule();
  const hunspell = factory.create(
    factory.mountBuffer(aff, "sv.aff"),
    factory.mountBuffer(dic, "sv.dic"),
  );
  return {
    check: (word) => hunspell.spell(word),
    suggest: (word) => hunspell.suggest(word),
    add: (word) => hunspell.addWord(word),
  };
}
