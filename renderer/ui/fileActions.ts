/**
 * Arkiv: Ny (from a template), Öppna, Spara, Spara som, Importera, Exportera, and the offer to
 * restore unsaved work after a crash — all through the host API. In the Electron app the host's
 * native dialogs choose files; in the web host the renderer's own Swedish dialogs do (a list of the
 * workspace's documents, a name field). Errors are shown in a dialog, never thrown.
 */
import { App } from "../app.js";
import { serialize, type ProtokollFile } from "../../schemas/file.js";
import { templates } from "../../templates/index.js";
import { itemChoices } from "../../schemas/itemChoices.js";
import { metaOf } from "../editor/documentPlugin.js";
import { confirmDialog, modal, showError, toast } from "./dialogs.js";
import { field, h, select } from "./dom.js";
import { fileChoice } from "./fileChoice.js";
import { localIsoDate, localIsoDateTime } from "../../schemas/dates.js";
import type { SaveConflict } from "../../schemas/contract.js";
import { changesSince } from "../../schemas/review/changesSince.js";
import { statusGates } from "../../schemas/render/officialStatus.js";
import { showImportChecks } from "./importChecks.js";
import { uploadOf } from "../host/uploadOf.js";

export interface FileActions {
  newDocument(): Promise<void>;
  open(path?: string): Promise<void>;
  save(): Promise<boolean>;
  /** `suggestion`: the name offered in the web host's name field ("… (kopia).protokoll"). */
  saveAs(suggestion?: string): Promise<boolean>;
  importFile(): Promise<void>;
  /** `items`: the §§ to pre-tick for an extract (only those); without it, the § under the cursor. */
  exportDialog(preset?: {
    format?: "docx" | "pdf";
    output?: "full" | "extract" | "notice" | "public";
    items?: string[];
  }): Promise<void>;
  offerRecovery(): Promise<void>;
}

const today = () => localIsoDate();

export function fileActions(app: App, native: boolean): FileActions {
  const host = app.host;

  const loadText = async (
    text: string,
    path: string | null,
    options: {
      dirty?: boolean;
      readOnly?: boolean;
      recoveryKey?: string;
      baseRevision?: string | null;
      what: string;
    },
  ) => {
    const r = App.parseText(text);
    if (!r.ok) {
      await showError(
        `${options.what} misslyckades`,
        "Dokumentet är inte välformat och öppnades inte. Filen har inte ändrats.",
        r.errors,
      );
      return false;
    }
    app.load(r.file, path, options);
    app.focus();
    return true;
  };

  const mayDiscard = async () =>
    !app.dirty ||
    (await confirmDialog(
      "Osparade ändringar",
      "Dokumentet har ändringar som inte är sparade. Vill du fortsätta utan att spara? (Det osparade finns kvar under återställning tills vidare.)",
      "Fortsätt utan att spara",
    ));

  const afterSave = async (path: string, revision: string | undefined) => {
    const oldKey = app.recoveryKey;
    app.path = path;
    app.baseRevision = revision ?? null;
    app.setDirty(false);
    app.cancelAutosave();
    await host.discardRecovery({ key: oldKey });
    toast(`Sparat: ${path}`, "success");
  };

  /**
   * The file changed on disk since this text was based on it (another tab or window, the command
   * line, another program): nothing was written. The user chooses — reload the file (this
   * version's changes are dropped), save this version as a copy, or first see what differs.
   */
  const resolveConflict = async (error: string, conflict: SaveConflict): Promise<boolean> => {
    for (;;) {
      const choice = await modal(
        "Filen har ändrats av någon annan",
        [
          h("p", {}, error),
          h(
            "p",
            {},
            "Välj hur du vill fortsätta. Din version finns kvar i editorn tills du väljer.",
          ),
        ],
        [
          { label: "Avbryt", value: "cancel" as const },
          { label: "Visa ändringar", value: "diff" as const },
          { label: "Ladda om filen", value: "reload" as const },
          { label: "Spara som kopia", value: "copy" as const, primary: true },
        ],
        { id: "conflict-dialog", wide: true },
      );
      if (choice === "diff") {
        await showDifferences(conflict);
        continue;
      }
      if (choice === "copy") {
        const name = app.path
          ? app.path.replace(/(\.protokoll)?$/i, " (kopia).protokoll")
          : undefined;
        return actions.saveAs(name);
      }
      if (choice === "reload") {
        if (conflict.text === null) {
          await showError(
            "Ladda om",
            "Filen på disken är inte längre ett läsbart protokolldokument och kan inte laddas. Spara din version som en kopia.",
          );
          continue;
        }
        if (
          !(await confirmDialog(
            "Ladda om filen",
            "Dina osparade ändringar i den här fliken kastas och filen visas som den ser ut nu. Fortsätta?",
            "Ladda om",
          ))
        )
          continue;
        if (
          await loadText(conflict.text, app.path, {
            baseRevision: conflict.revision,
            what: "Omladdningen",
          })
        )
          toast("Filen är omladdad.", "success");
        return false;
      }
      return false;
    }
  };

  /** "Visa ändringar": § by § what the file on disk has that this version has not (word diff). */
  const showDifferences = async (conflict: SaveConflict) => {
    const theirs = conflict.text === null ? null : App.parseText(conflict.text);
    if (!theirs?.ok) {
      await showError(
        "Visa ändringar",
        "Filen på disken är inte ett läsbart protokolldokument, så ändringarna kan inte visas.",
      );
      return;
    }
    const mine = app.currentFile();
    // changesSince compares a document with a reader's earlier copy: here this version is that copy.
    const READER = "denna-version";
    const compared = {
      ...theirs.file,
      review: {
        ...theirs.file.review,
        lastSeen: { [READER]: { at: localIsoDateTime(), doc: mine.doc.toJSON() } },
      },
    };
    const changed = changesSince(compared, READER).items.filter((i) => i.change !== "unchanged");
    const label = (i: (typeof changed)[number]) =>
      `${i.number !== null ? `§ ${i.number}` : "Borttagen §"} ${i.title}`.trim();
    const what = {
      added: "finns bara i filen",
      removed: "finns bara i din version",
      changed: "ändrad",
      unseen: "",
      unchanged: "",
    } as const;
    const rows = changed.map((i) =>
      h(
        "li",
        {},
        h("strong", {}, label(i)),
        ` – ${what[i.change]}`,
        ...(i.diff
          ? [
              h(
                "p",
                { class: "conflict-diff" },
                ...i.diff.map((d) =>
                  d.type === "same" ? d.text : h(d.type === "added" ? "ins" : "del", {}, d.text),
                ),
              ),
            ]
          : []),
      ),
    );
    const metaDiffers = JSON.stringify(mine.meta) !== JSON.stringify(theirs.file.meta);
    await modal(
      "Skillnader mot filen på disken",
      [
        h("p", {}, "Understruket finns i filen på disken, överstruket bara i din version."),
        rows.length
          ? h("ul", { class: "error-details", id: "conflict-changes" }, ...rows)
          : h("p", {}, "Paragraferna är lika."),
        ...(metaDiffers
          ? [
              h(
                "p",
                {},
                "Uppgifterna om sammanträdet (deltagare, närvaro, justering m.m.) skiljer sig också.",
              ),
            ]
          : []),
      ],
      [{ label: "Tillbaka", value: true, primary: true }],
      { id: "conflict-diff-dialog", wide: true },
    );
  };

  const actions: FileActions = {
    async newDocument() {
      if (!(await mayDiscard())) return;
      const tmpl = select(
        Object.values(templates).map((t) => [t.id, t.name]),
        "socialnamnd",
        { id: "new-template" },
      );
      const date = h("input", { type: "date", id: "new-date", value: today(), required: true });
      const first = h("input", {
        type: "number",
        id: "new-first",
        min: "1",
        step: "1",
        value: "1",
      });
      // The bodies whose reglemente was saved in the workspace (Mötesuppgifter → Reglemente).
      const saved = await host.listBodies({});
      const bodies = saved.ok ? saved.bodies : [];
      const bodyChoice = select(
        [
          ["", "(mallens organ och reglemente)"],
          ...bodies.map((b, i): [string, string] => [String(i), b.name]),
        ],
        "",
        { id: "new-body" },
      );
      bodyChoice.addEventListener("change", () => {
        const b = bodies[Number(bodyChoice.value)];
        if (bodyChoice.value && b) first.value = String(b.reglemente.firstItemNumber);
      });
      const ok = await modal(
        "Nytt dokument",
        [
          field("Mall", tmpl),
          field("Organ", bodyChoice),
          field("Datum (sammanträde eller svar)", date),
          field("Första § (protokoll)", first),
        ],
        [
          { label: "Avbryt", value: false },
          { label: "Skapa", value: true, primary: true },
        ],
        {
          validate: () =>
            date.value && /^\d{4}-\d{2}-\d{2}$/.test(date.value) ? null : "Ange ett datum.",
        },
      );
      if (!ok) return;
      const template = templates[tmpl.value]!;
      let file: ProtokollFile;
      try {
        const body = bodyChoice.value ? bodies[Number(bodyChoice.value)] : undefined;
        file = template.create({
          date: date.value,
          firstItemNumber: Math.max(1, Number(first.value) || 1),
          ...(body ? { body } : {}),
        });
      } catch (e) {
        await showError(
          "Nytt dokument",
          `Mallen kunde inte användas: ${e instanceof Error ? e.message : String(e)}`,
        );
        return;
      }
      app.load(file, null, { dirty: false });
      app.focus();
      toast(`Nytt dokument från mallen ${template.name}.`, "success");
    },

    async open(path?: string) {
      if (!(await mayDiscard())) return;
      let chosen = path;
      if (!chosen && !native) {
        const list = await host.listFiles({});
        if (!list.ok) return showError("Öppna", list.error);
        const pathInput = h("input", {
          type: "text",
          id: "open-path",
          placeholder: "mapp/dokument.protokoll",
        });
        let picked: string | null = null;
        const buttons = list.files.map((f) =>
          fileChoice(f, (path) => {
            picked = path;
            pathInput.value = path;
          }),
        );
        const ok = await modal(
          "Öppna dokument",
          [
            list.files.length
              ? h("ul", { class: "file-list", "aria-label": "Dokument i arbetsmappen" }, ...buttons)
              : h("p", { class: "hint" }, "Arbetsmappen har inga dokument ännu."),
            field("Eller skriv sökvägen i arbetsmappen", pathInput),
          ],
          [
            { label: "Avbryt", value: false },
            { label: "Öppna", value: true, primary: true },
          ],
          {
            validate: () => (pathInput.value.trim() || picked ? null : "Välj ett dokument."),
            wide: true,
          },
        );
        if (!ok) return;
        chosen = pathInput.value.trim() || picked || undefined;
      }
      const r = await host.openFile(chosen ? { path: chosen } : {});
      if (!r.ok) {
        if (r.error !== "Ingen fil vald.") await showError("Dokumentet kunde inte öppnas", r.error);
        return;
      }
      if (
        await loadText(r.text, r.path, {
          readOnly: r.readOnly,
          baseRevision: r.revision ?? null,
          what: "Öppna",
        })
      )
        toast(`Öppnat: ${r.path}${r.readOnly ? " (skrivskyddat)" : ""}`, "success");
    },

    async save() {
      if (app.readOnly) {
        await showError(
          "Spara",
          "Dokumentet är skrivskyddat. Använd Spara som för att spara en kopia.",
        );
        return false;
      }
      if (!app.path) return actions.saveAs();
      const r = await host.saveFile({
        path: app.path,
        text: app.serialize(),
        saveAs: false,
        baseRevision: app.baseRevision,
      });
      if (!r.ok) {
        if ("conflict" in r) return resolveConflict(r.error, r.conflict);
        await showError("Dokumentet sparades inte", r.error);
        return false;
      }
      await afterSave(r.path, r.revision);
      return true;
    },

    async saveAs(suggestion?: string) {
      let path: string | null = null;
      if (!native) {
        const suggested = (suggestion ?? app.path ?? `${app.title()}.protokoll`).replace(
          /[\\:*?"<>|]+/g,
          " ",
        );
        const name = h("input", {
          type: "text",
          id: "save-name",
          value: suggested,
          required: true,
        });
        const list = await host.listFiles({});
        const existing = new Set(list.ok ? list.files.map((f) => f.path) : []);
        const ok = await modal(
          "Spara som",
          [
            field("Filnamn i arbetsmappen", name),
            h("p", { class: "hint" }, "Ändelsen .protokoll läggs till om den saknas."),
          ],
          [
            { label: "Avbryt", value: false },
            { label: "Spara", value: true, primary: true },
          ],
          { validate: () => (name.value.trim() ? null : "Skriv ett filnamn.") },
        );
        if (!ok) return false;
        path = name.value.trim();
        if (!/\.protokoll$/i.test(path)) path += ".protokoll";
        if (
          existing.has(path) &&
          path !== app.path &&
          !(await confirmDialog(
            "Filen finns redan",
            `”${path}” finns redan. Vill du ersätta den?`,
            "Ersätt",
          ))
        )
          return false;
      }
      // Over another file the user confirmed the replacement; over its own file the revision still counts.
      const r = await host.saveFile({
        path,
        text: app.serialize(),
        saveAs: native,
        ...(path !== null && path === app.path ? { baseRevision: app.baseRevision } : {}),
        // Bilagor (issue 17): saved into another folder, the files in bilagor/ go along.
        ...(app.path && app.meta.attachments?.length ? { attachmentsFrom: app.path } : {}),
      });
      if (!r.ok) {
        if ("conflict" in r) return resolveConflict(r.error, r.conflict);
        if (!/Ingen fil vald/.test(r.error)) await showError("Dokumentet sparades inte", r.error);
        return false;
      }
      if (r.notice) toast(r.notice, "error");
      app.readOnly = false;
      await afterSave(r.path, r.revision);
      return true;
    },

    async importFile() {
      if (!(await mayDiscard())) return;
      let result;
      if (native) result = await host.importFile({});
      else {
        const input = h("input", {
          type: "file",
          accept: ".pdf,.docx,.txt,.text",
          id: "import-file",
        });
        const ok = await modal(
          "Importera",
          [
            field("PDF-, Word- eller textfil", input),
            h(
              "p",
              { class: "hint" },
              "Importen läser in texten och gissar strukturen; granska resultatet.",
            ),
          ],
          [
            { label: "Avbryt", value: false },
            { label: "Importera", value: true, primary: true },
          ],
          { validate: () => (input.files?.length ? null : "Välj en fil.") },
        );
        const file = input.files?.[0];
        if (!ok || !file) return;
        result = await host.importFile({ upload: await uploadOf(file) });
      }
      if (!result.ok) {
        if (result.error !== "Ingen fil vald.")
          await showError("Importen misslyckades", result.error);
        return;
      }
      if (!(await loadText(result.text, null, { dirty: true, what: "Import" }))) return;
      showImportChecks(app, result.report);
      if (result.report.length)
        await modal(
          `Importerat från ${result.sourceName}`,
          [
            h("p", {}, "Kontrollera följande:"),
            h("ul", { class: "error-details" }, ...result.report.map((l) => h("li", {}, l))),
          ],
          [{ label: "OK", value: true, primary: true }],
        );
      else toast(`Importerat från ${result.sourceName}.`, "success");
    },

    async exportDialog(preset = {}) {
      const format = select(
        [
          ["pdf", "PDF (PDF/A)"],
          ["docx", "Word (DOCX)"],
        ],
        preset.format ?? "pdf",
        { id: "export-format" },
      );
      const outputs: [string, string][] =
        app.kind === "protokoll"
          ? [
              ["full", "Hela protokollet"],
              ["extract", "Protokollsutdrag (valda §§)"],
              ["notice", "Anslagsbevis"],
              ["public", "Offentlig version (sekretess maskerad)"],
            ]
          : app.kind === "kallelse"
            ? [
                ["full", "Kallelse"],
                ["public", "Offentlig version (sekretess maskerad)"],
                ["notice", "Tillkännagivande av sammanträdet (fullmäktige)"],
              ]
            : [["full", "Svar på interpellation"]];
      const output = select(outputs, preset.output ?? "full", { id: "export-output" });
      const current = app.currentItem()?.node.attrs.id as string | undefined;
      // The §§ chosen for the extract, and only they; the § under the cursor when none were chosen.
      const preticked = new Set(preset.items?.length ? preset.items : current ? [current] : []);
      const itemBoxes = itemChoices(app.state.doc, metaOf(app.state)).map(({ id, label }) =>
        h(
          "label",
          { class: "check" },
          h("input", {
            type: "checkbox",
            value: id,
            class: "export-item",
            checked: preticked.has(id),
          }),
          ` ${label}`,
        ),
      );
      const items = h(
        "fieldset",
        { class: "export-items", hidden: output.value !== "extract" },
        h("legend", {}, "Paragrafer i utdraget"),
        ...itemBoxes,
      );
      const checkedItems = () =>
        itemBoxes
          .map((l) => l.querySelector("input")!)
          .filter((i) => i.checked)
          .map((i) => i.value);
      // "Utkast" follows what the document's status allows (schemas/render/officialStatus.ts): an
      // extract of an omedelbart justerad § is official before the protocol is justerat; a draft
      // protocol is not. Once the secretary ticks or unticks it, it stays as they set it.
      const draft = h("input", { type: "checkbox", id: "export-draft", checked: false });
      const why = h("p", { class: "export-status note", id: "export-status" });
      let touched = false;
      draft.addEventListener("change", () => (touched = true));
      const file = app.currentFile();
      const follow = () => {
        items.hidden = output.value !== "extract";
        const refusal = statusGates[file.kind](
          file,
          output.value as "full",
          output.value === "extract" ? checkedItems() : [],
        );
        why.textContent = refusal ? refusal.sv : "";
        why.hidden = !refusal;
        if (!touched) draft.checked = refusal !== null;
      };
      output.addEventListener("change", follow);
      items.addEventListener("change", follow);
      follow();
      const ok = await modal(
        "Exportera",
        [
          field("Format", format),
          field("Vad", output),
          items,
          h(
            "label",
            { class: "check" },
            draft,
            " Utkast (vattenstämpel UTKAST – tillåts trots fel)",
          ),
          why,
        ],
        [
          { label: "Avbryt", value: false },
          { label: "Exportera", value: true, primary: true },
        ],
        {
          validate: () =>
            output.value === "extract" && !itemBoxes.some((l) => l.querySelector("input")!.checked)
              ? "Välj minst en paragraf."
              : null,
          wide: true,
        },
      );
      if (!ok) return;
      const chosenItems =
        output.value === "extract"
          ? itemBoxes
              .map((l) => l.querySelector("input")!)
              .filter((i) => i.checked)
              .map((i) => i.value)
          : [];
      const progress = document.getElementById("progress")!;
      progress.hidden = false;
      progress.textContent = "Exporterar…";
      document.body.setAttribute("aria-busy", "true");
      try {
        const r = await host.exportFile({
          text: serialize(app.currentFile()),
          format: format.value as "pdf" | "docx",
          output: output.value as "full",
          items: chosenItems,
          draft: draft.checked,
          // Bilagor (issue 17): the files in bilagor/ beside the saved document go beside the export.
          ...(app.path ? { documentPath: app.path } : {}),
        });
        if (!r.ok) {
          if (!/Ingen fil vald/.test(r.error)) await showError("Exporten misslyckades", r.error);
          return;
        }
        toast(
          `Exporterat: ${r.path} (${Math.max(1, Math.round(r.bytes / 1024))} kB)${r.attachments?.length ? ` och ${r.attachments.length === 1 ? "en bilaga" : `${r.attachments.length} bilagor`} bredvid` : ""}`,
          "success",
        );
        const status = document.getElementById("last-export");
        if (status) status.textContent = `Senaste export: ${r.path}`;
      } finally {
        progress.hidden = true;
        document.body.removeAttribute("aria-busy");
      }
    },

    async offerRecovery() {
      const list = await host.listRecovery({});
      if (!list.ok || list.entries.length === 0) return;
      for (const entry of list.entries) {
        const choice = await modal(
          "Osparat arbete finns",
          [
            h("p", {}, "Programmet avslutades med osparade ändringar i:"),
            h(
              "p",
              { class: "recovery-entry" },
              h("strong", {}, entry.title),
              ` (${entry.path ?? "aldrig sparat"}), autosparat ${new Date(entry.savedAt).toLocaleString("sv-SE")}`,
            ),
          ],
          [
            { label: "Senare", value: "later" as const },
            { label: "Kasta", value: "discard" as const },
            { label: "Återställ", value: "restore" as const, primary: true },
          ],
          { id: "recovery-dialog" },
        );
        if (choice === "discard") await host.discardRecovery({ key: entry.key });
        if (choice === "restore") {
          const r = await host.restoreRecovery({ key: entry.key });
          if (!r.ok) {
            await showError("Återställning", r.error);
            continue;
          }
          if (
            await loadText(r.text, r.path, {
              dirty: true,
              recoveryKey: entry.key,
              baseRevision: r.baseRevision ?? null,
              what: "Återställningen",
            })
          ) {
            toast(`Återställt: ${entry.title}`, "success");
            return;
          }
        }
      }
    },
  };
  return actions;
}
