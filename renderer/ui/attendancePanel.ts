/**
 * Närvaro: the meeting's persons (name, party, role), the attendance ledger (who serves or is
 * present, from which § to which, whom a serving ersättare replaces), jäv per §, and for the §
 * under the cursor who serves — as the attendance resolver (schemas/attendance.ts) sees it.
 */
import type { EditorState } from "prosemirror-state";
import type { App } from "../app.js";
import { checkReferences } from "../../schemas/file.js";
import { nameWithParty } from "../../schemas/generated.js";
import { newId } from "../../schemas/ids.js";
import { roleLabel } from "../../schemas/labels.js";
import { PersonRole, type AttendanceEntry, type Meta, type Person } from "../../schemas/meta.js";
import { derivedOf } from "../editor/derivedPlugin.js";
import { metaOf } from "../editor/documentPlugin.js";
import { toast } from "./dialogs.js";
import { checkbox, field, h, select } from "./dom.js";
import { itemOptions } from "./itemOptions.js";

/** Who serves, is present without serving, or is jävig in one §, as names ("Ada Exempel (ersätter Bo Berg)"). */
export interface ServingSummary {
  number: number | null;
  /** False while the ledger is empty: nobody is known to serve. */
  known: boolean;
  serving: string[];
  present: string[];
  recused: string[];
}

export function servingSummary(state: EditorState, item: string): ServingSummary {
  const d = derivedOf(state);
  const att = d.attendance.byItem.get(item);
  const byId = new Map(metaOf(state).persons.map((p) => [p.id, p]));
  const names = (ids: Iterable<string>) =>
    [...ids].map((x) => {
      const p = byId.get(x);
      const replaced = att?.replaces.get(x);
      return `${nameWithParty(p)}${replaced ? ` (ersätter ${byId.get(replaced)?.name ?? replaced})` : ""}`;
    });
  return {
    number: att?.number ?? null,
    known: d.attendance.known,
    serving: names(att?.serving ?? []),
    present: names(att?.present ?? []),
    recused: names(att?.recused ?? []),
  };
}

export function mountAttendance(app: App, root: HTMLElement): void {
  const summary = h("section", {
    class: "attendance-summary",
    "aria-live": "polite",
    "aria-label": "Vem tjänstgör i denna paragraf",
  });
  const body = h("div", {});
  root.replaceChildren(h("h2", { class: "panel-title" }, "Närvaro"), summary, body);

  /** Apply a metadata change unless it would leave a dangling reference (a removed person still named somewhere). */
  const change = (fn: (m: Meta) => Meta) => {
    const next = fn(app.meta);
    const errors = checkReferences(app.kind, next, app.state.doc);
    if (errors.length) {
      toast(`Ändringen gjordes inte: ${errors[0]!.message}`, "error");
      renderBody();
      return;
    }
    app.updateMeta(() => next);
    app.flush();
  };

  let summaryKey = "";
  const renderSummary = () => {
    const item = app.currentItem();
    const d = derivedOf(app.state);
    const id = (item?.node.attrs.id as string | undefined) ?? null;
    const key = `${id}|${d.ids.length}`;
    if (key === summaryKey && summary.childElementCount && !pendingMeta) return;
    summaryKey = key;
    if (!id) {
      summary.replaceChildren(
        h(
          "p",
          { class: "hint" },
          "Placera markören i en paragraf för att se vem som tjänstgör där.",
        ),
      );
      return;
    }
    const att = d.attendance.byItem.get(id);
    const who = servingSummary(app.state, id);
    const recusalToggles = app.meta.persons
      .filter(
        (p) => att && (att.serving.has(p.id) || att.present.has(p.id) || att.recused.has(p.id)),
      )
      .map((p) =>
        checkbox(
          `recusal-${p.id}`,
          nameWithParty(p),
          app.meta.recusals.some((r) => r.item === id && r.person === p.id),
          (on) =>
            change((m) => ({
              ...m,
              recusals: on
                ? [...m.recusals, { person: p.id, item: id }]
                : m.recusals.filter((r) => !(r.item === id && r.person === p.id)),
            })),
        ),
      );
    summary.replaceChildren(
      h("h3", {}, `I § ${who.number ?? "?"}`),
      who.known
        ? h(
            "dl",
            {},
            h("dt", {}, `Tjänstgör (${who.serving.length})`),
            h("dd", { id: "serving-list" }, who.serving.join(", ") || "–"),
            h("dt", {}, "Närvarande, tjänstgör ej"),
            h("dd", {}, who.present.join(", ") || "–"),
            h("dt", {}, "Jäv"),
            h("dd", {}, who.recused.join(", ") || "–"),
          )
        : h("p", { class: "hint" }, "Närvarolistan är tom – lägg till vem som tjänstgör nedan."),
      recusalToggles.length
        ? h("details", {}, h("summary", {}, "Jäv i denna §"), ...recusalToggles)
        : h("span"),
    );
  };

  const renderBody = () => {
    const meta = app.meta;
    const personsRows = meta.persons.map((p, i) =>
      h(
        "tr",
        { "data-person": p.id },
        h(
          "td",
          {},
          h("input", {
            type: "text",
            id: `person-name-${p.id}`,
            "aria-label": "Namn",
            value: p.name,
            onchange: (e: Event) => {
              const v = (e.target as HTMLInputElement).value.trim();
              if (v)
                change((m) => ({
                  ...m,
                  persons: m.persons.map((x, j) => (j === i ? { ...x, name: v } : x)),
                }));
            },
          }),
        ),
        h(
          "td",
          {},
          h("input", {
            type: "text",
            id: `person-party-${p.id}`,
            class: "party",
            "aria-label": "Parti",
            value: p.party ?? "",
            onchange: (e: Event) => {
              const v = (e.target as HTMLInputElement).value.trim();
              change((m) => ({
                ...m,
                persons: m.persons.map((x, j) => (j === i ? { ...x, party: v || null } : x)),
              }));
            },
          }),
        ),
        h(
          "td",
          {},
          select(
            PersonRole.options.map((r) => [r, roleLabel[r]]),
            p.role,
            {
              id: `person-role-${p.id}`,
              "aria-label": "Roll",
              onchange: (e: Event) => {
                const v = (e.target as HTMLSelectElement).value as Person["role"];
                change((m) => ({
                  ...m,
                  persons: m.persons.map((x, j) => (j === i ? { ...x, role: v } : x)),
                }));
              },
            },
          ),
        ),
        h(
          "td",
          {},
          h(
            "button",
            {
              type: "button",
              class: "small",
              "aria-label": `Ta bort ${p.name}`,
              onclick: () =>
                change((m) => ({ ...m, persons: m.persons.filter((x) => x.id !== p.id) })),
            },
            "×",
          ),
        ),
      ),
    );
    const newName = h("input", { type: "text", id: "new-person-name", placeholder: "Namn" });
    const newParty = h("input", {
      type: "text",
      id: "new-person-party",
      class: "party",
      placeholder: "Parti",
    });
    const newRole = select(
      PersonRole.options.map((r) => [r, roleLabel[r]]),
      "member",
      { id: "new-person-role", "aria-label": "Roll" },
    );
    const newServing = h("input", { type: "checkbox", id: "new-person-serving", checked: true });
    const add = (e: Event) => {
      e.preventDefault();
      const name = newName.value.trim();
      if (!name) {
        toast("Skriv personens namn.", "error");
        newName.focus();
        return;
      }
      const id = newId("n");
      const role = newRole.value as Person["role"];
      const serving = newServing.checked;
      change((m) => ({
        ...m,
        persons: [
          ...m.persons,
          { id, name, party: newParty.value.trim() || null, role, title: null },
        ],
        attendance: [
          ...m.attendance,
          {
            person: id,
            status: serving && role !== "secretary" && role !== "official" ? "serving" : "present",
            from: null,
            to: null,
            replaces: null,
          },
        ],
      }));
      newName.focus();
    };

    // The §§ a ledger row can start or end at.
    const ledgerItems = itemOptions(app.state);
    const members = meta.persons.filter(
      (p) =>
        p.role !== "substitute" &&
        p.role !== "secretary" &&
        p.role !== "official" &&
        p.role !== "other",
    );
    const ledgerRows = meta.attendance.map((a, i) => {
      const set = (patch: Partial<AttendanceEntry>) =>
        change((m) => ({
          ...m,
          attendance: m.attendance.map((x, j) => (j === i ? { ...x, ...patch } : x)),
        }));
      return h(
        "tr",
        {},
        h(
          "td",
          {},
          select(
            meta.persons.map((p) => [p.id, nameWithParty(p)]),
            a.person,
            {
              "aria-label": "Person",
              id: `ledger-${i}-person`,
              onchange: (e: Event) => set({ person: (e.target as HTMLSelectElement).value }),
            },
          ),
        ),
        h(
          "td",
          {},
          select(
            [
              ["serving", "tjänstgör"],
              ["present", "närvarande"],
            ],
            a.status,
            {
              "aria-label": "Status",
              id: `ledger-${i}-status`,
              onchange: (e: Event) =>
                set({ status: (e.target as HTMLSelectElement).value as AttendanceEntry["status"] }),
            },
          ),
        ),
        h(
          "td",
          {},
          select([["", "första §"], ...ledgerItems], a.from ?? "", {
            "aria-label": "Från §",
            id: `ledger-${i}-from`,
            onchange: (e: Event) => set({ from: (e.target as HTMLSelectElement).value || null }),
          }),
        ),
        h(
          "td",
          {},
          select([["", "sista §"], ...ledgerItems], a.to ?? "", {
            "aria-label": "Till §",
            id: `ledger-${i}-to`,
            onchange: (e: Event) => set({ to: (e.target as HTMLSelectElement).value || null }),
          }),
        ),
        h(
          "td",
          {},
          select(
            [
              ["", "ersätter ingen"],
              ...members.map((p): [string, string] => [p.id, nameWithParty(p)]),
            ],
            a.replaces ?? "",
            {
              "aria-label": "Ersätter",
              id: `ledger-${i}-replaces`,
              onchange: (e: Event) =>
                set({ replaces: (e.target as HTMLSelectElement).value || null }),
            },
          ),
        ),
        h(
          "td",
          {},
          h(
            "button",
            {
              type: "button",
              class: "small",
              "aria-label": "Ta bort raden",
              onclick: () =>
                change((m) => ({ ...m, attendance: m.attendance.filter((_, j) => j !== i) })),
            },
            "×",
          ),
        ),
      );
    });
    const focusedId = (document.activeElement as HTMLElement | null)?.id;
    body.replaceChildren(
      h(
        "details",
        { open: true },
        h("summary", {}, `Personer (${meta.persons.length})`),
        h(
          "table",
          { class: "persons-table" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", {}, "Namn"),
              h("th", {}, "Parti"),
              h("th", {}, "Roll"),
              h("th", {}, ""),
            ),
          ),
          h("tbody", {}, ...personsRows),
        ),
        h(
          "form",
          { class: "add-person", onsubmit: add, "aria-label": "Lägg till person" },
          field("Namn", newName),
          field("Parti", newParty),
          field("Roll", newRole),
          h("label", { class: "check" }, newServing, " tjänstgör"),
          h("button", { type: "submit", id: "add-person" }, "Lägg till person"),
        ),
      ),
      h(
        "details",
        { open: meta.attendance.length > 0 },
        h("summary", {}, `Närvarolista (${meta.attendance.length} rader)`),
        h(
          "p",
          { class: "hint" },
          "En rad per person och period: tjänstgörande ledamöter och ersättare (ange vem ersättaren ersätter), och närvarande som inte tjänstgör. Byten under mötet: begränsa raden med från/till §.",
        ),
        h(
          "table",
          { class: "ledger" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", {}, "Person"),
              h("th", {}, "Status"),
              h("th", {}, "Från"),
              h("th", {}, "Till"),
              h("th", {}, "Ersätter"),
              h("th", {}, ""),
            ),
          ),
          h("tbody", {}, ...ledgerRows),
        ),
        meta.persons.length
          ? h(
              "button",
              {
                type: "button",
                id: "add-ledger-row",
                onclick: () =>
                  change((m) => ({
                    ...m,
                    attendance: [
                      ...m.attendance,
                      {
                        person: m.persons[0]!.id,
                        status: "serving",
                        from: null,
                        to: null,
                        replaces: null,
                      },
                    ],
                  })),
              },
              "Lägg till rad",
            )
          : h("span"),
      ),
    );
    if (focusedId && body.contains(document.getElementById(focusedId)))
      document.getElementById(focusedId)?.focus();
  };

  // The persons table and the ledger (two selects of every § per ledger row: tens of thousands of
  // options at 500 §§) are built only while the panel is shown; a hidden panel is brought up to
  // date when its tab is opened.
  let bodyStale = false;
  const refreshBody = () => {
    if (root.hidden) bodyStale = true;
    else {
      bodyStale = false;
      renderBody();
    }
  };
  const showIfStale = () => {
    if (!root.hidden && bodyStale) refreshBody();
  };
  // Its tab's click shows the panel (main.ts, whose handler runs first): build it in the same
  // click, so whatever focuses the panel's first field right after finds it. Any other way of
  // showing the panel is caught by the observer.
  const tabId = root.getAttribute("aria-labelledby");
  if (tabId) document.getElementById(tabId)?.addEventListener("click", showIfStale);
  new MutationObserver(showIfStale).observe(root, {
    attributes: true,
    attributeFilter: ["hidden"],
  });

  let pendingMeta = false;
  let lastMeta: Meta | null = null;
  let lastIds = "";
  // The derived ids stay the same array while only the text changes: join them only when not.
  let lastIdArray: readonly string[] | null = null;
  app.onChange((kinds) => {
    const ids = derivedOf(app.state).ids;
    const idKey = ids === lastIdArray ? lastIds : ids.join(",");
    lastIdArray = ids;
    if (kinds.has("load") || app.meta !== lastMeta || idKey !== lastIds) {
      lastMeta = app.meta;
      lastIds = idKey;
      pendingMeta = true;
      refreshBody();
      renderSummary();
      pendingMeta = false;
    } else if (kinds.has("selection") || kinds.has("doc")) renderSummary();
  });
  lastMeta = app.meta;
  refreshBody();
  pendingMeta = true;
  renderSummary();
  pendingMeta = false;
}
