/**
 * Problem: the rules' results, grouped by §, each a button to its place, with the rule's quick fix
 * where it offers one. The count is announced (aria-live) when it changes.
 */
import type { EditorState } from "prosemirror-state";
import type { App } from "../app.js";
import type { Problem } from "../../schemas/rules/problem.js";
import { derivedOf } from "../editor/derivedPlugin.js";
import { fixTransaction } from "../editor/fixes.js";
import { foundProblems, problemsOf } from "../editor/problemsPlugin.js";
import { attendanceMoveNotes } from "../editor/attendanceMovePlugin.js";
import { h } from "./dom.js";
import { itemTitleText } from "../../schemas/titleText.js";

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
  /** Each with its index in `foundProblems(state)`; `problemsOf(state)[index]` is its place now. */
  problems: { p: Problem; index: number }[];
}

/** The headings ("§ 5 Titel") of the §§ that have problems, read in one pass over the document. */
export function groupTitles(state: EditorState, problems: Problem[]): Map<string, string> {
  const numbers = derivedOf(state).numbers;
  const ids = new Set(problems.map((p) => p.item));
  const titles = new Map<string, string>();
  state.doc.forEach((n) => {
    const id = n.attrs.id as string;
    if (ids.has(id)) titles.set(id, `§ ${numbers.get(id) ?? "?"} ${itemTitleText(n)}`);
  });
  return titles;
}

/**
 * What the panel lists for a state: the problems grouped by §, the whole document's first, then
 * in § order; in a group the errors before the warnings, each in text order.
 */
export function problemGroups(
  state: EditorState,
  titles = groupTitles(state, foundProblems(state)),
): ProblemGroup[] {
  const numbers = derivedOf(state).numbers;
  const groups = new Map<string | null, { p: Problem; index: number }[]>();
  const order = (p: Problem) => (p.item ? (numbers.get(p.item) ?? 1e9) : -1);
  // In a § the problems keep their order through edits, so the found positions sort them.
  const indexed = foundProblems(state).map((p, index) => ({ p, index }));
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
 * Does a new validation report the problems already shown (in the same order; their places may
 * differ)? Then the list stays as it is, with the focus in it.
 */
function sameProblems(a: Problem[], b: Problem[]): boolean {
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

/**
 * Whether the headings of the §§ in `ids` are the ones seen last: the same title nodes (an
 * unchanged § keeps its node through every edit) under the same numbers. One pass of identity
 * checks, so a keystroke elsewhere costs the panel no text reading.
 */
function titlesUnchanged(
  state: EditorState,
  ids: Set<string>,
  seen: Map<string, object | null>,
): boolean {
  let same = true;
  state.doc.forEach((n) => {
    const id = n.attrs.id as string;
    if (same && ids.has(id) && seen.get(id) !== n.firstChild) same = false;
  });
  return same;
}

export function mountProblems(app: App, root: HTMLElement): void {
  const count = h("p", { class: "problem-count", id: "problem-count", "aria-live": "polite" });
  const list = h("div", { class: "problem-groups" });
  root.replaceChildren(h("h2", { class: "panel-title" }, "Problem"), count, list);
  let last: Problem[] | null = null;
  let lastNotes: string[] | null = null;
  let lastNumbers: unknown = null;
  let lastHeadings = "";
  // The §§ that have problems, and the title node each had when the headings were last read.
  let ids = new Set<string>();
  const seenTitles = new Map<string, object | null>();

  const render = () => {
    const problems = foundProblems(app.state);
    const notes = attendanceMoveNotes(app.state);
    const numbers = derivedOf(app.state).numbers;
    if (problems !== last) ids = new Set(problems.flatMap((p) => (p.item ? [p.item] : [])));
    if (
      problems === last &&
      notes === lastNotes &&
      numbers === lastNumbers &&
      titlesUnchanged(app.state, ids, seenTitles)
    )
      return;
    const titles = groupTitles(app.state, problems);
    seenTitles.clear();
    app.state.doc.forEach((n) => {
      if (ids.has(n.attrs.id as string)) seenTitles.set(n.attrs.id as string, n.firstChild);
    });
    const headings = [...titles].join("\n");
    const unchanged =
      last !== null &&
      notes === lastNotes &&
      headings === lastHeadings &&
      sameProblems(problems, last);
    last = problems;
    lastNotes = notes;
    lastNumbers = numbers;
    lastHeadings = headings;
    // The buttons read their problem's place when clicked (below), so edits need no new list.
    if (unchanged) return;
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
