/**
 * Mötet: the metadata form — body, meeting date, times and place, chair, secretary, justerare,
 * justering date and place, where the protocol is kept; for an answer, the interpellation's fields.
 * Each field is saved when it is left (change event) as one undoable step.
 */
import type { App } from "../app.js";
import { personName } from "../../schemas/generated.js";
import { statusLabel } from "../../schemas/labels.js";
import type { InterpellationMeta, Meta } from "../../schemas/meta.js";
import { field, h, select } from "./dom.js";

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
    const text = (id: string, label: string, value: string | null, onset: (v: string | null) => void, type = "text", attrs: Record<string, string> = {}) =>
      field(label, h("input", { type, id, value: value ?? "", ...attrs, onchange: (e: Event) => {
        const input = e.target as HTMLInputElement;
        if (!input.checkValidity()) return;
        onset(input.value.trim() || null);
      } }));
    const personOptions: [string, string][] = [["", "(ingen vald)"], ...meta.persons.map((p): [string, string] => [p.id, personName(p)])];
    const personSelect = (id: string, label: string, value: string | null, onset: (v: string | null) => void) =>
      field(label, select(personOptions, value ?? "", { id, onchange: (e: Event) => onset((e.target as HTMLSelectElement).value || null) }));

    const parts: HTMLElement[] = [
      h("h2", { class: "panel-title" }, "Mötesuppgifter"),
      h("p", { class: "status-line" }, "Status: ", h("strong", { id: "meta-status" }, statusLabel[meta.status])),
      text("meta-body", "Organ", meta.body.name, (v) => v && set((m) => ({ ...m, body: { ...m.body, name: v } }))),
    ];
    if (app.kind === "protokoll") {
      parts.push(
        h(
          "fieldset",
          {},
          h("legend", {}, "Sammanträdet"),
          text("meta-date", "Datum", meta.meeting.date, (v) => set((m) => ({ ...m, meeting: { ...m.meeting, date: v } })), "date"),
          h("div", { class: "row" },
            text("meta-start", "Kl. från", meta.meeting.start, (v) => set((m) => ({ ...m, meeting: { ...m.meeting, start: v } })), "time"),
            text("meta-end", "till", meta.meeting.end, (v) => set((m) => ({ ...m, meeting: { ...m.meeting, end: v } })), "time"),
          ),
          text("meta-place", "Plats", meta.meeting.place, (v) => set((m) => ({ ...m, meeting: { ...m.meeting, place: v } }))),
          text("meta-first", "Första § (numreringen fortsätter över året)", String(meta.body.reglemente.firstItemNumber), (v) => {
            const n = Number(v);
            if (Number.isInteger(n) && n >= 1) set((m) => ({ ...m, body: { ...m.body, reglemente: { ...m.body.reglemente, firstItemNumber: n } } }));
          }, "number", { min: "1", step: "1" }),
        ),
        h(
          "fieldset",
          {},
          h("legend", {}, "Ordförande, sekreterare och justering"),
          personSelect("meta-chair", "Ordförande", meta.chair, (v) => set((m) => ({ ...m, chair: v }))),
          personSelect("meta-secretary", "Sekreterare", meta.secretary, (v) => set((m) => ({ ...m, secretary: v }))),
          h(
            "fieldset",
            { class: "persons" },
            h("legend", {}, `Justerare (utöver ordföranden; reglementet anger ${meta.body.reglemente.adjusters})`),
            ...meta.persons
              .filter((p) => p.role !== "secretary" && p.role !== "official")
              .map((p) =>
                h("label", { class: "check" }, h("input", { type: "checkbox", id: `meta-adjuster-${p.id}`, checked: meta.adjusters.includes(p.id), onchange: (e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  set((m) => ({ ...m, adjusters: on ? [...m.adjusters, p.id] : m.adjusters.filter((x) => x !== p.id) }));
                } }), ` ${personName(p)}`),
              ),
          ),
          text("meta-adjustment-date", "Justeringsdag", meta.adjustment.date, (v) => set((m) => ({ ...m, adjustment: { ...m.adjustment, date: v } })), "date"),
          text("meta-adjustment-place", "Justeringsplats", meta.adjustment.place, (v) => set((m) => ({ ...m, adjustment: { ...m.adjustment, place: v } }))),
        ),
        h(
          "fieldset",
          {},
          h("legend", {}, "Anslag"),
          text("meta-kept", "Förvaringsplats för protokollet", meta.notice.keptAt, (v) => set((m) => ({ ...m, notice: { ...m.notice, keptAt: v } }))),
          text("meta-posted", "Anslaget den", meta.notice.posted, (v) => set((m) => ({ ...m, notice: { ...m.notice, posted: v } })), "date"),
        ),
      );
    } else {
      const ip: InterpellationMeta = meta.interpellation ?? { number: null, dnr: null, interpellant: null, addressee: null, place: null, date: null, signatory: null };
      const setIp = (patch: Partial<InterpellationMeta>) => set((m) => ({ ...m, interpellation: { ...ip, ...(m.interpellation ?? {}), ...patch } }));
      parts.push(
        h(
          "fieldset",
          {},
          h("legend", {}, "Interpellationen"),
          text("ip-number", "Nummer (t.ex. 2019:11)", ip.number, (v) => setIp({ number: v })),
          text("ip-dnr", "Dnr", ip.dnr, (v) => setIp({ dnr: v })),
          personSelect("ip-interpellant", "Interpellant", ip.interpellant, (v) => setIp({ interpellant: v })),
          personSelect("ip-addressee", "Till", ip.addressee, (v) => setIp({ addressee: v })),
        ),
        h(
          "fieldset",
          {},
          h("legend", {}, "Underskrift"),
          text("ip-place", "Ort", ip.place, (v) => setIp({ place: v })),
          text("ip-date", "Datum", ip.date, (v) => setIp({ date: v }), "date"),
          personSelect("ip-signatory", "Undertecknare", ip.signatory, (v) => setIp({ signatory: v })),
        ),
      );
    }
    const focusedId = (document.activeElement as HTMLElement | null)?.id;
    root.replaceChildren(...parts);
    if (focusedId && root.contains(document.getElementById(focusedId))) document.getElementById(focusedId)?.focus();
  };
  app.onChange((kinds) => {
    if (kinds.has("meta") || kinds.has("load")) render();
  });
  render();
}
