/**
 * The spell-check's context menu: right-click (or the context-menu key) on a word underlined as
 * misspelled shows Hunspell's suggestions (a click replaces the word, one undo step), "Lägg till i
 * ordlistan" (the workspace's `ordlista.txt`, through the host) and "Ignorera" (this session).
 * Elsewhere the browser's own menu is left alone. Also loads the word list when a document opens.
 */
import type { App } from "../app.js";
import { forgetMisspelling, misspellingAt, spellKey } from "../editor/spellcheck/spellPlugin.js";
import { showError } from "./dialogs.js";
import { h } from "./dom.js";

export function mountSpellMenu(app: App): void {
  const menu = h("div", {
    class: "spell-menu",
    role: "menu",
    id: "spell-menu",
    "aria-label": "Stavning",
    hidden: true,
  });
  document.body.append(menu);
  let open = false;
  const close = (focus = true) => {
    if (!open) return;
    open = false;
    menu.hidden = true;
    menu.replaceChildren();
    if (focus) app.view.focus();
  };
  const items = () => [...menu.querySelectorAll<HTMLButtonElement>("button")];
  const item = (label: string, onclick: () => void, cls = "") =>
    h("button", { type: "button", role: "menuitem", class: cls, tabindex: "-1", onclick }, label);

  const forget = (word: string) => app.dispatch(forgetMisspelling(word)(app.state.tr));

  app.view.dom.addEventListener("contextmenu", (e) => {
    const spell = app.spell;
    if (!spell) return;
    // From the keyboard (context-menu key, Shift+F10) the menu is for the word at the cursor.
    const byKeyboard = e.button !== 2 || (e.clientX === 0 && e.clientY === 0);
    const pos = byKeyboard
      ? app.state.selection.from
      : app.view.posAtCoords({ left: e.clientX, top: e.clientY })?.pos;
    if (pos === undefined) return;
    const found = misspellingAt(app.state, pos);
    if (!found) return;
    e.preventDefault();
    const { word } = found;
    const coords = byKeyboard
      ? app.view.coordsAtPos(found.to)
      : { left: e.clientX, bottom: e.clientY };
    menu.style.left = `${Math.round(coords.left)}px`;
    menu.style.top = `${Math.round(coords.bottom + 2)}px`;
    const waiting = h("div", { class: "none", role: "presentation" }, "Söker förslag…");
    const addToList = item("Lägg till i ordlistan", () => {
      close();
      spell.accept([word]);
      forget(word);
      void app.host.addToWordList({ path: app.path, word }).then((r) => {
        if (!r.ok)
          void showError(
            "Ordlistan",
            `”${word}” godtas i den här sessionen men kunde inte sparas i ordlistan: ${r.error}`,
          );
      });
    });
    const ignore = item("Ignorera", () => {
      close();
      spell.accept([word]);
      forget(word);
    });
    menu.replaceChildren(waiting, h("hr"), addToList, ignore);
    menu.hidden = false;
    open = true;
    addToList.focus();
    void spell.suggest(word).then((suggestions) => {
      if (!open || !menu.contains(waiting)) return;
      // The word may have moved while the suggestions were found: replace it where it is now.
      const replace = (s: string) => () => {
        close();
        const now = misspellingAt(app.state, found.from) ?? misspellingAt(app.state, found.to - 1);
        const target = now && now.word === word ? now : null;
        if (!target) return;
        app.dispatch(app.state.tr.insertText(s, target.from, target.to).scrollIntoView());
      };
      waiting.replaceWith(
        ...(suggestions.length
          ? suggestions.map((s) => item(s, replace(s), "suggestion"))
          : [h("div", { class: "none", role: "presentation" }, "Inga förslag")]),
      );
      items()[0]?.focus();
    });
  });

  menu.addEventListener("keydown", (e) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      all[(at + (e.key === "ArrowDown" ? 1 : all.length - 1)) % all.length]?.focus();
    } else if (e.key === "Escape" || e.key === "Tab") {
      e.preventDefault();
      close();
    }
  });
  document.addEventListener("mousedown", (e) => {
    if (open && !menu.contains(e.target as Node)) close(false);
  });

  // The workspace's word list: read when a document is opened or saved somewhere new.
  let listFor: string | null | undefined;
  const loadList = () => {
    const spell = app.spell;
    if (!spell || app.path === listFor) return;
    listFor = app.path;
    void app.host.readWordList({ path: app.path }).then((r) => {
      if (!r.ok || !r.words.length) return;
      spell.accept(r.words);
      app.dispatch(
        app.state.tr.setMeta(spellKey, { recheck: true }).setMeta("addToHistory", false),
      );
    });
  };
  app.onChange((kinds) => {
    if (kinds.has("load") || kinds.has("saved")) loadList();
  });
  loadList();
}
