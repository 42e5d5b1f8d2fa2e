/**
 * Problem: the rules' results, grouped by §, each a button to its place, with the rule's quick fix
 * where it offers one. The count is announced (aria-live) when it changes.
 */
import type { EditorState } from "prosemirror-state";
import type { App } from "../app.js";
import type { Problem } from "../../schemas/rules/problem.js";
import { derivedOf } from "../editor/derivedPlugin.js";
import { fixTransaction } from "../editor/fixes.js";
import { problemsOf } from "../editor/problemsPlugin.js";
import { attendanceMoveNotes } from "../editor/attendanceMovePlugin.js";
import { h } from "./dom.js";

export function countText(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (!problems.length) return "Inga problem";
  return `${errors} fel, ${warnings} ${warnings === 1 ? "varning" : "varningar"}`;
}

/** The problems of one § (or of the whole document: `item` null), under the heading the panel shows. */
export interface ProblemGroup {
  item: string | null;
  title: string;
  /** Each with its index in `problemsOf(state)`, where its place follows later edits. */
  problems: { p: Problem; index: number }[];
}

/** The headings ("§ 5 Titel") of the §§ that have problems, read in one pass over the document. */
export function groupTitles(state: EditorState, problems: Problem[]): Map<string, string> {
  const numbers = derivedOf(state).numbers;
  const ids = new Set(problems.map((p) => p.item));
  const titles = new Map<string, string>();
  state.doc.forEach((n) => {
    const id = n.attrs.id as string;
    if (ids.has(id))
      titles.set(id, `§ ${numbers.get(id) ?? "?"} ${n.firstChild?.textContent ?? ""}`);
  });
  return titles;
}

/**
 * What the panel lists for a state: the problems grouped by §, the whole document's first, then
 * in § order; in a group the errors before the warnings, each in text order.
 */
export function problemGroups(
  state: EditorState,
  titles = groupTitles(state, problemsOf(state)),
): ProblemGroup[] {
  const numbers = derivedOf(state).numbers;
  const groups = new Map<string | null, { p: Problem; index: number }[]>();
  const order = (p: Problem) => (p.item ? (numbers.get(p.item) ?? 1e9) : -1);
  const indexed = problemsOf(state).map((p, index) => ({ p, index }));
  for (const e of indexed.sort(
    ({ p: a }, { p: b }) =>
      order(a) - order(b) ||
      (a.severity === b.severity ? a.from - b.from : a.severity === "error" ? -1 : 1),
  )) {
    const g = groups.get(e.p.item) ?? [];
    g.push(e);
    groups.set(e.p.item, g);
  }
  const titleOf = (id: string | null) =>
    !id ? "Hela dokumentet" : (titles.get(id) ?? `§ ${numbers.get(id) ?? "?"} `);
  return [...groups].map(([item, problems]) => ({ item, title: titleOf(item), problems }));
}

/**
 * Are the problems the ones shown, only moved by edits? Between two validations every key maps the
 * problems' positions (a new array of copies), and rebuilding the whole list on each key would cost
 * more than the key itself; the list is rebuilt only when what it shows changed.
 */
function sameButMoved(a: Problem[], b: Problem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const q = b[i]!;
    if (
      p.rule !== q.rule ||
      p.message !== q.message ||
      p.severity !== q.severity ||
      p.item !== q.item ||
      p.reference !== q.reference ||
      p.fix !== q.fix
    )
      return false;
  }
  return true;
}

export function mountProblems(app: App, root: HTMLElement): void {
  const count = h("p", { class: "problem-count", id: "problem-count", "aria-live": "polite" });
  const list = h("div", { class: "problem-groups" });
  root.replaceChildren(h("h2", { class: "panel-title" }, "Problem"), count, list);
  let last: Problem[] | null = null;
  let lastNotes: string[] | null = null;
  let lastHeadings = "";

  const render = () => {
    const problems = problemsOf(app.state);
    const notes = attendanceMoveNotes(app.state);
    if (problems === last && notes === lastNotes) return;
    const titles = groupTitles(app.state, problems);
    const headings = [...titles].join("\n");
    const onlyMoved =
      last !== null &&
      notes === lastNotes &&
      headings === lastHeadings &&
      sameButMoved(problems, last);
    last = problems;
    lastNotes = notes;
    lastHeadings = headings;
    // Only moved: the buttons read their problem's place when clicked (below), so the list stays.
    if (onlyMoved) return;
    count.textContent = countText(problems);
    // The problem's place now (its position follows the edits made since the list was drawn).
    const placeOf = (index: number, p: Problem) => problemsOf(app.state)[index]?.from ?? p.from;
    // What the last move of §§ did to the attendance ledger (who served is kept; the ranges split).
    const moved = notes.length
      ? h(
          "section",
          { class: "problem-group attendance-moved", "data-item": "" },
          h("h3", {}, "Närvaron efter flyttningen"),
          h(
            "ul",
            {},
            ...notes.map((n) =>
              h(
                "li",
                { class: "problem info", "data-rule": "attendance-moved" },
                h("span", { class: "severity", "aria-label": "Information" }, "i"),
                h("span", { class: "message" }, n),
              ),
            ),
          ),
        )
      : null;
    list.replaceChildren(
      ...(moved ? [moved] : []),
      ...problemGroups(app.state, titles).map(({ item: id, title, problems: ps }) =>
        h(
          "section",
          { class: "problem-group", "data-item": id ?? "" },
          h("h3", {}, title),
          h(
            "ul",
            {},
            ...ps.map(({ p, index }) =>
              h(
                "li",
                { class: `problem ${p.severity}`, "data-rule": p.rule },
                h(
                  "button",
                  {
                    type: "button",
                    class: "problem-go",
                    onclick: () => app.goTo(placeOf(index, p)),
                  },
                  h(
                    "span",
                    { class: "severity", "aria-label": p.severity === "error" ? "Fel" : "Varning" },
                    p.severity === "error" ? "●" : "▲",
                  ),
                  h("span", { class: "message" }, p.message),
                ),
                p.reference ? h("span", { class: "reference" }, p.reference) : null,
                p.fix
                  ? h(
                      "button",
                      {
                        type: "button",
                        class: "problem-fix small",
                        onclick: () => {
                          const tr = fixTransaction(app.state, p.fix!.action);
                          if (!tr) return;
                          app.dispatch(tr);
                          if (p.fix!.action.type === "insert-block") app.focus();
                        },
                      },
                      p.fix.label,
                    )
                  : null,
              ),
            ),
          ),
        ),
      ),
    );
  };
  app.onChange((kinds) => {
    if (kinds.has("problems") || kinds.has("load") || kinds.has("doc")) render();
  });
  render();
}
