/** Sök och ersätt (Ctrl+F, Ctrl+H) with prosemirror-search: matches highlighted, Enter finds the next. */
import { SearchQuery, findNext, findPrev, replaceAll, replaceNext, setSearchState } from "prosemirror-search";
import type { App } from "../app.js";
import { h } from "./dom.js";

export interface FindBar {
  open(replace: boolean): void;
  close(): void;
}

export function mountFindBar(app: App, root: HTMLElement): FindBar {
  const find = h("input", { type: "search", id: "find-input", "aria-label": "Sök", placeholder: "Sök" });
  const replace = h("input", { type: "text", id: "replace-input", "aria-label": "Ersätt med", placeholder: "Ersätt med" });
  const caseBox = h("input", { type: "checkbox", id: "find-case" });
  const info = h("span", { class: "find-info", "aria-live": "polite" });
  const run = (cmd: typeof findNext) => {
    cmd(app.state, (tr) => app.dispatch(tr), app.view);
    updateInfo();
  };
  const updateInfo = () => {
    const q = new SearchQuery({ search: find.value, caseSensitive: caseBox.checked });
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
    const query = new SearchQuery({ search: find.value, caseSensitive: caseBox.checked, replace: replace.value });
    app.dispatch(setSearchState(app.state.tr, query));
    updateInfo();
  };
  const replaceRow = h(
    "span",
    { class: "replace-row" },
    replace,
    h("button", { type: "button", onclick: () => run(replaceNext) }, "Ersätt"),
    h("button", { type: "button", onclick: () => run(replaceAll) }, "Ersätt alla"),
  );
  root.replaceChildren(
    h("span", { class: "find-row" }, find, h("button", { type: "button", "aria-label": "Föregående träff", onclick: () => run(findPrev) }, "↑"), h("button", { type: "button", "aria-label": "Nästa träff", onclick: () => run(findNext) }, "↓"), h("label", { class: "check" }, caseBox, " Skiftläge"), info),
    replaceRow,
    h("button", { type: "button", class: "close", "aria-label": "Stäng sökningen", onclick: () => bar.close() }, "×"),
  );
  for (const input of [find, replace, caseBox]) input.addEventListener("input", setQuery);
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
