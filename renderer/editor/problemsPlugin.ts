/**
 * The rules' results in the text: wavy underlines (errors red, warnings amber) on the range a
 * problem concerns, or a bar beside a whole block when it concerns a whole § or block. The
 * problems themselves are computed outside (incremental validator, after a short pause in typing)
 * and handed in with `setProblems`; between two validations their positions follow the edits.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { Problem } from "../../schemas/rules/problem.js";

interface ProblemsState {
  problems: Problem[];
  decorations: DecorationSet;
}

export const problemsKey = new PluginKey<ProblemsState>("problems");

function decorate(state: EditorState, problems: Problem[]): DecorationSet {
  const doc = state.doc;
  const out: Decoration[] = [];
  for (const p of problems) {
    const from = Math.max(0, Math.min(p.from, doc.content.size));
    const to = Math.max(from, Math.min(p.to, doc.content.size));
    const cls = `problem-${p.severity}`;
    const node = doc.nodeAt(from);
    if (node && !node.isInline && from + node.nodeSize === to) {
      out.push(Decoration.node(from, to, { class: `has-${cls}` }));
    } else if (to > from) {
      out.push(Decoration.inline(from, to, { class: cls, title: p.message }));
    }
  }
  return DecorationSet.create(doc, out);
}

export function setProblems(tr: Transaction, problems: Problem[]): Transaction {
  return tr.setMeta(problemsKey, problems);
}

export function problemsPlugin(): Plugin<ProblemsState> {
  return new Plugin<ProblemsState>({
    key: problemsKey,
    state: {
      init: () => ({ problems: [], decorations: DecorationSet.empty }),
      apply(tr, value, _old, state) {
        const next = tr.getMeta(problemsKey) as Problem[] | undefined;
        if (next) return { problems: next, decorations: decorate(state, next) };
        if (!tr.docChanged) return value;
        const problems = value.problems.map((p) => ({
          ...p,
          from: tr.mapping.map(p.from, 1),
          to: tr.mapping.map(p.to, -1),
        }));
        return { problems, decorations: value.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: { decorations: (state) => problemsKey.getState(state)?.decorations },
  });
}

export const problemsOf = (state: EditorState): Problem[] =>
  problemsKey.getState(state)?.problems ?? [];
