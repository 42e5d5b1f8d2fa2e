/**
 * fullmaktige-questions: a fullmäktige protocol records the interpellations and frågor answered
 * at the meeting (KL 5:68). The answers come from the workspace (rule context): an answer for this
 * meeting that no § mentions — by its number, or by the interpellant's name with "interpellation" —
 * is a warning. Without the context the rule is silent.
 */
import { problem, textOf } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentRule } from "./types.js";

export const fullmaktigeQuestions: DocumentRule = {
  id: "fullmaktige-questions",
  severity: "warning",
  scope: "document",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const answers = ctx.context?.answers;
    const date = ctx.meta.meeting.date;
    if (!answers || !date || ctx.meta.body.type !== "kommunfullmäktige") return out;
    const texts = ctx.items.map((it) => textOf(it.node).toLowerCase());
    for (const a of answers) {
      if (a.meetingDate !== date) continue;
      const byNumber = !!a.number && texts.some((t) => t.includes(a.number!.toLowerCase()));
      const byName =
        !!a.interpellant &&
        texts.some(
          (t) => t.includes(a.interpellant!.toLowerCase()) && /interpellation|fråga/.test(t),
        );
      if (!byNumber && !byName)
        out.push(
          problem(this, {
            message: `Interpellationssvaret ”${a.title}” besvaras vid sammanträdet men nämns inte i någon paragraf.`,
            item: null,
            from: 0,
            to: 0,
          }),
        );
    }
    return out;
  },
};
