/**
 * Problem: the rules' results, grouped by §, each a button to its place, with the rule's quick fix
 * where it offers one. The count is announced (aria-live) when it changes.
 */
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
    if (p.rule !== q.rule || p.message !== q.message || p.severity !== q.severity || p.item !== q.item || p.reference !== q.reference || p.fix !== q.fix) return false;
  }
  return true;
}

export function mountProblems(app: App, root: HTMLElement, available: () => boolean): void {
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
    const d = derivedOf(app.state);
    // The groups' headings (§ number and title) of the §§ with problems, read once from the document.
    const titles = new Map<string, string>();
    const ids = new Set(problems.map((p) => p.item));
    app.state.doc.forEach((n) => {
      if (ids.has(n.attrs.id as string)) titles.set(n.attrs.id as string, `§ ${d.numbers.get(n.attrs.id as string) ?? "?"} ${n.firstChild?.textContent ?? ""}`);
    });
    const headings = [...titles].join("\n");
    const onlyMoved = last !== null && notes === lastNotes && headings === lastHeadings && sameButMoved(problems, last);
    last = problems;
    lastNotes = notes;
    lastHeadings = headings;
    // Only moved: the buttons read their problem's place when clicked (below), so the list stays.
    if (onlyMoved) return;
    count.textContent = available() ? countText(problems) : "Reglerna är inte tillgängliga i den här versionen.";
    const groups = new Map<string | null, { p: Problem; index: number }[]>();
    const order = (p: Problem) => (p.item ? (d.numbers.get(p.item) ?? 1e9) : -1);
    const indexed = problems.map((p, index) => ({ p, index }));
    for (const e of indexed.sort(({ p: a }, { p: b }) => order(a) - order(b) || (a.severity === b.severity ? a.from - b.from : a.severity === "error" ? -1 : 1))) {
      const g = groups.get(e.p.item) ?? [];
      g.push(e);
      groups.set(e.p.item, g);
    }
    const titleOf = (id: string | null) => (!id ? "Hela dokumentet" : (titles.get(id) ?? `§ ${d.numbers.get(id) ?? "?"} `));
    // The problem's place now (its position follows the edits made since the list was drawn).
    const placeOf = (index: number, p: Problem) => problemsOf(app.state)[index]?.from ?? p.from;
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
      ...[...groups].map(([id, ps]) =>
        h(
          "section",
          { class: "problem-group", "data-item": id ?? "" },
          h("h3", {}, titleOf(id)),
          h(
            "ul",
            {},
            ...ps.map(({ p, index }) =>
              h(
                "li",
                { class: `problem ${p.severity}`, "data-rule": p.rule },
                h(
                  "button",
                  { type: "button", class: "problem-go", onclick: () => app.goTo(placeOf(index, p)) },
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
