/**
 * The inspector: the structured block under the cursor, its persons chosen from the persons of
 * that § (checkboxes, never free text), the proposal kind, the proposal a reservation favours, a
 * vote's propositions and its grid ja/nej/avstår per serving member with live totals, the
 * beslutsordning's order and adopted proposal, and the §'s own settings. Every change is one
 * transaction, so it is undone with Ctrl+Z like typing.
 */
import type { Attrs, Node } from "prosemirror-model";
import { NodeSelection, type EditorState } from "prosemirror-state";
import type { App } from "../app.js";
import { defaultMotion, nameWithParty, proposalName, voteCount } from "../../schemas/generated.js";
import { presidingChair } from "../../schemas/presiding.js";
import { blockLabel, proposalKindLabel, roleLabel } from "../../schemas/labels.js";
import type { ItemBlockName } from "../../schemas/schema.js";
import { ProposalKind, type Ballot, type VoteChoice } from "../../schemas/attrs.js";
import { setAttrs } from "../editor/commands.js";
import { derivedOf } from "../editor/derivedPlugin.js";
import { metaOf } from "../editor/documentPlugin.js";
import { checkbox, field, h, select } from "./dom.js";
import { votersWithoutBallot } from "./votersWithoutBallot.js";
import { renderEntryInspector, unconfirmedNotice } from "../agenda/agendaUi.js";
import { itemTitleText } from "../../schemas/titleText.js";

const inspected = new Set([
  "proposal",
  "vote",
  "reservation",
  "decision_procedure",
  "special_statement",
  "protocol_note",
  "substitute_statement",
  "recusal",
]);

/** What the inspector shows: the § around the cursor, and the structured block in it (if any). */
export interface InspectorTarget {
  item: Node;
  itemPos: number;
  block: Node | null;
  blockPos: number;
}

type Target = InspectorTarget;

/** The § and the inspected block under the cursor, or a § or block selected as a whole; null outside a §. */
export function inspectorTarget(state: EditorState): InspectorTarget | null {
  const $from = state.selection.$from;
  let item: Node | null = null;
  let itemPos = 0;
  let block: Node | null = null;
  let blockPos = 0;
  for (let d = 1; d <= $from.depth; d++) {
    const n = $from.node(d);
    if (n.type.name === "agenda_item") {
      item = n;
      itemPos = $from.before(d);
    } else if (item && !block && inspected.has(n.type.name)) {
      block = n;
      blockPos = $from.before(d);
    }
  }
  // A selected block (node selection): the cursor sits just before it.
  const selected = state.selection instanceof NodeSelection ? state.selection.node : null;
  if (selected && !block) {
    const from = state.selection.from;
    if (selected.type.name === "agenda_item") {
      item = selected;
      itemPos = from;
    } else if (inspected.has(selected.type.name) && item) {
      block = selected;
      blockPos = from;
    }
  }
  return item ? { item, itemPos, block, blockPos } : null;
}

export function mountInspector(app: App, root: HTMLElement): void {
  let last: {
    block: Node | null;
    item: Node | null;
    meta: unknown;
    attrs: unknown;
    itemAttrs: unknown;
  } = { block: null, item: null, meta: null, attrs: null, itemAttrs: null };

  const apply = (pos: number, attrs: Attrs) => {
    setAttrs(pos, attrs)(app.state, (tr) => app.dispatch(tr));
    app.flush();
  };

  const render = (force = false) => {
    // A kallelse has ärenden, not §§ (issue 18): their own inspector.
    if (app.kind === "kallelse") return renderEntryInspector(app, root, force);
    const t = inspectorTarget(app.state);
    const meta = app.meta;
    if (
      !force &&
      (t?.block?.attrs ?? null) === last.attrs &&
      (t?.item?.attrs ?? null) === last.itemAttrs &&
      meta === last.meta &&
      (t?.block ?? null)?.type === last.block?.type &&
      proposalsKey(t?.item) === proposalsKey(last.item)
    )
      return;
    last = {
      block: t?.block ?? null,
      item: t?.item ?? null,
      meta,
      attrs: t?.block?.attrs ?? null,
      itemAttrs: t?.item?.attrs ?? null,
    };
    const focusedId = (document.activeElement as HTMLElement | null)?.id;
    const inside = focusedId && root.contains(document.activeElement);
    root.replaceChildren(...content(app, t, apply), ...(t ? unconfirmedNotice(app, t.item) : []));
    if (inside && focusedId) document.getElementById(focusedId)?.focus();
  };

  app.onChange((kinds) => render(kinds.has("load")));
  render(true);
}

/** Proposals (ids, kinds, subjects, proposers) of a §: what the inspector's choices depend on. */
function proposalsKey(item: Node | null | undefined): string {
  if (!item) return "";
  const parts: string[] = [];
  item.forEach((b) => {
    if (b.type.name === "proposal") parts.push(JSON.stringify(b.attrs));
  });
  return parts.join("|");
}

/** A person the inspector offers in a §, and what the list says of them ("jäv", "närvarande, tjänstgör ej"). */
export interface Participant {
  person: ReturnType<typeof metaOf>["persons"][number];
  serving: boolean;
  note: string;
}

/** Persons who can take part in the §: serving first, then present or jäviga; everyone when no ledger exists. */
export function itemParticipants(state: EditorState, itemId: string): Participant[] {
  const meta = metaOf(state);
  const { attendance } = derivedOf(state);
  const known = attendance.known;
  const att = attendance.byItem.get(itemId);
  // Without a ledger: the body's elected members and substitutes (not the secretary or officials).
  if (!known || !att)
    return meta.persons
      .filter((p) => p.role !== "secretary" && p.role !== "official" && p.role !== "other")
      .map((p) => ({ person: p, serving: true, note: "" }));
  const out: Participant[] = [];
  for (const p of meta.persons) {
    if (att.serving.has(p.id))
      out.push({ person: p, serving: true, note: att.replaces.has(p.id) ? "tjänstgör" : "" });
  }
  for (const p of meta.persons) {
    if (att.present.has(p.id))
      out.push({ person: p, serving: false, note: "närvarande, tjänstgör ej" });
    else if (att.recused.has(p.id)) out.push({ person: p, serving: false, note: "jäv" });
  }
  return out;
}

function content(
  app: App,
  t: Target | null,
  apply: (pos: number, attrs: Attrs) => void,
): HTMLElement[] {
  const title = h("h2", { class: "panel-title", id: "inspector-title" }, "Blockets egenskaper");
  if (!t)
    return [
      title,
      h("p", { class: "hint" }, "Placera markören i en paragraf för att se och ändra dess block."),
    ];
  const derived = derivedOf(app.state);
  const itemId = t.item.attrs.id as string;
  const number = derived.numbers.get(itemId);
  const persons = itemParticipants(app.state, itemId);
  const out: HTMLElement[] = [
    title,
    h("p", { class: "inspector-item" }, `§ ${number ?? "?"} ${itemTitleText(t.item)}`),
  ];

  const proposals: Node[] = [];
  t.item.forEach((b) => {
    if (b.type.name === "proposal") proposals.push(b);
  });
  const proposalOptions = (none: string): [string, string][] => [
    ["", none],
    ...proposals.map((p, i): [string, string] => [
      p.attrs.id as string,
      `${i + 1}. ${proposalName(p, app.meta)}`,
    ]),
  ];

  /** Checkboxes of persons; with "m.fl." toggles for those chosen when `andOthers` is given. */
  const personPicker = (
    legend: string,
    key: string,
    chosen: string[],
    andOthers: string[] | null,
    pos: number,
    idPrefix: string,
  ) => {
    const listed = new Set(persons.map((p) => p.person.id));
    const extra = chosen
      .filter((id) => !listed.has(id))
      .map((id) => ({
        person: app.meta.persons.find((p) => p.id === id)!,
        serving: false,
        note: "deltar inte i §",
      }))
      .filter((x) => x.person);
    const rows = [...persons, ...extra].map(({ person, serving, note }) => {
      const on = chosen.includes(person.id);
      const id = `${idPrefix}-${person.id}`;
      const box = h("input", {
        type: "checkbox",
        id,
        checked: on,
        onchange: (e: Event) => {
          const checked = (e.target as HTMLInputElement).checked;
          const next = checked ? [...chosen, person.id] : chosen.filter((x) => x !== person.id);
          const attrs: Record<string, unknown> = { [key]: next };
          if (andOthers && !checked) attrs.andOthers = andOthers.filter((x) => x !== person.id);
          apply(pos, attrs);
        },
      });
      const mfl =
        andOthers && on
          ? h(
              "label",
              { class: "mfl" },
              h("input", {
                type: "checkbox",
                id: `${id}-mfl`,
                checked: andOthers.includes(person.id),
                onchange: (e: Event) => {
                  const c = (e.target as HTMLInputElement).checked;
                  apply(pos, {
                    andOthers: c
                      ? [...andOthers, person.id]
                      : andOthers.filter((x) => x !== person.id),
                  });
                },
              }),
              " m.fl.",
            )
          : null;
      return h(
        "div",
        { class: `person-row${serving ? "" : " not-serving"}` },
        h(
          "label",
          { for: id },
          box,
          ` ${nameWithParty(person)} `,
          h("span", { class: "role" }, note || roleLabel[person.role]),
        ),
        mfl,
      );
    });
    return h(
      "fieldset",
      { class: "persons" },
      h("legend", {}, legend),
      ...(rows.length
        ? rows
        : [h("p", { class: "hint" }, "Inga personer i mötet ännu – lägg till dem under Närvaro.")]),
    );
  };

  const b = t.block;
  if (b) {
    const pos = t.blockPos;
    const a = b.attrs;
    out.push(
      h("h3", { class: "block-kind" }, blockLabel[b.type.name as ItemBlockName] ?? b.type.name),
    );
    switch (b.type.name) {
      case "proposal": {
        out.push(
          personPicker(
            "Förslagsställare",
            "proposers",
            a.proposers as string[],
            a.andOthers as string[],
            pos,
            "proposer",
          ),
          field(
            "Slag av yrkande",
            select(
              ProposalKind.options.map((k) => [k, proposalKindLabel[k]]),
              a.kind as string,
              {
                id: "proposal-kind",
                onchange: (e: Event) => apply(pos, { kind: (e.target as HTMLSelectElement).value }),
              },
            ),
          ),
          field(
            "Gäller (t.ex. ”förvaltningens förslag till beslut”)",
            h("input", {
              type: "text",
              id: "proposal-subject",
              value: a.subject as string,
              onchange: (e: Event) => apply(pos, { subject: (e.target as HTMLInputElement).value }),
            }),
          ),
          field(
            "Stöder yrkande",
            select(
              proposalOptions("(inget)").filter(([v]) => v !== a.id),
              (a.supports as string) ?? "",
              {
                id: "proposal-supports",
                onchange: (e: Event) =>
                  apply(pos, { supports: (e.target as HTMLSelectElement).value || null }),
              },
            ),
          ),
          checkbox("proposal-withdrawn", "Yrkandet återtogs", a.withdrawn as boolean, (withdrawn) =>
            apply(pos, { withdrawn }),
          ),
        );
        break;
      }
      case "reservation": {
        out.push(
          personPicker(
            "Reservanter",
            "reservants",
            a.reservants as string[],
            a.andOthers as string[],
            pos,
            "reservant",
          ),
          field(
            "Till förmån för",
            select(proposalOptions("(inget angivet)"), (a.favouring as string) ?? "", {
              id: "reservation-favouring",
              onchange: (e: Event) =>
                apply(pos, { favouring: (e.target as HTMLSelectElement).value || null }),
            }),
          ),
          checkbox(
            "reservation-written",
            "Skriftlig reservation",
            a.written as boolean,
            (written) => apply(pos, { written }),
          ),
          a.written
            ? field(
                "Skriftlig motivering inkom",
                h("input", {
                  type: "datetime-local",
                  id: "reservation-received",
                  value: (a.receivedAt as string | null) ?? "",
                  onchange: (e: Event) =>
                    apply(pos, { receivedAt: (e.target as HTMLInputElement).value || null }),
                }),
              )
            : h("span"),
        );
        break;
      }
      case "special_statement":
      case "protocol_note":
      case "substitute_statement":
        out.push(
          personPicker(
            "Vem",
            "persons",
            a.persons as string[],
            a.andOthers as string[],
            pos,
            "statement",
          ),
        );
        break;
      case "recusal": {
        const persons = a.persons as string[];
        const missing = persons.filter(
          (id) => !app.meta.recusals.some((r) => r.item === itemId && r.person === id),
        );
        out.push(
          personPicker("Jäviga", "persons", persons, null, pos, "recused"),
          missing.length
            ? h(
                "button",
                {
                  type: "button",
                  id: "recusal-to-ledger",
                  onclick: () => {
                    app.updateMeta((m) => ({
                      ...m,
                      recusals: [
                        ...m.recusals,
                        ...missing.map((person) => ({ person, item: itemId })),
                      ],
                    }));
                    app.flush();
                  },
                },
                "För in jävet i närvaron för denna §",
              )
            : h(
                "p",
                { class: "hint" },
                persons.length
                  ? "Jävet är infört i närvaron: de jäviga räknas inte som tjänstgörande i denna §."
                  : "",
              ),
        );
        break;
      }
      case "decision_procedure":
        out.push(...procedureEditor(app, b, pos, proposals, apply));
        break;
      case "vote":
        out.push(
          ...voteEditor(
            app,
            b,
            pos,
            proposals,
            persons.filter((p) => p.serving).map((p) => p.person),
            proposalOptions,
            apply,
          ),
        );
        break;
    }
  } else {
    out.push(
      h(
        "p",
        { class: "hint" },
        "Markören står inte i ett strukturerat block (yrkande, omröstning, reservation …). Infoga ett från menyn Infoga.",
      ),
    );
  }

  // The § itself.
  const ia = t.item.attrs;
  const ipos = t.itemPos;
  out.push(
    h(
      "details",
      { class: "item-settings" },
      h("summary", {}, "Paragrafens inställningar"),
      checkbox("item-immediate", "Omedelbar justering", ia.immediate as boolean, (immediate) =>
        apply(ipos, { immediate }),
      ),
      field(
        "Sekretess (OSL-hänvisning, tomt = ingen)",
        h("input", {
          type: "text",
          id: "item-confidential",
          value: (ia.confidential as string | null) ?? "",
          onchange: (e: Event) =>
            apply(ipos, { confidential: (e.target as HTMLInputElement).value.trim() || null }),
        }),
      ),
      authorityField(app, ia.id as string),
      presidingField(app, ia.id as string),
    ),
  );
  return out;
}

function procedureEditor(
  app: App,
  b: Node,
  pos: number,
  proposals: Node[],
  apply: (pos: number, attrs: Attrs) => void,
): HTMLElement[] {
  const order = (b.attrs.order as string[]).filter((id) =>
    proposals.some((p) => p.attrs.id === id),
  );
  const byId = new Map(proposals.map((p) => [p.attrs.id as string, p]));
  const rows = order.map((id, i) =>
    h(
      "li",
      {},
      h("span", {}, proposalName(byId.get(id)!, app.meta)),
      h(
        "button",
        {
          type: "button",
          class: "small",
          "aria-label": "Flytta upp",
          disabled: i === 0,
          onclick: () => apply(pos, { order: swap(order, i, i - 1) }),
        },
        "↑",
      ),
      h(
        "button",
        {
          type: "button",
          class: "small",
          "aria-label": "Flytta ned",
          disabled: i === order.length - 1,
          onclick: () => apply(pos, { order: swap(order, i, i + 1) }),
        },
        "↓",
      ),
      h(
        "button",
        {
          type: "button",
          class: "small",
          "aria-label": "Ta bort ur ordningen",
          onclick: () => apply(pos, { order: order.filter((x) => x !== id) }),
        },
        "×",
      ),
    ),
  );
  const missing = proposals.filter((p) => !order.includes(p.attrs.id as string));
  return [
    h(
      "fieldset",
      {},
      h("legend", {}, "Ordning som ordföranden ställde förslagen"),
      h("ol", { class: "order" }, ...rows),
      ...missing.map((p) =>
        h(
          "button",
          {
            type: "button",
            class: "small",
            onclick: () => apply(pos, { order: [...order, p.attrs.id] }),
          },
          `+ ${proposalName(p, app.meta)}`,
        ),
      ),
    ),
    field(
      "Bifallet förslag",
      select(
        [
          ["", `(${defaultMotion(app.meta)})`],
          ...proposals.map((p): [string, string] => [
            p.attrs.id as string,
            proposalName(p, app.meta),
          ]),
        ],
        (b.attrs.adopted as string) ?? "",
        {
          id: "procedure-adopted",
          onchange: (e: Event) =>
            apply(pos, { adopted: (e.target as HTMLSelectElement).value || null }),
        },
      ),
    ),
  ];
}

function swap<T>(list: T[], i: number, j: number): T[] {
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

function voteEditor(
  app: App,
  b: Node,
  pos: number,
  _proposals: Node[],
  voters: { id: string; name: string; party: string | null; role: string }[],
  proposalOptions: (none: string) => [string, string][],
  apply: (pos: number, attrs: Attrs) => void,
): HTMLElement[] {
  const a = b.attrs;
  const ballots = a.ballots as Ballot[];
  const byPerson = new Map(ballots.map((x) => [x.person, x.vote]));
  const setVote = (person: string, vote: VoteChoice | "") => {
    const next = ballots.filter((x) => x.person !== person);
    if (vote) next.push({ person, vote });
    // Keep the grid's order (the order of the members) in the stored ballots.
    const order = new Map(voters.map((v, i) => [v.id, i]));
    next.sort((x, y) => (order.get(x.person) ?? 999) - (order.get(y.person) ?? 999));
    apply(pos, { ballots: next });
  };
  const count = voteCount(b);
  const unvoted = votersWithoutBallot(voters, ballots);
  const choices: [VoteChoice | "", string][] = [
    ["ja", "Ja"],
    ["nej", "Nej"],
    ["avstår", "Avstår"],
    ["", "–"],
  ];
  const rows = voters.map((v) => {
    const current = byPerson.get(v.id) ?? "";
    return h(
      "tr",
      { "data-person": v.id },
      h("th", { scope: "row" }, nameWithParty(v as never)),
      ...choices.map(([value, label]) =>
        h(
          "td",
          {},
          h("input", {
            type: "radio",
            name: `ballot-${v.id}`,
            id: `ballot-${v.id}-${value || "none"}`,
            value,
            "aria-label": `${v.name}: ${label}`,
            checked: current === value,
            onchange: () => setVote(v.id, value),
          }),
        ),
      ),
    );
  });
  const tallyRes = count.ja === count.nej ? null : count.ja > count.nej ? "ja" : "nej";
  return [
    field(
      "Ja-proposition",
      select(proposalOptions("(välj yrkande)"), (a.yes as string) ?? "", {
        id: "vote-yes",
        onchange: (e: Event) => apply(pos, { yes: (e.target as HTMLSelectElement).value || null }),
      }),
    ),
    field(
      "Nej-proposition",
      select(proposalOptions("(välj yrkande)"), (a.no as string) ?? "", {
        id: "vote-no",
        onchange: (e: Event) => apply(pos, { no: (e.target as HTMLSelectElement).value || null }),
      }),
    ),
    h(
      "div",
      { class: "row" },
      checkbox("vote-open", "Öppen omröstning", a.open as boolean, (open) => apply(pos, { open })),
      checkbox("vote-election", "Val", a.election as boolean, (election) =>
        apply(pos, { election }),
      ),
    ),
    voters.length
      ? h(
          "table",
          { class: "vote-grid", "aria-label": "Röster per tjänstgörande ledamot" },
          unvoted.strays.length
            ? h(
                "caption",
                { class: "hint vote-strays" },
                `${unvoted.strays.length} ${unvoted.strays.length === 1 ? "röst" : "röster"} från personer som inte tjänstgör i § räknas inte som ledamöternas.`,
              )
            : null,
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, "Ledamot"),
              ...choices.map(([, l]) => h("th", { scope: "col" }, l)),
            ),
          ),
          h("tbody", {}, ...rows),
          h(
            "tfoot",
            {},
            h(
              "tr",
              { class: "vote-totals", "aria-live": "polite" },
              h("th", { scope: "row" }, "Summa"),
              h("td", { "data-total": "ja" }, String(count.ja)),
              h("td", { "data-total": "nej" }, String(count.nej)),
              h("td", { "data-total": "avstår" }, String(count.avstår)),
              h("td", { "data-total": "ej-röstat" }, `${unvoted.missing.length} ej röstat`),
            ),
          ),
        )
      : h("p", { class: "hint" }, "Ingen tjänstgör i denna § – ange närvaron under Närvaro."),
    field(
      "Utslag vid lika röstetal",
      select(
        [
          ["", "(inget)"],
          ["chair", "Ordförandens utslagsröst"],
          ["lot", "Lottning"],
        ],
        (a.tieBreak as string) ?? "",
        {
          id: "vote-tiebreak",
          onchange: (e: Event) =>
            apply(pos, { tieBreak: (e.target as HTMLSelectElement).value || null }),
        },
      ),
    ),
    h(
      "div",
      { class: "row" },
      field(
        "Resultat",
        select(
          [
            ["", "(inte angivet)"],
            ["ja", "Ja vann"],
            ["nej", "Nej vann"],
          ],
          (a.result as string) ?? "",
          {
            id: "vote-result",
            onchange: (e: Event) =>
              apply(pos, { result: (e.target as HTMLSelectElement).value || null }),
          },
        ),
      ),
      h(
        "button",
        {
          type: "button",
          id: "vote-result-from-tally",
          disabled: tallyRes === null,
          onclick: () => apply(pos, { result: tallyRes }),
        },
        "Sätt från rösterna",
      ),
    ),
  ];
}

/**
 * Who presided in the § (ledde sammanträdet): the chair unless recorded otherwise — the vice chair
 * when the chair was jävig or absent. The presiding chair's vote is the utslagsröst (KL 4:26).
 * Stored in meta.presiding only when it differs from the default the rules would assume.
 */
function presidingField(app: App, itemId: string): HTMLElement {
  const meta = app.meta;
  const recorded = meta.presiding?.find((p) => p.item === itemId)?.person ?? "";
  const assumed = presidingChair({ ...meta, presiding: [] }, itemId);
  const chairs = meta.persons.filter(
    (p) => p.role !== "secretary" && p.role !== "official" && p.role !== "other",
  );
  const options: [string, string][] = [
    [
      "",
      `(${assumed ? nameWithParty(meta.persons.find((p) => p.id === assumed)) : "ordföranden"})`,
    ],
    ...chairs.map((p): [string, string] => [p.id, nameWithParty(p)]),
  ];
  return field(
    "Ordförande i paragrafen (utslagsröst)",
    select(options, recorded, {
      id: "item-presiding",
      onchange: (e: Event) => {
        const person = (e.target as HTMLSelectElement).value;
        app.updateMeta((m) => {
          const rest = (m.presiding ?? []).filter((p) => p.item !== itemId);
          const next = person ? [...rest, { item: itemId, person }] : rest;
          const { presiding: _old, ...without } = m;
          return next.length ? { ...without, presiding: next } : without;
        });
        app.flush();
      },
    }),
  );
}

/** Myndighetsutövning mot enskild (meta.authorityItems): röstplikt, motivering and överklagandehänvisning are checked. */
function authorityField(app: App, itemId: string): HTMLElement {
  const on = app.meta.authorityItems?.includes(itemId) ?? false;
  return checkbox("item-authority", "Myndighetsutövning mot enskild", on, (checked) => {
    app.updateMeta((m) => {
      const rest = (m.authorityItems ?? []).filter((id) => id !== itemId);
      const next = checked ? [...rest, itemId] : rest;
      const { authorityItems: _old, ...without } = m;
      return next.length ? { ...without, authorityItems: next } : without;
    });
    app.flush();
  });
}
