/**
 * Sök och ersätt (Ctrl+F, Ctrl+H) with prosemirror-search: matches highlighted, Enter finds the
 * next. "Hela ord" matches whole words only; "Hoppa över justerade §§" leaves out the §§ justerade
 * at the meeting (which may not change), so "Ersätt alla" replaces everywhere else instead of being
 * refused as a whole. "Ersätt alla" is one undo step of its own.
 */
import { closeHistory } from "prosemirror-history";
import type { EditorState, Transaction } from "prosemirror-state";
import {
  SearchQuery,
  findNext,
  findPrev,
  replaceAll,
  replaceNext,
  setSearchState,
} from "prosemirror-search";
import type { App } from "../app.js";
import { touchesLockedItem } from "../review/reviewPlugin.js";
import { reviewRecordOf } from "../editor/reviewRecordPlugin.js";
import { h } from "./dom.js";

export interface FindBar {
  open(replace: boolean): void;
  close(): void;
}

export function mountFindBar(app: App, root: HTMLElement): FindBar {
  const find = h("input", {
    type: "search",
    id: "find-input",
    "aria-label": "Sök",
    placeholder: "Sök",
  });
  const replace = h("input", {
    type: "text",
    id: "replace-input",
    "aria-label": "Ersätt med",
    placeholder: "Ersätt med",
  });
  const caseBox = h("input", { type: "checkbox", id: "find-case" });
  const wordBox = h("input", { type: "checkbox", id: "find-word" });
  const skipBox = h("input", { type: "checkbox", id: "find-skip-adjusted", checked: true });
  const info = h("span", { class: "find-info", "aria-live": "polite" });
  /** A match inside a § justerad at the meeting, left out while "Hoppa över justerade §§" is on. */
  const notLocked = (state: EditorState, r: { from: number; to: number }) =>
    !touchesLockedItem(state.doc, r.from, r.to, reviewRecordOf(state).history);
  const query = (withReplace: boolean) =>
    new SearchQuery({
      search: find.value,
      caseSensitive: caseBox.checked,
      wholeWord: wordBox.checked,
      ...(skipBox.checked ? { filter: notLocked } : {}),
      ...(withReplace ? { replace: replace.value } : {}),
    });
  const run = (cmd: typeof findNext) => {
    cmd(app.state, (tr) => app.dispatch(tr), app.view);
    updateInfo();
  };
  /** Replace every match as one undo step, never merged with typing before or after it. */
  const runReplaceAll = () => {
    replaceAll(app.state, (tr: Transaction) => app.dispatch(closeHistory(tr)), app.view);
    app.dispatch(closeHistory(app.state.tr));
    updateInfo();
  };
  const updateInfo = () => {
    const q = query(false);
    if (!find.value) return (info.textContent = "");
    let n = 0;
    let r = q.findNext(app.state, 0);
    while (r && n < 10000) {
      n++;
      r = q.findNext(app.state, r.to);
    }
    info.textContent = n === 1 ? "1 träff" : `${n} träffar`;
  };
  const setQuery = () => {
    app.dispatch(setSearchState(app.state.tr, query(true)));
    updateInfo();
  };
  const replaceRow = h(
    "span",
    { class: "replace-row" },
    replace,
    h("button", { type: "button", onclick: () => run(replaceNext) }, "Ersätt"),
    h("button", { type: "button", onclick: runReplaceAll }, "Ersätt alla"),
  );
  root.replaceChildren(
    h(
      "span",
      { class: "find-row" },
      find,
      h(
        "button",
        { type: "button", "aria-label": "Föregående träff", onclick: () => run(findPrev) },
        "↑",
      ),
      h(
        "button",
        { type: "button", "aria-label": "Nästa träff", onclick: () => run(findNext) },
        "↓",
      ),
      h("label", { class: "check" }, caseBox, " Skiftläge"),
      h("label", { class: "check" }, wordBox, " Hela ord"),
      h(
        "label",
        {
          class: "check",
          title: "Paragrafer som justerats omedelbart vid sammanträdet kan inte ändras",
        },
        skipBox,
        " Hoppa över justerade §§",
      ),
      info,
    ),
    replaceRow,
    h(
      "button",
      {
        type: "button",
        class: "close",
        "aria-label": "Stäng sökningen",
        onclick: () => bar.close(),
      },
      "×",
    ),
  );
  for (const input of [find, replace, caseBox, wordBox, skipBox])
    input.addEventListener("input", setQuery);
  root.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      bar.close();
    } else if (e.key === "Enter" && e.target === find) {
      e.preventDefault();
      run(e.shiftKey ? findPrev : findNext);
    } else if (e.key === "Enter" && e.target === replace) {
      e.preventDefault();
      run(replaceNext);
    }
  });
  const bar: FindBar = {
    open(withReplace) {
      root.hidden = false;
      replaceRow.hidden = !withReplace;
      const { from, to } = app.state.selection;
      if (to > from && to - from < 100) find.value = app.state.doc.textBetween(from, to);
      setQuery();
      find.focus();
      find.select();
    },
    close() {
      root.hidden = true;
      app.dispatch(setSearchState(app.state.tr, new SearchQuery({ search: "" })));
      app.focus();
    },
  };
  root.hidden = true;
  return bar;
}
