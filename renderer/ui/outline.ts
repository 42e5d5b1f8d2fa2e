/**
 * The outline of §§ beside the text: number and title, click (or Enter) to go there, drag to
 * reorder, or Alt+↑/↓ on a focused entry. Numbers are derived, so they follow at once; only the
 * entries whose number or title changed are redrawn.
 */
import type { EditorState } from "prosemirror-state";
import type { App } from "../app.js";
import { documentInfo } from "../editor/documentPlugin.js";
import { moveItemTo } from "../editor/commands.js";
import { derivedOf } from "../editor/derivedPlugin.js";
import { foundProblems } from "../editor/problemsPlugin.js";
import { h } from "./dom.js";

/** One entry of the outline: a § (or a kallelse's ärende), where it is, and its count of rule errors. */
export interface OutlineEntry {
  id: string;
  number: number;
  title: string;
  index: number;
  pos: number;
  errors: number;
}
type Entry = OutlineEntry;

/** The outline's heading: a kallelse lists ärenden, the others paragrafer. */
export const outlineHeading = (state: EditorState): string =>
  documentInfo(state).kind === "kallelse" ? "Ärenden" : "Paragrafer";

/** What the outline keeps between two states so that only what changed is computed again. */
export interface OutlineCache {
  /** Title text per title node: unchanged §§ keep their node, so only a retyped title is read again. */
  titles: WeakMap<object, string>;
  errorsFor: { problems: unknown; byItem: Map<string, number> };
}

export const outlineCache = (): OutlineCache => ({
  titles: new WeakMap(),
  errorsFor: { problems: null, byItem: new Map() },
});

/** The entries of the outline for a state: every § (or ärende) in order, numbered, with its errors. */
export function outlineEntries(
  state: EditorState,
  cache: OutlineCache = outlineCache(),
): OutlineEntry[] {
  const numbers = derivedOf(state).numbers;
  const problems = foundProblems(state);
  if (cache.errorsFor.problems !== problems) {
    const byItem = new Map<string, number>();
    for (const p of problems)
      if (p.item && p.severity === "error") byItem.set(p.item, (byItem.get(p.item) ?? 0) + 1);
    cache.errorsFor = { problems, byItem };
  }
  const out: OutlineEntry[] = [];
  state.doc.forEach((node, pos, index) => {
    // a kallelse lists its ärenden (agenda_entry, numbered by position) the same way
    if (node.type.name !== "agenda_item" && node.type.name !== "agenda_entry") return;
    const id = node.attrs.id as string;
    const titleNode = node.firstChild;
    let title = titleNode ? cache.titles.get(titleNode) : "";
    if (title === undefined && titleNode)
      cache.titles.set(titleNode, (title = titleNode.textContent));
    out.push({
      id,
      number: numbers.get(id) ?? (node.type.name === "agenda_entry" ? out.length + 1 : 0),
      title: title ?? "",
      index,
      pos,
      errors: cache.errorsFor.byItem.get(id) ?? 0,
    });
  });
  return out;
}

export function mountOutline(app: App, root: HTMLElement): void {
  const heading = h("h2", { class: "panel-title", id: "outline-title" }, "Paragrafer");
  const list = h("ol", { class: "outline-list", "aria-labelledby": "outline-title" });
  root.replaceChildren(heading, list);
  let entries: Entry[] = [];
  let dragFrom: number | null = null;

  let cache = outlineCache();
  const collect = (): Entry[] => {
    // Set only when it changes: rewriting it on every key made the page restyle the outline's heading.
    const title = outlineHeading(app.state);
    if (heading.textContent !== title) heading.textContent = title;
    return outlineEntries(app.state, cache);
  };

  const move = (from: number, to: number, focus: boolean) => {
    const item =
      app.state.doc.type.schema.nodes[app.kind === "kallelse" ? "agenda_entry" : "agenda_item"]!;
    if (moveItemTo(item, from, to)(app.state, (tr) => app.dispatch(tr))) {
      app.flush();
      render();
      if (focus) list.querySelector<HTMLElement>(`li:nth-child(${to + 1}) button`)?.focus();
    }
  };

  const entryElement = (e: Entry): HTMLLIElement => {
    const button = h(
      "button",
      {
        class: "outline-entry",
        type: "button",
        "data-item": e.id,
        title: "Gå till paragrafen (dra för att flytta, Alt+↑/↓ flyttar)",
        onclick: () => {
          const current = entries.find((x) => x.id === e.id);
          if (current) app.goTo(current.pos + 1, true);
        },
        onkeydown: (ev: KeyboardEvent) => {
          const current = entries.find((x) => x.id === e.id);
          if (!current) return;
          if (ev.altKey && (ev.key === "ArrowUp" || ev.key === "ArrowDown")) {
            ev.preventDefault();
            const to = current.index + (ev.key === "ArrowUp" ? -1 : 1);
            move(current.index, to, true);
          } else if (!ev.altKey && (ev.key === "ArrowUp" || ev.key === "ArrowDown")) {
            ev.preventDefault();
            const li = button.parentElement!;
            const next = (
              ev.key === "ArrowUp" ? li.previousElementSibling : li.nextElementSibling
            ) as HTMLElement | null;
            next?.querySelector("button")?.focus();
          }
        },
      },
      h(
        "span",
        { class: "outline-number" },
        app.kind === "kallelse" ? `${e.number}.` : `§ ${e.number}`,
      ),
      h("span", { class: "outline-title" }, e.title || "(utan rubrik)"),
      e.errors
        ? h("span", { class: "outline-errors", title: `${e.errors} fel` }, String(e.errors))
        : null,
    );
    const li = h("li", { draggable: "true", "data-item": e.id }, button);
    li.addEventListener("dragstart", (ev) => {
      dragFrom = entries.find((x) => x.id === e.id)?.index ?? null;
      ev.dataTransfer?.setData("text/plain", e.id);
      if (ev.dataTransfer) ev.dataTransfer.effectAllowed = "move";
      li.classList.add("dragging");
    });
    li.addEventListener("dragend", () => li.classList.remove("dragging"));
    li.addEventListener("dragover", (ev) => {
      ev.preventDefault();
      li.classList.add("drop-target");
    });
    li.addEventListener("dragleave", () => li.classList.remove("drop-target"));
    li.addEventListener("drop", (ev) => {
      ev.preventDefault();
      li.classList.remove("drop-target");
      const to = entries.find((x) => x.id === e.id)?.index;
      if (dragFrom !== null && to !== undefined) move(dragFrom, to, false);
      dragFrom = null;
    });
    return li;
  };

  const render = () => {
    const next = collect();
    const items = list.children;
    // Redraw only what changed: same id, number, title and error count keep their element.
    for (let i = 0; i < next.length; i++) {
      const e = next[i]!;
      const old = entries[i];
      const el = items[i] as HTMLElement | undefined;
      if (
        old &&
        el &&
        old.id === e.id &&
        old.number === e.number &&
        old.title === e.title &&
        old.errors === e.errors
      )
        continue;
      const fresh = entryElement(e);
      if (el) list.replaceChild(fresh, el);
      else list.append(fresh);
    }
    while (list.children.length > next.length) list.lastElementChild!.remove();
    entries = next;
    markCurrent();
  };

  let currentId: string | null = null;
  const markCurrent = () => {
    const id = (app.currentItem()?.node.attrs.id as string | undefined) ?? null;
    if (id === currentId && list.querySelector("[aria-current]")) return;
    list.querySelector("[aria-current]")?.removeAttribute("aria-current");
    currentId = id;
    if (id)
      list
        .querySelector(`button[data-item="${CSS.escape(id)}"]`)
        ?.setAttribute("aria-current", "location");
  };

  app.onChange((kinds) => {
    if (kinds.has("load")) cache = outlineCache();
    if (kinds.has("doc") || kinds.has("meta") || kinds.has("load") || kinds.has("problems"))
      render();
    else if (kinds.has("selection")) markCurrent();
  });
  render();
}
