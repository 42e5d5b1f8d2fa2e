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
  problems: Problem[];
}

/**
 * What the panel lists for a state: the problems grouped by §, the whole document's first, then
 * in § order; in a group the errors before the warnings, each in text order.
 */
export function problemGroups(state: EditorState): ProblemGroup[] {
  const d = derivedOf(state);
  const groups = new Map<string | null, Problem[]>();
  const order = (p: Problem) => (p.item ? (d.numbers.get(p.item) ?? 1e9) : -1);
  for (const p of [...problemsOf(state)].sort((a, b) => order(a) - order(b) || (a.severity === b.severity ? a.from - b.from : a.severity === "error" ? -1 : 1))) {
    const g = groups.get(p.item) ?? [];
    g.push(p);
    groups.set(p.item, g);
  }
  const titleOf = (id: string | null) => {
    if (!id) return "Hela dokumentet";
    let title = "";
    state.doc.forEach((n) => {
      if (n.attrs.id === id) title = n.firstChild?.textContent ?? "";
    });
    return `§ ${d.numbers.get(id) ?? "?"} ${title}`;
  };
  return [...groups].map(([item, problems]) => ({ item, title: titleOf(item), problems }));
}

export function mountProblems(app: App, root: HTMLElement): void {
  const count = h("p", { class: "problem-count", id: "problem-count", "aria-live": "polite" });
  const list = h("div", { class: "problem-groups" });
  root.replaceChildren(h("h2", { class: "panel-title" }, "Problem"), count, list);
  let last: Problem[] | null = null;
  let lastNotes: string[] | null = null;

  const render = () => {
    const problems = problemsOf(app.state);
    const notes = attendanceMoveNotes(app.state);
    if (problems === last && notes === lastNotes) return;
    last = problems;
    lastNotes = notes;
    count.textContent = countText(problems);
    // What the last move of §§ did to the attendance ledger (who served is kept; the ranges split).
    const moved = notes.length
      ? h(
          "section",
          { class: "problem-group attendance-moved", "data-item": "" },
          h("h3", {}, "Närvaron efter flyttningen"),
          h("ul", {}, ...notes.map((n) => h("li", { class: "problem info", "data-rule": "attendance-moved" }, h("span", { class: "severity", "aria-label": "Information" }, "i"), h("span", { class: "message" }, n)))),
        )
      : null;
    list.replaceChildren(
      ...(moved ? [moved] : []),
      ...problemGroups(app.state).map(({ item: id, title, problems: ps }) =>
        h(
          "section",
          { class: "problem-group", "data-item": id ?? "" },
          h("h3", {}, title),
          h(
            "ul",
            {},
            ...ps.map((p) =>
              h(
                "li",
                { class: `problem ${p.severity}`, "data-rule": p.rule },
                h(
                  "button",
                  { type: "button", class: "problem-go", onclick: () => app.goTo(p.from) },
                  h("span", { class: "severity", "aria-label": p.severity === "error" ? "Fel" : "Varning" }, p.severity === "error" ? "●" : "▲"),
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
