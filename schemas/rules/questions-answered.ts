/**
 * questions-answered: every question is addressed in the answer (practice). A heuristic, hence a
 * warning: a question counts as addressed when the answer refers to it ("den andra frågan",
 * "fråga 3", "3)", "avslutande frågan" for the last) or uses enough of its significant words.
 */
import { problem } from "./helpers.js";
import { answerParts } from "./interpellation.js";
import type { DocumentRule } from "./types.js";

const ordinals = [
  "första",
  "andra",
  "tredje",
  "fjärde",
  "femte",
  "sjätte",
  "sjunde",
  "åttonde",
  "nionde",
  "tionde",
];
const stop = new Set([
  "borgarrådet",
  "kommunen",
  "staden",
  "stadens",
  "kommunens",
  "planerar",
  "kommer",
  "således",
  "vilka",
  "vilken",
  "eftersom",
  "mellan",
  "därför",
]);

function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/\p{L}{6,}/gu) ?? [])
    if (!stop.has(w)) out.add(w.slice(0, 6));
  return out;
}

const B = "(?<!\\p{L})";
const E = "(?!\\p{L})";
function refersTo(prose: string, n: number, last: boolean): boolean {
  const p = prose.toLowerCase();
  const ord = ordinals[n - 1];
  if (
    ord &&
    new RegExp(
      `${B}${ord}\\s+(?:fråga|frågan)${E}|${B}fråga\\s+(?:nummer\\s+)?${ord}${E}`,
      "u",
    ).test(p)
  )
    return true;
  if (
    new RegExp(
      `${B}fråg(?:a|an)\\s*(?:nr\\.?\\s*)?${n}(?!\\d)|(?:^|\\n)\\s*${n}\\s*[).:]`,
      "u",
    ).test(p)
  )
    return true;
  return last && new RegExp(`${B}(?:avslutande|sista)\\s+fråg`, "u").test(p);
}

export const questionsAnswered: DocumentRule = {
  id: "questions-answered",
  severity: "warning",
  scope: "document",
  kinds: ["interpellationssvar"],
  check(ctx) {
    const parts = answerParts(ctx.doc);
    if (!parts.answer || parts.questions.length === 0) return [];
    const answerStems = stems(parts.prose);
    return parts.questions.flatMap((q, i) => {
      if (q.text.trim() === "") return [];
      if (refersTo(parts.prose, i + 1, i === parts.questions.length - 1)) return [];
      const own = [...stems(q.text)];
      const shared = own.filter((s) => answerStems.has(s)).length;
      if (own.length > 0 && (shared >= 3 || shared / own.length >= 0.4)) return [];
      return [
        problem(this, {
          message:
            parts.prose.trim() === ""
              ? `Svaret saknar text – fråga ${i + 1} besvaras inte.`
              : `Fråga ${i + 1} verkar inte besvaras: svaret nämner den inte och tar inte upp det den handlar om.`,
          item: null,
          from: q.pos,
          to: q.pos + q.node.nodeSize,
        }),
      ];
    });
  },
};
