/**
 * The spell-check worker: loads Hunspell and the Swedish dictionary (shipped with the app under
 * `dictionaries/`, never downloaded) away from the editor's thread, and answers lists of words
 * with the misspelled ones, and a word with suggestions. Messages: `SpellRequest` → `SpellReply`.
 */
import { createSpeller, type Speller } from "./speller.js";

export type SpellRequest =
  | { type: "init"; dictionaries: string }
  | { type: "check"; id: number; words: string[] }
  | { type: "suggest"; id: number; word: string }
  | { type: "accept"; words: string[] };

export type SpellReply =
  | { type: "ready"; ms: number }
  | { type: "failed"; message: string }
  | { type: "checked"; id: number; wrong: string[]; ms: number }
  | { type: "suggested"; id: number; suggestions: string[] };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<SpellRequest>) => void) | null;
  postMessage(reply: SpellReply): void;
};
let speller: Promise<Speller> | null = null;

async function load(base: string): Promise<Speller> {
  const started = performance.now();
  const bytes = async (name: string) => {
    const r = await fetch(new URL(name, base));
    if (!r.ok) throw new Error(`${name}: ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  };
  const [aff, dic] = await Promise.all([bytes("sv.aff"), bytes("sv.dic")]);
  const s = await createSpeller(aff, dic);
  scope.postMessage({ type: "ready", ms: performance.now() - started });
  return s;
}

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === "init") {
    speller = load(m.dictionaries);
    speller.catch((err: unknown) =>
      scope.postMessage({
        type: "failed",
        message: err instanceof Error ? err.message : String(err),
      }),
    );
    return;
  }
  if (!speller) return;
  void speller.then(
    (s) => {
      if (m.type === "check") {
        const started = performance.now();
        const wrong = m.words.filter((w) => !s.check(w));
        scope.postMessage({ type: "checked", id: m.id, wrong, ms: performance.now() - started });
      } else if (m.type === "suggest")
        scope.postMessage({
          type: "suggested",
          id: m.id,
          suggestions: s.suggest(m.word).slice(0, 8),
        });
      else for (const w of m.words) s.add(w);
    },
    () => undefined,
  );
};
