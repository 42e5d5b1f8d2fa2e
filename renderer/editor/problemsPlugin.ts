/**
 * The rules' results in the text: wavy underlines (errors red, warnings amber) on the range a
 * problem concerns, or a bar beside a whole block when it concerns a whole § or block. The
 * problems themselves are computed outside (incremental validator, after a short pause in typing)
 * and handed in with `setProblems`; between two validations their positions follow the edits.
 *
 * A keystroke does not copy the list (hundreds of problems in a long protocol): it only records
 * the edit's mapping, and a problem's place now is worked out when someone asks (`problemsOf`: the
 * Problem panel's buttons, "Nästa problem"). What the panels show besides the places — rule,
 * message, § — is `foundProblems`, the same array until the rules run again.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import type { Mappable } from "prosemirror-transform";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { Problem } from "../../schemas/rules/problem.js";

interface ProblemsState {
  /** As the last validation found them, at its positions. */
  problems: Problem[];
  /** The edits since, one mapping per transaction: `maps[0 … count)` (shared with later states). */
  maps: Mappable[];
  count: number;
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

/**
 * The mappings of `value` followed by the transaction's. The array is appended to in place when
 * `value` holds all of it (the usual case: each state follows the last one); a state further back
 * (one that another transaction was applied to already) gets a copy of its own part.
 */
function withMaps(value: ProblemsState, tr: Transaction): Pick<ProblemsState, "maps" | "count"> {
  const maps = value.maps.length === value.count ? value.maps : value.maps.slice(0, value.count);
  maps.push(tr.mapping);
  return { maps, count: maps.length };
}

export function problemsPlugin(): Plugin<ProblemsState> {
  return new Plugin<ProblemsState>({
    key: problemsKey,
    state: {
      init: () => ({ problems: [], maps: [], count: 0, decorations: DecorationSet.empty }),
      apply(tr, value, _old, state) {
        const next = tr.getMeta(problemsKey) as Problem[] | undefined;
        if (next) return { problems: next, maps: [], count: 0, decorations: decorate(state, next) };
        if (!tr.docChanged) return value;
        return {
          problems: value.problems,
          ...withMaps(value, tr),
          decorations: value.decorations.map(tr.mapping, tr.doc),
        };
      },
    },
    props: { decorations: (state) => problemsKey.getState(state)?.decorations },
  });
}

/**
 * The problems as the last validation found them: the same array until the rules run again, so a
 * panel can tell by identity whether there is anything new to show. Their `from`/`to` are the
 * positions of that validation; use `problemsOf` for where they are now.
 */
export const foundProblems = (state: EditorState): Problem[] =>
  problemsKey.getState(state)?.problems ?? [];

const placed = new WeakMap<ProblemsState, Problem[]>();

/** The problems at their places in this state (the found ones moved through the edits since). */
export function problemsOf(state: EditorState): Problem[] {
  const value = problemsKey.getState(state);
  if (!value) return [];
  if (!value.count) return value.problems;
  let out = placed.get(value);
  if (!out) {
    const maps = value.maps.slice(0, value.count);
    const map = (pos: number, assoc: number) => {
      for (const m of maps) pos = m.map(pos, assoc);
      return pos;
    };
    out = value.problems.map((p) => ({ ...p, from: map(p.from, 1), to: map(p.to, -1) }));
    placed.set(value, out);
  }
  return out;
}
