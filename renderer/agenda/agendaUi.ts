/**
 * The kallelse in the editor (issue 18): the ärende's own properties in the inspector (föredragande,
 * flags, expedieras till), "Importera ärenden…" (several tjänsteskrivelser, with progress),
 * "Skapa protokoll från kallelsen", and "Bekräfta beslut" for a § whose beslut is still the förslag.
 */
import type { Node } from "prosemirror-model";
import type { App } from "../app.js";
import { fromAgenda } from "../../schemas/agenda/fromAgenda.js";
import { agendaEntries } from "../../schemas/agenda/agendaEntries.js";
import { summonsDays, latestBefore } from "../../schemas/agenda/summonsDeadline.js";
import { swedishLongDate } from "../../schemas/dates.js";
import { schema } from "../../schemas/schema.js";
import { splitRecipients } from "../../schemas/splitRecipients.js";
import { agendaEntry } from "../../schemas/agenda/agendaEntry.js";
import { TextSelection } from "prosemirror-state";
import { setAttrs } from "../editor/commands.js";
import { confirmDialog, modal, showError, toast } from "../ui/dialogs.js";
import { checkbox, field, h } from "../ui/dom.js";
import { uploadOf } from "../host/uploadOf.js";
import { itemTitleText } from "../../schemas/titleText.js";

/** The agenda_entry around the cursor. */
function currentEntry(app: App): { node: Node; pos: number } | null {
  const $from = app.state.selection.$from;
  if ($from.depth >= 1 && $from.node(1).type.name === "agenda_entry")
    return { node: $from.node(1), pos: $from.before(1) };
  const node = app.state.doc.nodeAt(app.state.selection.from);
  return node?.type.name === "agenda_entry" ? { node, pos: app.state.selection.from } : null;
}

let shown: { attrs: unknown; meta: unknown } = { attrs: null, meta: null };

/** The inspector of a kallelse: the meeting's summons facts and the ärende at the cursor. */
export function renderEntryInspector(app: App, root: HTMLElement, force: boolean): void {
  const e = currentEntry(app);
  if (!force && (e?.node.attrs ?? null) === shown.attrs && app.meta === shown.meta) return;
  shown = { attrs: e?.node.attrs ?? null, meta: app.meta };
  const focused = (document.activeElement as HTMLElement | null)?.id;
  const out: HTMLElement[] = [h("h2", { class: "panel-title", id: "inspector-title" }, "Kallelse")];

  // When the kallelse goes out and where absence is reported.
  const meta = app.meta;
  const issued = h("input", {
    type: "date",
    id: "summons-issued",
    value: meta.summons?.issued ?? "",
  });
  const absence = h("input", {
    type: "text",
    id: "summons-absence",
    value: meta.summons?.absenceTo ?? "",
    placeholder: "t.ex. nämndsekreteraren, telefon",
  });
  const setSummons = () =>
    app.updateMeta((m) => ({
      ...m,
      summons: {
        ...(issued.value ? { issued: issued.value } : {}),
        ...(absence.value.trim() ? { absenceTo: absence.value.trim() } : {}),
      },
    }));
  issued.addEventListener("change", setSummons);
  absence.addEventListener("change", setSummons);
  // The reglemente's days before the meeting (empty: the default of the kind of body).
  const days = h("input", {
    type: "number",
    id: "summons-days",
    min: "0",
    max: "60",
    step: "1",
    value: meta.body.reglemente.summonsDays ?? "",
    placeholder: String(
      summonsDays({
        ...meta.body,
        reglemente: { ...meta.body.reglemente, summonsDays: undefined },
      }),
    ),
  });
  days.addEventListener("change", () => {
    const n =
      days.value === "" ? undefined : Math.max(0, Math.min(60, Math.round(Number(days.value))));
    app.updateMeta((m) => {
      const { summonsDays: _old, ...rest } = m.body.reglemente;
      return {
        ...m,
        body: {
          ...m.body,
          reglemente: n === undefined || Number.isNaN(n) ? rest : { ...rest, summonsDays: n },
        },
      };
    });
  });
  const latest = meta.meeting.date ? latestBefore(meta.meeting.date, summonsDays(meta.body)) : null;
  out.push(
    field("Kallelsen skickas", issued),
    field("Senast antal dagar före sammanträdet (reglementet)", days),
    h(
      "p",
      { class: "hint" },
      latest
        ? `Senast ${swedishLongDate(latest, { den: true })} (${summonsDays(meta.body)} dagar före sammanträdet).`
        : "Ange sammanträdets datum under Mötesuppgifter.",
    ),
    field("Anmälan om förhinder till", absence),
  );

  if (!e)
    out.push(
      h(
        "p",
        { class: "hint" },
        "Placera markören i ett ärende för att se och ändra dess egenskaper.",
      ),
    );
  else {
    const a = e.node.attrs;
    const number = agendaEntries(app.state.doc).find((x) => x.id === a.id)?.number ?? "?";
    const apply = (attrs: Record<string, unknown>) => {
      setAttrs(e.pos, attrs)(app.state, (tr) => app.dispatch(tr));
      app.flush();
    };
    const check = (id: string, key: string, label: string) =>
      checkbox(id, label, Boolean(a[key]), (on) => apply({ [key]: on }));
    const presenter = h("input", {
      type: "text",
      id: "entry-presenter",
      value: a.presenter as string,
    });
    presenter.addEventListener("change", () => apply({ presenter: presenter.value.trim() }));
    const secrecy = h("input", {
      type: "text",
      id: "entry-confidential",
      value: (a.confidential as string | null) ?? "",
      placeholder: "t.ex. OSL 26 kap. 1 §",
    });
    secrecy.addEventListener("change", () => apply({ confidential: secrecy.value.trim() || null }));
    const recipients = h(
      "textarea",
      { id: "entry-recipients", rows: 3 },
      (a.recipients as string[]).join("\n"),
    );
    // one a line, or several on a line split as everywhere ("Kommunstyrelsen, Ekonomienheten")
    recipients.addEventListener("change", () =>
      apply({ recipients: splitRecipients(recipients.value) }),
    );
    out.push(
      h("p", { class: "inspector-item" }, `Ärende ${number}: ${itemTitleText(e.node)}`),
      field("Föredragande", presenter),
      check("entry-information", "information", "Informationsärende"),
      check("entry-council", "forCouncil", "För beslut i kommunfullmäktige"),
      check("entry-withdrawn", "withdrawn", "Utgår"),
      check("entry-extra", "extra", "Extra ärende (läggs till på mötet)"),
      field("Sekretess (OSL-hänvisning)", secrecy),
      field("Expedieras till (en mottagare per rad eller åtskilda med komma)", recipients),
    );
  }
  root.replaceChildren(...out);
  if (focused && root.querySelector(`#${focused}`)) document.getElementById(focused)?.focus();
}

/** In a protocol: the § at the cursor still has the förslag as its beslut → say so, with "Bekräfta beslut". */
export function unconfirmedNotice(app: App, item: Node): HTMLElement[] {
  const id = item.attrs.id as string;
  if (!app.meta.unconfirmed?.includes(id)) return [];
  return [
    h(
      "div",
      { class: "unconfirmed", role: "note" },
      h("p", {}, "Beslutet är förslaget från kallelsen och är inte bekräftat."),
      h(
        "button",
        { type: "button", id: "confirm-decision", onclick: () => confirmDecision(app, id) },
        "Bekräfta beslut",
      ),
    ),
  ];
}

/** Bekräfta beslut: the § at the cursor (or `id`) is no longer reported as unconfirmed. */
export function confirmDecision(app: App, id?: string): boolean {
  const target = id ?? (app.currentItem()?.node.attrs.id as string | undefined);
  if (!target || !app.meta.unconfirmed?.includes(target)) {
    toast("Paragrafen har inget obekräftat beslut.", "info");
    return false;
  }
  app.updateMeta((m) => {
    const rest = (m.unconfirmed ?? []).filter((x) => x !== target);
    const { unconfirmed: _drop, ...others } = m;
    return rest.length ? { ...others, unconfirmed: rest } : others;
  });
  app.flush();
  toast("Beslutet är bekräftat.", "success");
  return true;
}

/** "Skapa protokoll från kallelsen": the new protocol replaces the kallelse in the editor (unsaved). */
export async function createProtocolFromAgenda(app: App): Promise<void> {
  if (app.kind !== "kallelse")
    return showError(
      "Skapa protokoll",
      "Öppna en kallelse först: protokollet skapas från kallelsens ärenden.",
    );
  if (
    app.dirty &&
    !(await confirmDialog(
      "Kallelsen är inte sparad",
      "Kallelsen har ändringar som inte är sparade. Skapa protokollet ändå? (Spara kallelsen först om du vill behålla ändringarna.)",
      "Skapa protokoll",
    ))
  )
    return;
  const protocol = fromAgenda(app.currentFile());
  app.load(protocol, null, { dirty: true });
  app.focus();
  const n = protocol.meta.unconfirmed?.length ?? 0;
  toast(`Protokollet är skapat från kallelsen. ${n} beslut att bekräfta.`, "success");
}

/** "Importera ärenden…": tjänsteskrivelser become ärenden at the end of the kallelse, one file at a time with progress. */
export async function importEntries(app: App, native: boolean): Promise<void> {
  if (app.kind !== "kallelse")
    return showError(
      "Importera ärenden",
      "Ärenden importeras till en kallelse. Skapa en kallelse med Nytt… (mallen ”Kallelse – …”) först.",
    );
  const progress = document.getElementById("progress");
  const show = (text: string | null) => {
    if (!progress) return;
    progress.hidden = text === null;
    progress.textContent = text ?? "";
    if (text === null) document.body.removeAttribute("aria-busy");
    else document.body.setAttribute("aria-busy", "true");
  };
  const added: Node[] = [];
  const failed: string[] = [];
  const take = (r: Awaited<ReturnType<App["host"]["importAgendaEntry"]>>) => {
    if (!r.ok) {
      if (r.error !== "Ingen fil vald.") failed.push(r.error);
      return false;
    }
    try {
      const node = schema.nodeFromJSON(r.entry);
      node.check();
      added.push(node);
    } catch (e) {
      failed.push(`${r.sourceName}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return true;
  };
  try {
    if (native) {
      // The app's dialog picks one file at a time: go on until the secretary cancels.
      for (let i = 1; ; i++) {
        show(`Importerar ärende ${i}…`);
        if (!take(await app.host.importAgendaEntry({}))) break;
      }
    } else {
      const input = h("input", {
        type: "file",
        accept: ".pdf,.docx,.txt,.text",
        id: "import-entries",
        multiple: true,
      });
      const ok = await modal(
        "Importera ärenden",
        [
          field("Tjänsteskrivelser (PDF, Word eller text)", input),
          h(
            "p",
            { class: "hint" },
            "Välj en eller flera filer. Varje tjänsteskrivelse blir ett ärende med rubrik, Dnr, förslag till beslut och sammanfattning.",
          ),
        ],
        [
          { label: "Avbryt", value: false },
          { label: "Importera", value: true, primary: true },
        ],
        { validate: () => (input.files?.length ? null : "Välj minst en fil.") },
      );
      const files = [...(input.files ?? [])];
      if (!ok || !files.length) return;
      for (const [i, f] of files.entries()) {
        show(`Importerar ${i + 1} av ${files.length}: ${f.name}`);
        take(
          await app.host.importAgendaEntry({
            upload: await uploadOf(f),
          }),
        );
      }
    }
  } finally {
    show(null);
  }
  if (added.length) {
    const doc = app.state.doc;
    // The template's placeholder ärende ("…") is replaced by what was imported.
    const only = doc.childCount === 1 && doc.firstChild!.textContent.trim() === "…";
    const tr = only
      ? app.state.tr.replaceWith(0, doc.content.size, added)
      : app.state.tr.insert(doc.content.size, added);
    app.dispatch(tr.scrollIntoView());
    app.flush();
  }
  if (failed.length)
    await showError(
      "Några filer importerades inte",
      `${added.length} ärende(n) importerades.`,
      failed,
    );
  else if (added.length) toast(`${added.length} ärende(n) importerade.`, "success");
}

/** "Skicka utdrag…": after justering, one extract per recipient into a folder beside the saved protocol, with the list. */
export async function sendExtractsToFolder(app: App): Promise<void> {
  if (app.kind !== "protokoll")
    return showError("Skicka utdrag", "Protokollsutdrag skickas från ett protokoll.");
  if (!app.path || app.dirty)
    return showError(
      "Skicka utdrag",
      "Spara protokollet först: utdragen läggs i en mapp bredvid det.",
    );
  const r = await app.host.sendExtracts({ text: app.serialize(), path: app.path });
  if (!r.ok) return showError("Utdragen skickades inte", r.error);
  await modal(
    "Protokollsutdrag",
    [
      h("p", {}, `Utdragen och utskickslistan finns i mappen ${r.folder}.`),
      h(
        "ul",
        { class: "error-details", id: "sent-extracts" },
        ...r.files.map((f) => h("li", {}, `${f.recipient}: ${f.items} (${f.file})`)),
      ),
    ],
    [{ label: "OK", value: true, primary: true }],
  );
}

/** "Nytt ärende": an empty ärende after the one at the cursor (or last), the cursor in its title. */
export function newEntry(app: App): void {
  if (app.kind !== "kallelse") {
    void showError(
      "Nytt ärende",
      "Ärenden finns i en kallelse. I ett protokoll lägger du till en paragraf (Ctrl+Enter).",
    );
    return;
  }
  const at = currentEntry(app);
  const pos = at ? at.pos + at.node.nodeSize : app.state.doc.content.size;
  const tr = app.state.tr.insert(pos, agendaEntry({ title: "" }));
  app.dispatch(tr.setSelection(TextSelection.create(tr.doc, pos + 2)).scrollIntoView());
  app.focus();
}
