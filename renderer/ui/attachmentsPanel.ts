/**
 * The Bilagor panel (issue 17): the document's bilagor in number order — "Bilaga 1 – Voteringslista",
 * the § it belongs to and whether its file is in `bilagor/` as attached — with "Lägg till bilaga…"
 * (for the current § or the whole protocol), rename, move, "Infoga hänvisning" and remove. The
 * file is copied by the host (the app's dialog, or the browser's upload) into `bilagor/` beside
 * the saved document; the list lives in `meta.attachments`, so every change is one undoable step.
 */
import type { App } from "../app.js";
import {
  attachmentLabel,
  numberedAttachments,
  type NumberedAttachment,
} from "../../schemas/attachments.js";
import { newId } from "../../schemas/ids.js";
import type { Meta } from "../../schemas/meta.js";
import { schema } from "../../schemas/schema.js";
import {
  addAttachment,
  assignAttachment,
  insertAttachmentRef,
  moveAttachment,
  removeAttachment,
  renameAttachment,
} from "../editor/attachmentCommands.js";
import { derivedOf } from "../editor/derivedPlugin.js";
import { confirmDialog, modal, showError, toast } from "./dialogs.js";
import { field, h, select } from "./dom.js";
import { itemOptions } from "./itemOptions.js";
import { uploadOf } from "../host/uploadOf.js";

/** Bilaga file → its SHA-256 on disk now, or null when it is missing (the rule attachments reads it). */
export type AttachmentFileStatus = Record<string, string | null>;

export interface AttachmentsPanel {
  /** "Lägg till bilaga…" */
  add(): Promise<void>;
  /** "Infoga hänvisning till bilaga…" */
  insertRef(): Promise<void>;
}

const WHOLE = "";

/** What a bilaga can belong to: the whole protocol first, then the §§ ("§ 3 Budget 2026"). */
function belongsChoices(app: App): [string, string][] {
  return [[WHOLE, "Hela protokollet"], ...itemOptions(app.state)];
}

const stem = (name: string) => name.replace(/\.[A-Za-z0-9]{1,10}$/, "").trim();

export function mountAttachments(
  app: App,
  root: HTMLElement,
  native: boolean,
  onFiles: (files: AttachmentFileStatus) => void,
): AttachmentsPanel {
  const list = h("ol", {
    class: "attachment-list",
    id: "attachment-list",
    "aria-label": "Bilagor",
  });
  const hint = h("p", { class: "hint", id: "attachments-hint" });
  const addButton = h(
    "button",
    { type: "button", id: "attachment-add", onclick: () => void panel.add() },
    "Lägg till bilaga…",
  );
  root.replaceChildren(
    h("h2", { class: "panel-title" }, "Bilagor"),
    h(
      "p",
      { class: "hint" },
      "Filerna kopieras till mappen bilagor/ bredvid dokumentet. Exporten listar bilagorna och skriver filerna bredvid protokollet.",
    ),
    h("div", { class: "panel-actions" }, addButton),
    hint,
    list,
  );
  let status: AttachmentFileStatus = {};

  const change = (next: Meta | null) => {
    if (!next) return;
    app.updateMeta(() => next);
    app.flush();
  };

  /** Ask the host which files are there and unchanged; the panel and the rule show the answer. */
  const checkFiles = async () => {
    const files = (app.meta.attachments ?? []).map((a) => a.file);
    if (!app.path || !files.length) {
      status = {};
      onFiles(status);
      render();
      return;
    }
    const r = await app.host.checkAttachments({ path: app.path, files });
    if (!r.ok) return;
    status = Object.fromEntries(r.files.map((f) => [f.file, f.sha256]));
    onFiles(status);
    render();
  };

  const fileState = (n: NumberedAttachment): string => {
    if (!(n.attachment.file in status)) return "";
    const onDisk = status[n.attachment.file];
    return onDisk === null
      ? "Filen saknas"
      : onDisk !== n.attachment.sha256
        ? "Filen har ändrats"
        : "";
  };

  const rename = async (n: NumberedAttachment) => {
    const title = h("input", {
      type: "text",
      id: "attachment-title",
      value: n.attachment.title,
      maxlength: 300,
    });
    const belongs = select(belongsChoices(app), n.itemId ?? WHOLE, { id: "attachment-item" });
    const ok = await modal(
      `Bilaga ${n.number}`,
      [field("Titel", title), field("Hör till", belongs)],
      [
        { label: "Avbryt", value: false },
        { label: "Spara", value: true, primary: true },
      ],
      {
        validate: () => (title.value.trim() ? null : "Skriv en titel."),
      },
    );
    if (!ok) return;
    // A new title and a new § together are one change (one undo step).
    const renamed = renameAttachment(app.meta, n.attachment.id, title.value);
    const item = belongs.value === WHOLE ? null : belongs.value;
    change(assignAttachment(renamed ?? app.meta, n.attachment.id, item) ?? renamed);
  };

  const remove = async (n: NumberedAttachment) => {
    const refs: number[] = [];
    app.state.doc.descendants((node) => {
      if (node.type.name === "attachment_ref" && node.attrs.target === n.attachment.id)
        refs.push(1);
      return !node.isLeaf;
    });
    const ok = await confirmDialog(
      "Ta bort bilaga",
      `Bilaga ${n.number} (”${n.attachment.title}”) tas bort ur dokumentet${refs.length ? `; ${refs.length === 1 ? "en hänvisning" : `${refs.length} hänvisningar`} till den visas som problem tills de tas bort` : ""}. Filen ${n.attachment.file} ligger kvar i mappen.`,
      "Ta bort",
    );
    if (!ok) return;
    change(removeAttachment(app.meta, n.attachment.id));
    toast(
      `Bilagan togs bort ur dokumentet. Filen ${n.attachment.file} finns kvar i mappen.`,
      "info",
    );
  };

  const insertRefTo = (id: string, withTitle: boolean) => {
    if (
      !insertAttachmentRef(
        schema.nodes.attachment_ref,
        id,
        withTitle,
      )(app.state, (tr) => app.dispatch(tr))
    ) {
      void showError(
        "Hänvisning till bilaga",
        "Ställ markören i löpande text, där hänvisningen ska stå.",
      );
      return;
    }
    app.view.focus();
  };

  /** A justerat protocol's bilagor are sealed with it: they change only by rättelse, not here. */
  const locked = () => app.readOnly || !app.editable || app.meta.status === "adjusted";

  function render() {
    const numbered = numberedAttachments(app.state.doc, app.meta.attachments);
    const numbers = derivedOf(app.state).numbers;
    const isProtocol = app.kind === "protokoll";
    const fixed = locked();
    addButton.disabled = !isProtocol || fixed;
    hint.textContent = !isProtocol
      ? "Bilagor finns för protokoll."
      : fixed
        ? "Dokumentet kan inte ändras här (justerat eller skrivskyddat); bilagorna visas bara."
        : !app.path
          ? "Spara dokumentet först – bilagorna kopieras till mappen bilagor/ bredvid det."
          : numbered.length
            ? ""
            : "Inga bilagor ännu.";
    list.replaceChildren(
      ...numbered.map((n, i) => {
        const problem = fileState(n);
        const sameGroup = (j: number) => numbered[j]?.itemId === n.itemId;
        const where = n.itemId !== null ? `§ ${numbers.get(n.itemId) ?? "?"}` : "Hela protokollet";
        return h(
          "li",
          {
            class: `attachment${problem ? " attachment-problem" : ""}`,
            "data-attachment": n.attachment.id,
          },
          h("div", { class: "attachment-label" }, attachmentLabel(n.number, n.attachment.title)),
          h(
            "div",
            { class: "attachment-meta" },
            `${where} · ${n.attachment.file}`,
            problem
              ? h("strong", { class: "attachment-status", role: "status" }, ` · ${problem}`)
              : null,
          ),
          h(
            "div",
            { class: "attachment-actions" },
            h(
              "button",
              {
                type: "button",
                class: "small",
                "data-action": "ref",
                onclick: () => insertRefTo(n.attachment.id, false),
                title: "Infoga ”bilaga N” vid markören",
              },
              "Infoga hänvisning",
            ),
            h(
              "button",
              {
                type: "button",
                class: "small",
                "data-action": "edit",
                disabled: fixed,
                onclick: () => void rename(n),
              },
              "Byt namn…",
            ),
            h(
              "button",
              {
                type: "button",
                class: "small",
                "data-action": "up",
                "aria-label": `Flytta bilaga ${n.number} upp`,
                disabled: fixed || !sameGroup(i - 1),
                onclick: () => change(moveAttachment(app.state.doc, app.meta, n.attachment.id, -1)),
              },
              "↑",
            ),
            h(
              "button",
              {
                type: "button",
                class: "small",
                "data-action": "down",
                "aria-label": `Flytta bilaga ${n.number} ned`,
                disabled: fixed || !sameGroup(i + 1),
                onclick: () => change(moveAttachment(app.state.doc, app.meta, n.attachment.id, 1)),
              },
              "↓",
            ),
            h(
              "button",
              {
                type: "button",
                class: "small danger",
                "data-action": "remove",
                disabled: fixed,
                onclick: () => void remove(n),
              },
              "Ta bort…",
            ),
          ),
        );
      }),
    );
  }

  // Numbers follow the §§ and the list: redrawn when either changes. The files are checked on open
  // and save, and when the list names other files (a new title or § reads no file again).
  const filesOf = (list: Meta["attachments"]) => (list ?? []).map((a) => a.file).join("\n");
  let lastList = app.meta.attachments;
  let lastFiles = filesOf(lastList);
  // The derived § ids stay the same array while only the text changes: joined only when not.
  let lastIdArray = derivedOf(app.state).ids;
  let lastIds = lastIdArray.join();
  app.onChange((kinds) => {
    const ids = derivedOf(app.state).ids;
    const idKey = ids === lastIdArray ? lastIds : ids.join();
    const reordered = idKey !== lastIds;
    lastIdArray = ids;
    lastIds = idKey;
    if (kinds.has("load") || kinds.has("saved")) {
      lastList = app.meta.attachments;
      lastFiles = filesOf(lastList);
      void checkFiles();
      return;
    }
    if (app.meta.attachments !== lastList) {
      lastList = app.meta.attachments;
      const files = filesOf(lastList);
      if (files !== lastFiles) {
        lastFiles = files;
        void checkFiles();
      } else render();
      return;
    }
    // Justering or read-only changes what may be done here.
    if (kinds.has("meta")) render();
    // Typing inside a § does not move §§; only a change of their order renumbers.
    else if (kinds.has("doc") && reordered && lastList?.length) render();
  });

  const panel: AttachmentsPanel = {
    async add() {
      if (app.kind !== "protokoll") return showError("Bilagor", "Bilagor finns för protokoll.");
      if (locked())
        return showError(
          "Bilagor",
          "Dokumentet är justerat eller skrivskyddat: bilagorna kan inte ändras.",
        );
      if (!app.path)
        return showError(
          "Bilagor",
          "Spara dokumentet först – bilagorna kopieras till mappen bilagor/ bredvid det.",
        );
      const current = app.currentItem()?.node.attrs.id as string | undefined;
      const title = h("input", {
        type: "text",
        id: "attachment-new-title",
        maxlength: 300,
        placeholder: "T.ex. Voteringslista",
      });
      const belongs = select(belongsChoices(app), current ?? WHOLE, { id: "attachment-new-item" });
      const input = native ? null : h("input", { type: "file", id: "attachment-file" });
      const ok = await modal(
        "Lägg till bilaga",
        [
          field("Titel", title),
          field("Hör till", belongs),
          ...(input
            ? [field("Fil", input)]
            : [h("p", { class: "hint" }, "Du väljer filen i nästa steg.")]),
          h(
            "p",
            { class: "hint" },
            "Filen kopieras till mappen bilagor/ bredvid dokumentet; originalet lämnas orört.",
          ),
        ],
        [
          { label: "Avbryt", value: false },
          { label: native ? "Välj fil…" : "Lägg till", value: true, primary: true },
        ],
        { validate: () => (input && !input.files?.length ? "Välj en fil." : null) },
      );
      if (!ok || !app.path) return;
      const file = input?.files?.[0];
      const r = await app.host.attachFile({
        path: app.path,
        ...(file ? { upload: await uploadOf(file) } : {}),
      });
      if (!r.ok) {
        if (!/Ingen fil vald/.test(r.error)) await showError("Bilagan lades inte till", r.error);
        return;
      }
      const id = newId("b");
      const item = belongs.value === WHOLE ? undefined : belongs.value;
      change(
        addAttachment(app.meta, {
          id,
          title: title.value.trim() || stem(r.name) || "Bilaga",
          file: r.file,
          sha256: r.sha256,
          ...(item ? { item } : {}),
        }),
      );
      const n = numberedAttachments(app.state.doc, app.meta.attachments).find(
        (x) => x.attachment.id === id,
      );
      toast(
        `${attachmentLabel(n?.number, n?.attachment.title ?? "")} lades till (${r.file}).`,
        "success",
      );
    },

    async insertRef() {
      const numbered = numberedAttachments(app.state.doc, app.meta.attachments);
      if (!numbered.length)
        return showError(
          "Hänvisning till bilaga",
          "Dokumentet har inga bilagor ännu. Lägg till en under Bilagor.",
        );
      const choice = select(
        numbered.map((n) => [n.attachment.id, attachmentLabel(n.number, n.attachment.title)]),
        numbered[0]!.attachment.id,
        { id: "attachment-ref-target" },
      );
      const withTitle = h("input", { type: "checkbox", id: "attachment-ref-title" });
      const ok = await modal(
        "Infoga hänvisning till bilaga",
        [
          field("Bilaga", choice),
          h("label", { class: "check" }, withTitle, " Med titel (”Bilaga 2 – Voteringslista”)"),
        ],
        [
          { label: "Avbryt", value: false },
          { label: "Infoga", value: true, primary: true },
        ],
      );
      if (ok) insertRefTo(choice.value, withTitle.checked);
      else app.view.focus();
    },
  };
  render();
  return panel;
}
