/**
 * The review diff ("changed since you last looked", schemas/review/changesSince.ts) on one § of
 * 6,000 words with two one-word edits, through `changesSince` on a whole protocol (its first look,
 * and a refresh) and `diffWords` alone. Baselines in the same run: the quadratic LCS diff it replaced (lcsDiffWords.testkit.ts) on
 * a 600-word § with the same two edits — at 6,000 words it needs seconds and ~300 MB — and a plain
 * pass over the same words (tokenise both texts and compare them word by word), the floor any
 * word diff pays.
 */
import * as b from "../schemas/build.js";
import { changesSince, diffWords, markSeen } from "../schemas/review/changesSince.js";
import { lcsDiffWords } from "../schemas/review/lcsDiffWords.testkit.js";
import { sampleProtocol } from "../schemas/review/sampleProtocol.testkit.js";
import { replaceInItem } from "../schemas/review/textEdits.js";
import { parse, serialize } from "../schemas/file.js";
import { round, stats, time } from "./measure.js";

/** A text of `words` words in sentences of eight, each sentence numbered. */
function longText(words: number): string {
  return Array.from(
    { length: words / 8 },
    (_, k) => `Mening ${k + 1} beskriver ärendets bakgrund i detalj.`,
  ).join(" ");
}

/** The text with two one-word edits, at a sixth and at five sixths of it. */
function twoEdits(text: string, words: number): string {
  const sentences = words / 8;
  const first = Math.round(sentences / 6),
    second = Math.round((5 * sentences) / 6);
  return text
    .replace(`Mening ${first} beskriver`, `Mening ${first} sammanfattar`)
    .replace(
      `Mening ${second} beskriver ärendets bakgrund i detalj.`,
      `Mening ${second} beskriver ärendets bakgrund kortfattat.`,
    );
}

function plainPass(before: string, after: string): number {
  const x = before.match(/\s+|[^\s]+/g) ?? [],
    y = after.match(/\s+|[^\s]+/g) ?? [];
  let same = 0;
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] === y[i]) same++;
  return same;
}

export interface ReviewDiffResult {
  words: number;
  /** The first look: a freshly opened file. */
  changesSinceFirstMs: number | null;
  /** A refresh of the panel on the same file. */
  changesSinceMs: number | null;
  /** The same two, as the process's CPU time (without waiting for a core). */
  cpuMs: { first: number | null; refresh: number | null };
  diffWordsMs: number | null;
  plainPassMs: number | null;
  ratioToPlainPass: number | null;
  oldLcs: { words: number; ms: number | null; newMs: number | null; speedup: number | null };
}

export async function reviewDiffBench(words = 6000, oldWords = 600): Promise<ReviewDiffResult> {
  const before = longText(words),
    after = twoEdits(before, words);
  // The whole path the Justering panel takes: a protocol whose § 5 has that text, seen, then edited.
  const base = sampleProtocol();
  const items: ReturnType<typeof b.item>[] = [];
  base.doc.forEach((n) => {
    items.push(
      n.attrs.id === "p5"
        ? b.item({ id: "p5", title: "Ett långt ärende" }, b.background(before))
        : n,
    );
  });
  const seenResult = markSeen({ ...base, doc: b.protocol(...items) }, "lv", "2020-08-27T10:00");
  if (!seenResult.ok) throw new Error(seenResult.error);
  const seen = seenResult.file;
  const edited = { ...seen, doc: replaceInItem(seen.doc, "p5", before, after) };
  // First look: a freshly opened file (new nodes, the last-seen copy not yet read); then a refresh
  // of the panel on the same file.
  // Wall time, and the process's CPU time for the same call: on a shared, loaded machine the wall
  // time includes waiting for a core, the CPU time does not.
  const firsts: number[] = [],
    firstsCpu: number[] = [],
    refreshCpu: number[] = [];
  const cpu = (fn: () => unknown) => {
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    return (d.user + d.system) / 1000;
  };
  for (let k = 0; k < 11; k++) {
    const fresh = parse(serialize(edited));
    if (!fresh.ok) throw new Error(fresh.errors[0]!.message);
    const t0 = performance.now();
    const c = cpu(() => changesSince(fresh.file, "lv"));
    if (k < 2) continue; // warm-up
    firsts.push(performance.now() - t0);
    firstsCpu.push(c);
  }
  const first = stats(firsts);
  const cs = await time(() => changesSince(edited, "lv"), 9, 2);
  for (let k = 0; k < 9; k++) refreshCpu.push(cpu(() => changesSince(edited, "lv")));
  const dw = await time(() => diffWords(before, after), 9, 2);
  const pp = await time(() => plainPass(before, after), 9, 2);
  const smallBefore = longText(oldWords),
    smallAfter = twoEdits(smallBefore, oldWords);
  const old = await time(() => lcsDiffWords(smallBefore, smallAfter), 5, 1);
  const small = await time(() => diffWords(smallBefore, smallAfter), 9, 2);
  return {
    words,
    changesSinceFirstMs: round(first.median),
    changesSinceMs: round(cs.median),
    cpuMs: { first: round(stats(firstsCpu).median), refresh: round(stats(refreshCpu).median) },
    diffWordsMs: round(dw.median),
    plainPassMs: round(pp.median),
    ratioToPlainPass: round(dw.median / pp.median),
    oldLcs: {
      words: oldWords,
      ms: round(old.median),
      newMs: round(small.median, 3),
      speedup: round(old.median / small.median, 0),
    },
  };
}
