/** questions-present: the interpellation's numbered questions are quoted in the answer (practice). */
import { schema } from "../schema.js";
import { problem } from "./helpers.js";
import { answerParts } from "./interpellation.js";
import type { DocumentRule } from "./types.js";

export const questionsPresent: DocumentRule = {
  id: "questions-present",
  severity: "error",
  scope: "document",
  kinds: ["interpellationssvar"],
  check(ctx) {
    const parts = answerParts(ctx.doc);
    if (!parts.answer) return [];
    const title = parts.answer.firstChild!;
    const afterTitle = 1 + title.nodeSize;
    if (parts.questions.length === 0)
      return [
        problem(this, {
          message:
            "Svaret citerar inte interpellationens frågor. Lägg in frågorna, numrerade, före svaret.",
          item: null,
          from: 1,
          to: afterTitle,
          fix: {
            label: "Lägg till fråga",
            action: {
              type: "insert-block",
              pos: afterTitle,
              node: schema.nodes.ip_question
                .create(null, [schema.nodes.paragraph.create()])
                .toJSON() as Record<string, unknown>,
            },
          },
        }),
      ];
    return parts.questions
      .map((q, i) => ({ q, i }))
      .filter(({ q }) => q.text.trim() === "")
      .map(({ q, i }) =>
        problem(this, {
          message: `Fråga ${i + 1} är tom.`,
          item: null,
          from: q.pos,
          to: q.pos + q.node.nodeSize,
        }),
      );
  },
};
