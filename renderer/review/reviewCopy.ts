/**
 * The review copy: the secretary saves a copy of the protocol for a justerare who reads it in
 * their own editor, and later brings the copy's comments and approvals back with `mergeReview` —
 * the secretary's own edits made meanwhile are kept. Files go through the host's saveFile and
 * openFile (the native dialogs in the app, the workspace in the web host).
 */
import { App } from "../app.js";
import type { MergeReport } from "../../schemas/review/index.js";
import { modal, showError, toast } from "../ui/dialogs.js";
import { field, h } from "../ui/dom.js";
import { fileChoice } from "../ui/fileChoice.js";
import { nowIso, type ReviewSession } from "./reviewSession.js";
import { uploadOf } from "../host/uploadOf.js";

/** "Protokoll 2020-08-25.protokoll" → "Protokoll 2020-08-25 granskning.protokoll". */
export function copyName(path: string | null, title: string): string {
  const base = (path ?? title).replace(/\.protokoll$/i, "").replace(/[\\:*?"<>|]+/g, " ");
  return `${base} granskning.protokoll`;
}

export async function saveReviewCopy(app: App, native: boolean): Promise<boolean> {
  let path: string | null = null;
  if (!native) {
    const name = h("input", {
      type: "text",
      id: "copy-name",
      value: copyName(app.path, app.title()),
      required: true,
    });
    const ok = await modal(
      "Spara granskningskopia",
      [
        field("Filnamn i arbetsmappen", name),
        h(
          "p",
          { class: "hint" },
          "Kopian ges till en justerare. Justerarens kommentarer och godkännanden förs sedan in med ”Hämta granskning…”; dina ändringar under tiden behålls.",
        ),
      ],
      [
        { label: "Avbryt", value: false },
        { label: "Spara kopian", value: true, primary: true },
      ],
      { validate: () => (name.value.trim() ? null : "Skriv ett filnamn.") },
    );
    if (!ok) return false;
    path = name.value.trim();
    if (!/\.protokoll$/i.test(path)) path += ".protokoll";
    if (path === app.path) {
      await showError("Spara granskningskopia", "Kopian måste ha ett annat namn än dokumentet.");
      return false;
    }
  }
  const r = await app.host.saveFile({ path, text: app.serialize(), saveAs: native });
  if (!r.ok) {
    if (!/Ingen fil vald/.test(r.error))
      await showError("Granskningskopian sparades inte", r.error);
    return false;
  }
  toast(`Granskningskopia sparad: ${r.path}`, "success");
  return true;
}

async function chooseCopy(app: App): Promise<string | null> {
  const list = await app.host.listFiles({});
  if (!list.ok) {
    await showError("Hämta granskning", list.error);
    return null;
  }
  const others = list.files.filter((f) => f.path !== app.path);
  const input = h("input", {
    type: "text",
    id: "merge-path",
    placeholder: "mapp/granskning.protokoll",
  });
  const buttons = others.map((f) => fileChoice(f, (path) => (input.value = path)));
  const ok = await modal(
    "Hämta granskning",
    [
      others.length
        ? h(
            "ul",
            { class: "file-list", "aria-label": "Granskningskopior i arbetsmappen" },
            ...buttons,
          )
        : h("p", { class: "hint" }, "Arbetsmappen har inga andra dokument."),
      field("Eller skriv sökvägen i arbetsmappen", input),
    ],
    [
      { label: "Avbryt", value: false },
      { label: "Hämta", value: true, primary: true },
    ],
    {
      validate: () => (input.value.trim() ? null : "Välj granskningskopian."),
      wide: true,
      id: "merge-dialog",
    },
  );
  return ok ? input.value.trim() : null;
}

/** "Word-kopia för granskning…": a DOCX with the §§ and the open comments as Word comments. */
export async function saveWordCopy(app: App): Promise<boolean> {
  const r = await app.host.exportReviewDocx({ text: app.serialize() });
  if (!r.ok) {
    if (!/Ingen fil vald/.test(r.error)) await showError("Word-kopian sparades inte", r.error);
    return false;
  }
  toast(
    `Word-kopia för granskning sparad: ${r.path} (${Math.max(1, Math.round(r.bytes / 1024))} kB)`,
    "success",
  );
  return true;
}

/** "Hämta granskning från Word…": the Word comments of a returned DOCX copy, merged by the host. */
export async function mergeWordCopy(
  app: App,
  session: ReviewSession,
  native: boolean,
  label: (itemPerson: string) => string,
): Promise<boolean> {
  let upload: { name: string; base64: string } | undefined;
  if (!native) {
    const input = h("input", { type: "file", accept: ".docx", id: "word-review-file" });
    const ok = await modal(
      "Hämta granskning från Word",
      [
        field("Word-kopian med justerarens kommentarer (.docx)", input),
        h(
          "p",
          { class: "hint" },
          "Kommentarerna förs in på sina paragrafer. Ändringar av texten i Word tas inte med.",
        ),
      ],
      [
        { label: "Avbryt", value: false },
        { label: "Hämta", value: true, primary: true },
      ],
      {
        validate: () => (input.files?.length ? null : "Välj Word-filen."),
        id: "word-merge-dialog",
      },
    );
    const file = input.files?.[0];
    if (!ok || !file) return false;
    upload = await uploadOf(file);
  }
  const r = await app.host.importReviewDocx({
    text: app.serialize(),
    upload,
    receivedAt: nowIso(),
  });
  if (!r.ok) {
    if (r.error !== "Ingen fil vald.") await showError("Hämta granskning från Word", r.error);
    return false;
  }
  const parsed = App.parseText(r.text);
  if (!parsed.ok) {
    await showError(
      "Hämta granskning från Word",
      "Värden svarade med ett dokument som inte är välformat. Ingenting har ändrats.",
      parsed.errors,
    );
    return false;
  }
  const kept = session.takeReview(parsed.file);
  if (!kept.ok) {
    await showError("Hämta granskning från Word", kept.error);
    return false;
  }
  await modal(
    `Granskning hämtad från ${r.sourceName}`,
    reportBody(r.report, label),
    [{ label: "OK", value: true, primary: true }],
    { id: "merge-report" },
  );
  return true;
}

function reportBody(report: MergeReport, label: (id: string) => string): Node[] {
  const lines: string[] = [];
  lines.push(`${report.addedComments.length} nya kommentarer.`);
  if (report.detachedComments.length)
    lines.push(
      `${report.detachedComments.length} kommentarer gällde text som har tagits bort – de ligger kvar på sin paragraf.`,
    );
  lines.push(
    `${report.addedApprovals.length} godkännanden eller ändringsbegäranden: ${report.addedApprovals.map(label).join(", ") || "inga"}.`,
  );
  if (report.droppedApprovals.length)
    lines.push(
      `${report.droppedApprovals.length} godkännanden gällde paragrafer som inte finns längre och togs inte med.`,
    );
  return [
    h("ul", { class: "merge-report" }, ...lines.map((l) => h("li", {}, l))),
    h(
      "p",
      { class: "hint" },
      "Texten och dina ändringar är oförändrade. Godkännanden av paragrafer som du har ändrat efter kopian gäller inte förrän de godkänns igen.",
    ),
  ];
}

export async function mergeReviewCopy(
  app: App,
  session: ReviewSession,
  native: boolean,
  label: (itemPerson: string) => string,
): Promise<boolean> {
  const path = native ? undefined : await chooseCopy(app);
  if (!native && !path) return false;
  const r = await app.host.openFile(path ? { path } : {});
  if (!r.ok) {
    if (r.error !== "Ingen fil vald.")
      await showError("Granskningskopian kunde inte öppnas", r.error);
    return false;
  }
  const parsed = App.parseText(r.text);
  if (!parsed.ok) {
    await showError(
      "Hämta granskning",
      "Granskningskopian är inte ett välformat protokoll. Ingenting har ändrats.",
      parsed.errors,
    );
    return false;
  }
  const merged = session.merge(parsed.file);
  if (!merged.ok) {
    await showError("Hämta granskning", merged.error);
    return false;
  }
  await modal(
    `Granskning hämtad från ${r.path}`,
    reportBody(merged.report, label),
    [{ label: "OK", value: true, primary: true }],
    { id: "merge-report" },
  );
  return true;
}
