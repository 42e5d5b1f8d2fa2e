/**
 * The editor's side of the spell-check worker: remembers every word's verdict (a protocol repeats
 * its words, so each is asked once), sends the unknown ones in one message, and asks for
 * suggestions only when the secretary opens the menu on a word. Words the secretary accepted (the
 * workspace's word list, "Ignorera") are right without asking.
 */
import type { SpellReply, SpellRequest } from "./spellWorker.js";

export class SpellClient {
  private readonly verdicts = new Map<string, boolean>();
  /** Words sent to the worker, and the answer each waits for. */
  private readonly asked = new Map<string, Promise<void>>();
  private readonly waiting = new Map<number, (reply: SpellReply) => void>();
  private nextId = 1;
  /** Words accepted in this workspace: its word list and the words ignored in this session. */
  readonly accepted = new Set<string>();
  /** Resolves when the dictionary is loaded; rejects (with a Swedish message) when it cannot be. */
  readonly ready: Promise<void>;
  /** Time the worker spent on its last list of words (the benchmark reads it). */
  lastCheckMs = 0;

  constructor(
    private readonly worker: Worker,
    dictionaries: string,
  ) {
    let ready: () => void = () => undefined;
    let failed: (e: Error) => void = () => undefined;
    this.ready = new Promise<void>((ok, fail) => ((ready = ok), (failed = fail)));
    this.ready.catch(() => undefined);
    worker.onmessage = (e: MessageEvent<SpellReply>) => {
      const m = e.data;
      if (m.type === "ready") ready();
      else if (m.type === "failed")
        failed(new Error(`Rättstavningen kunde inte starta: ${m.message}`));
      else {
        this.waiting.get(m.id)?.(m);
        this.waiting.delete(m.id);
      }
    };
    worker.onerror = (e) => failed(new Error(`Rättstavningen kunde inte starta: ${e.message}`));
    this.post({ type: "init", dictionaries });
  }

  private post(m: SpellRequest) {
    this.worker.postMessage(m);
  }

  /** true (right), false (misspelled) or undefined (not asked yet). */
  verdict(word: string): boolean | undefined {
    return this.accepted.has(word) ? true : this.verdicts.get(word);
  }

  /** Ask the worker about the words not asked before; resolves when all their verdicts are known. */
  async check(words: Iterable<string>): Promise<void> {
    const waits = new Set<Promise<void>>();
    const fresh: string[] = [];
    for (const w of words) {
      if (this.accepted.has(w)) continue;
      const pending = this.asked.get(w);
      if (pending) waits.add(pending);
      else fresh.push(w);
    }
    if (fresh.length) {
      const id = this.nextId++;
      const reply = new Promise<SpellReply>((ok) => this.waiting.set(id, ok));
      const done = reply.then((m) => {
        if (m.type !== "checked") return;
        this.lastCheckMs = m.ms;
        const wrong = new Set(m.wrong);
        for (const w of fresh) this.verdicts.set(w, !wrong.has(w));
      });
      for (const w of fresh) this.asked.set(w, done);
      waits.add(done);
      this.post({ type: "check", id, words: fresh });
    }
    await Promise.all(waits);
  }

  async suggest(word: string): Promise<string[]> {
    const id = this.nextId++;
    const reply = new Promise<SpellReply>((ok) => this.waiting.set(id, ok));
    this.post({ type: "suggest", id, word });
    const m = await reply;
    return m.type === "suggested" ? m.suggestions : [];
  }

  /** Accept words from now on (the word list, "Lägg till i ordlistan", "Ignorera"). */
  accept(words: Iterable<string>): void {
    const list = [...words].filter((w) => w && !this.accepted.has(w));
    if (!list.length) return;
    for (const w of list) this.accepted.add(w);
    this.post({ type: "accept", words: list });
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/** Start the worker (bundled by Vite from spellWorker.ts) with the dictionaries shipped beside the page. */
export function startSpellCheck(): SpellClient {
  const worker = new Worker(new URL("./spellWorker.ts", import.meta.url), { type: "module" });
  return new SpellClient(worker, new URL("dictionaries/", document.baseURI).href);
}
