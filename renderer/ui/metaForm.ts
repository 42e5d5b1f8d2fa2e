/**
 * Mötet: the metadata form — body, meeting date, times and place, chair, secretary, justerare,
 * justering date and place, where the protocol is kept, and the body's reglemente (which can be
 * saved as the body's default for new protocols, bodies/<name>.json in the workspace); for an
 * answer, the interpellation's fields. Each field is saved when it is left (change event) as one
 * undoable step.
 */
import type { App } from "../app.js";
import { nameWithParty } from "../../schemas/generated.js";
import { statusLabel } from "../../schemas/labels.js";
import type { BodyType, InterpellationMeta, Meta, Reglemente } from "../../schemas/meta.js";
import { toast } from "./dialogs.js";
import { checkbox, field, h, select } from "./dom.js";

const bodyTypes: [BodyType, string][] = [
  ["nämnd", "Nämnd"],
  ["kommunstyrelse", "Kommunstyrelse"],
  ["kommunfullmäktige", "Kommunfullmäktige"],
  ["annan", "Annat organ"],
];

/** A regular expression the secretary typed for the Dnr, or the reason it is not one. */
function patternError(source: string): string | null {
  try {
    new RegExp(source);
    return null;
  } catch {
    return "Mönstret är inte ett giltigt reguljärt uttryck.";
  }
}

export function mountMetaForm(app: App, root: HTMLElement): void {
  let lastMeta: Meta | null = null;

  const render = () => {
    const meta = app.meta;
    if (meta === lastMeta) return;
    lastMeta = meta;
    const set = (fn: (m: Meta) => Meta) => {
      app.updateMeta(fn);
      app.flush();
    };
    const text = (
      id: string,
      label: string,
      value: string | null,
      onset: (v: string | null) => void,
      type = "text",
      attrs: Record<string, string> = {},
    ) =>
      field(
        label,
        h("input", {
          type,
          id,
          value: value ?? "",
          ...attrs,
          onchange: (e: Event) => {
            const input = e.target as HTMLInputElement;
            if (!input.checkValidity()) return;
            onset(input.value.trim() || null);
          },
        }),
      );
    const personOptions: [string, string][] = [
      ["", "(ingen vald)"],
      ...meta.persons.map((p): [string, string] => [p.id, nameWithParty(p)]),
    ];
    const personSelect = (
      id: string,
      label: string,
      value: string | null,
      onset: (v: string | null) => void,
    ) =>
      field(
        label,
        select(personOptions, value ?? "", {
          id,
          onchange: (e: Event) => onset((e.target as HTMLSelectElement).value || null),
        }),
      );

    const parts: HTMLElement[] = [
      h("h2", { class: "panel-title" }, "Mötesuppgifter"),
      h(
        "p",
        { class: "status-line" },
        "Status: ",
        h("strong", { id: "meta-status" }, statusLabel[meta.status]),
      ),
      text(
        "meta-body",
        "Organ",
        meta.body.name,
        (v) => v && set((m) => ({ ...m, body: { ...m.body, name: v } })),
      ),
    ];
    if (app.kind === "protokoll") {
      parts.push(
        h(
          "fieldset",
          {},
          h("legend", {}, "Sammanträdet"),
          text(
            "meta-date",
            "Datum",
            meta.meeting.date,
            (v) => set((m) => ({ ...m, meeting: { ...m.meeting, date: v } })),
            "date",
          ),
          h(
            "div",
            { class: "row" },
            text(
              "meta-start",
              "Kl. från",
              meta.meeting.start,
              (v) => set((m) => ({ ...m, meeting: { ...m.meeting, start: v } })),
              "time",
            ),
            text(
              "meta-end",
              "till",
              meta.meeting.end,
              (v) => set((m) => ({ ...m, meeting: { ...m.meeting, end: v } })),
              "time",
            ),
          ),
          text("meta-place", "Plats", meta.meeting.place, (v) =>
            set((m) => ({ ...m, meeting: { ...m.meeting, place: v } })),
          ),
          text(
            "meta-first",
            "Första § (numreringen fortsätter över året)",
            String(meta.body.reglemente.firstItemNumber),
            (v) => {
              const n = Number(v);
              if (Number.isInteger(n) && n >= 1)
                set((m) => ({
                  ...m,
                  body: { ...m.body, reglemente: { ...m.body.reglemente, firstItemNumber: n } },
                }));
            },
            "number",
            { min: "1", step: "1" },
          ),
        ),
        h(
          "fieldset",
          {},
          h("legend", {}, "Ordförande, sekreterare och justering"),
          personSelect("meta-chair", "Ordförande", meta.chair, (v) =>
            set((m) => ({ ...m, chair: v })),
          ),
          personSelect("meta-secretary", "Sekreterare", meta.secretary, (v) =>
            set((m) => ({ ...m, secretary: v })),
          ),
          h(
            "fieldset",
            { class: "persons" },
            h(
              "legend",
              {},
              `Justerare (utöver ordföranden; reglementet anger ${meta.body.reglemente.adjusters})`,
            ),
            ...meta.persons
              .filter((p) => p.role !== "secretary" && p.role !== "official")
              .map((p) =>
                checkbox(
                  `meta-adjuster-${p.id}`,
                  nameWithParty(p),
                  meta.adjusters.includes(p.id),
                  (on) =>
                    set((m) => ({
                      ...m,
                      adjusters: on
                        ? [...m.adjusters, p.id]
                        : m.adjusters.filter((x) => x !== p.id),
                    })),
                ),
              ),
          ),
          text(
            "meta-adjustment-date",
            "Justeringsdag",
            meta.adjustment.date,
            (v) => set((m) => ({ ...m, adjustment: { ...m.adjustment, date: v } })),
            "date",
          ),
          text("meta-adjustment-place", "Justeringsplats", meta.adjustment.place, (v) =>
            set((m) => ({ ...m, adjustment: { ...m.adjustment, place: v } })),
          ),
        ),
        reglementeFieldset(app, meta, set, text),
        h(
          "fieldset",
          {},
          h("legend", {}, "Anslag"),
          text("meta-kept", "Förvaringsplats för protokollet", meta.notice.keptAt, (v) =>
            set((m) => ({ ...m, notice: { ...m.notice, keptAt: v } })),
          ),
          text(
            "meta-posted",
            "Anslaget den",
            meta.notice.posted,
            (v) => set((m) => ({ ...m, notice: { ...m.notice, posted: v } })),
            "date",
          ),
        ),
      );
    } else {
      const ip: InterpellationMeta = meta.interpellation ?? {
        number: null,
        dnr: null,
        interpellant: null,
        addressee: null,
        place: null,
        date: null,
        signatory: null,
      };
      const setIp = (patch: Partial<InterpellationMeta>) =>
        set((m) => ({ ...m, interpellation: { ...ip, ...(m.interpellation ?? {}), ...patch } }));
      const setIpDate = (key: "asked" | "meeting", v: string | null) =>
        set((m) => {
          const { [key]: _old, ...rest } = { ...ip, ...(m.interpellation ?? {}) };
          return { ...m, interpellation: v ? { ...rest, [key]: v } : rest };
        });
      parts.push(
        h(
          "fieldset",
          {},
          h("legend", {}, "Interpellationen"),
          text("ip-number", "Nummer (t.ex. 2019:11)", ip.number, (v) => setIp({ number: v })),
          text("ip-dnr", "Dnr", ip.dnr, (v) => setIp({ dnr: v })),
          personSelect("ip-interpellant", "Interpellant", ip.interpellant, (v) =>
            setIp({ interpellant: v }),
          ),
          personSelect("ip-addressee", "Till", ip.addressee, (v) => setIp({ addressee: v })),
          // The meetings it was asked and is answered at (KL 5:63; optional, so set or removed).
          text(
            "ip-asked",
            "Ställd vid sammanträdet",
            ip.asked ?? null,
            (v) => setIpDate("asked", v),
            "date",
          ),
          text(
            "ip-meeting",
            "Besvaras vid sammanträdet",
            ip.meeting ?? null,
            (v) => setIpDate("meeting", v),
            "date",
          ),
        ),
        h(
          "fieldset",
          {},
          h("legend", {}, "Underskrift"),
          text("ip-place", "Ort", ip.place, (v) => setIp({ place: v })),
          text("ip-date", "Datum", ip.date, (v) => setIp({ date: v }), "date"),
          personSelect("ip-signatory", "Undertecknare", ip.signatory, (v) =>
            setIp({ signatory: v }),
          ),
        ),
      );
    }
    const focusedId = (document.activeElement as HTMLElement | null)?.id;
    root.replaceChildren(...parts);
    if (focusedId && root.contains(document.getElementById(focusedId)))
      document.getElementById(focusedId)?.focus();
  };
  app.onChange((kinds) => {
    if (kinds.has("meta") || kinds.has("load")) render();
  });
  render();
}

type TextField = (
  id: string,
  label: string,
  value: string | null,
  onset: (v: string | null) => void,
  type?: string,
  attrs?: Record<string, string>,
) => HTMLElement;

/** Mötesuppgifter → Reglemente: the body's rules the checks use, and "save as the body's default". */
function reglementeFieldset(
  app: App,
  meta: Meta,
  set: (fn: (m: Meta) => Meta) => void,
  text: TextField,
): HTMLElement {
  const r = meta.body.reglemente;
  const setR = (patch: Partial<Reglemente>) =>
    set((m) => ({ ...m, body: { ...m.body, reglemente: { ...m.body.reglemente, ...patch } } }));
  const count = (v: string | null, min: number): number | null => {
    const n = Number(v);
    return v !== null && Number.isInteger(n) && n >= min ? n : null;
  };
  const dnrError = h(
    "p",
    { class: "field-error", id: "reg-dnr-error", role: "alert" },
    r.dnrPattern ? (patternError(r.dnrPattern) ?? "") : "",
  );
  const save = h(
    "button",
    {
      type: "button",
      id: "reg-save",
      onclick: async () => {
        const result = await app.host.saveBody({ body: app.meta.body });
        if (result.ok)
          toast(
            `Reglementet för ${app.meta.body.name} är sparat (${result.path}) och erbjuds under Ny.`,
            "success",
          );
        else toast(result.error, "error");
      },
    },
    `Spara som standard för ${meta.body.name}`,
  );
  return h(
    "fieldset",
    { id: "reglemente" },
    h("legend", {}, "Reglemente"),
    field(
      "Typ av organ",
      select(bodyTypes, meta.body.type, {
        id: "reg-type",
        onchange: (e: Event) => {
          const type = (e.target as HTMLSelectElement).value as BodyType;
          set((m) => ({ ...m, body: { ...m.body, type } }));
        },
      }),
    ),
    text("reg-municipality", "Kommun", meta.body.municipality, (v) =>
      set((m) => ({ ...m, body: { ...m.body, municipality: v } })),
    ),
    text(
      "reg-members",
      "Antal ledamöter (för beslutförhet)",
      r.members === null ? null : String(r.members),
      (v) => setR({ members: count(v, 1) }),
      "number",
      { min: "1", step: "1" },
    ),
    text(
      "reg-adjusters",
      "Justerare utöver ordföranden",
      String(r.adjusters),
      (v) => {
        const n = count(v, 0);
        if (n !== null && n <= 10) setR({ adjusters: n });
      },
      "number",
      { min: "0", max: "10", step: "1" },
    ),
    checkbox(
      "reg-substitutes",
      "Ersättare får yttra sig (ersättaryttrande)",
      r.substituteStatements,
      (on) => setR({ substituteStatements: on }),
    ),
    text(
      "reg-dnr",
      "Mönster för diarienummer (reguljärt uttryck, tomt = vanliga former)",
      r.dnrPattern,
      (v) => {
        const error = v ? patternError(v) : null;
        dnrError.textContent = error ?? "";
        if (!error) setR({ dnrPattern: v });
      },
    ),
    dnrError,
    text(
      "reg-reservation-days",
      "Skriftlig reservation senast (dagar efter sammanträdet; tomt = före justeringen)",
      r.reservationDays === undefined ? null : String(r.reservationDays),
      (v) => {
        const n = count(v, 0);
        set((m) => {
          const { reservationDays: _old, ...rest } = m.body.reglemente;
          return {
            ...m,
            body: {
              ...m.body,
              reglemente: n === null || n > 14 ? rest : { ...rest, reservationDays: n },
            },
          };
        });
      },
      "number",
      { min: "0", max: "14", step: "1" },
    ),
    save,
  );
}
