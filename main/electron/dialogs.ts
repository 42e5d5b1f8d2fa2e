/** The native file dialogs, filtered to what each action accepts. */
import { dialog, type BrowserWindow, type FileFilter } from "electron";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

export const filters = {
  protokoll: [{ name: "Protokoll-dokument", extensions: ["protokoll"] }],
  import: [
    { name: "PDF, Word eller text", extensions: ["pdf", "docx", "txt"] },
    { name: "PDF", extensions: ["pdf"] },
    { name: "Word-dokument", extensions: ["docx"] },
    { name: "Text", extensions: ["txt"] },
  ],
  docx: [{ name: "Word-dokument", extensions: ["docx"] }],
  pdf: [{ name: "PDF", extensions: ["pdf"] }],
} satisfies Record<string, FileFilter[]>;

export type SaveKind = "protokoll" | "docx" | "pdf";

/** The folder dialogs start in: where the last document was, else the user's home. */
let lastFolder: string | null = null;
export function rememberFolder(path: string): void {
  lastFolder = dirname(path);
}
const startFolder = () => lastFolder ?? homedir();

/** One existing file, chosen in the system's open dialog from the last folder used; null: cancelled. */
async function chooseFile(
  win: BrowserWindow | null,
  title: string,
  buttonLabel: string,
  fileFilters: FileFilter[],
): Promise<string | null> {
  const options = {
    title,
    buttonLabel,
    defaultPath: startFolder(),
    filters: fileFilters,
    properties: ["openFile" as const],
  };
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

export const chooseOpenPath = (win: BrowserWindow | null): Promise<string | null> =>
  chooseFile(win, "Öppna dokument", "Öppna", filters.protokoll);

export const chooseImportPath = (win: BrowserWindow | null): Promise<string | null> =>
  chooseFile(win, "Importera PDF, Word eller text", "Importera", filters.import);

export async function chooseSavePath(
  win: BrowserWindow | null,
  defaultName: string,
  kind: SaveKind,
): Promise<string | null> {
  const titles: Record<SaveKind, string> = {
    protokoll: "Spara dokument",
    docx: "Exportera Word-dokument",
    pdf: "Exportera PDF",
  };
  const options = {
    title: titles[kind],
    buttonLabel: kind === "protokoll" ? "Spara" : "Exportera",
    defaultPath: join(startFolder(), `${defaultName}.${kind}`),
    filters: filters[kind],
    properties: ["createDirectory" as const, "showOverwriteConfirmation" as const],
  };
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : r.filePath;
}

/** A logo (PNG or SVG) or a TrueType font for the municipality profile ("Kommunprofil"). */
export async function chooseProfileFile(
  win: BrowserWindow | null,
  kind: "logo" | "logoSvg" | "font",
): Promise<string | null> {
  const choice = {
    logo: { title: "Välj logotyp (PNG)", filters: [{ name: "PNG-bild", extensions: ["png"] }] },
    logoSvg: {
      title: "Välj logotyp som vektorbild (SVG)",
      filters: [{ name: "SVG-bild", extensions: ["svg"] }],
    },
    font: {
      title: "Välj typsnitt (TrueType)",
      filters: [{ name: "TrueType-typsnitt", extensions: ["ttf"] }],
    },
  }[kind];
  return chooseFile(win, choice.title, "Välj", choice.filters);
}

/** A file to attach as a bilaga (issue 17): any kind; it is copied into bilagor/ beside the document. */
export const chooseAttachmentPath = (win: BrowserWindow | null): Promise<string | null> =>
  chooseFile(win, "Lägg till bilaga", "Lägg till", [
    {
      name: "PDF, Word, bilder och text",
      extensions: ["pdf", "docx", "doc", "xlsx", "odt", "png", "jpg", "jpeg", "txt"],
    },
    { name: "Alla filer", extensions: ["*"] },
  ]);
