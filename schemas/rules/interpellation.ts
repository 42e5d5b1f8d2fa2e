/** Shared reading of an interpellationssvar: its questions and the answer text after them. */
import type { Node } from "prosemirror-model";
import { textOf } from "./helpers.js";

export interface AnswerParts {
  answer: Node | null;
  answerPos: number;
  questions: { node: Node; pos: number; text: string }[];
  /** The answer's own prose (everything that is not title, question or signature). */
  prose: string;
  signaturePos: number | null;
}

export function answerParts(doc: Node): AnswerParts {
  const answer = doc.firstChild?.type.name === "answer" ? doc.firstChild : null;
  const parts: AnswerParts = { answer, answerPos: 0, questions: [], prose: "", signaturePos: null };
  if (!answer) return parts;
  const prose: string[] = [];
  answer.forEach((child, offset) => {
    const pos = 1 + offset;
    if (child.type.name === "ip_question")
      parts.questions.push({ node: child, pos, text: textOf(child) });
    else if (child.type.name === "signature") parts.signaturePos = pos;
    else if (child.type.name !== "ip_title") prose.push(textOf(child));
  });
  parts.prose = prose.join("\n");
  return parts;
}
