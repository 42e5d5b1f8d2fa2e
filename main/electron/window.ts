/**
 * A document window: the BrowserWindow and its security flags, the title, the close question, and
 * the remembered size and position.
 */
import { basename } from "node:path";
import { BrowserWindow, type Rectangle } from "electron";

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };
const MIN = { width: 720, height: 480 };

/**
 * A document window. The web preferences are written out here, in the one `new BrowserWindow`
 * of the app, so that reviewers and electronegativity see them: changing one is a security decision.
 */
export function createBrowserWindow(preload: string, state: WindowState): BrowserWindow {
  return new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN.width,
    minHeight: MIN.height,
    title: "Protokoll",
    show: false,
    backgroundColor: "#ffffff",
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      // A middle click on a link would otherwise ask for a new window (denied anyway, see security.ts).
      disableBlinkFeatures: "Auxclick",
    },
  });
}

/**
 * The remembered state, checked against the screens there are now: a window saved on a screen that
 * is gone is put back on the first one, and it is never larger than the screen.
 */
export function fitToDisplays(saved: unknown, workAreas: Rectangle[]): WindowState {
  const s = (saved ?? {}) as Partial<Record<keyof WindowState, unknown>>;
  const num = (v: unknown) =>
    typeof v === "number" && Number.isFinite(v) ? Math.round(v) : undefined;
  const area = workAreas[0];
  let width = Math.max(MIN.width, num(s.width) ?? DEFAULT_WINDOW_STATE.width);
  let height = Math.max(MIN.height, num(s.height) ?? DEFAULT_WINDOW_STATE.height);
  const maximized = s.maximized === true;
  const x = num(s.x);
  const y = num(s.y);
  if (x === undefined || y === undefined) return { width, height, maximized };
  // Visible enough when the title bar (top 40 px, middle of the window) is on some screen.
  const onScreen = workAreas.find((a) => {
    const cx = x + Math.min(width, 200) / 2;
    return cx >= a.x && cx < a.x + a.width && y >= a.y && y < a.y + a.height - 40;
  });
  if (!onScreen) {
    if (area) {
      width = Math.min(width, area.width);
      height = Math.min(height, area.height);
    }
    return { width, height, maximized };
  }
  return {
    x,
    y,
    width: Math.min(width, onScreen.width),
    height: Math.min(height, onScreen.height),
    maximized,
  };
}

/** A new window beside an open one, moved down and right so both can be seen. */
export function cascade(from: WindowState | null, state: WindowState): WindowState {
  if (!from || from.x === undefined || from.y === undefined) return state;
  return { ...state, x: from.x + 28, y: from.y + 28 };
}

export interface TitleState {
  /** The document's own title from the renderer (e.g. "Socialnämnden 2020-08-25 – Utkast"). */
  title: string;
  dirty: boolean;
  path: string | null;
  readOnly?: boolean;
}

/** "socialnamnden.protokoll • – Socialnämnden 2020-08-25 – Utkast – Protokoll". */
export function windowTitle(s: TitleState): string {
  const name = s.path ? basename(s.path) : "Namnlöst";
  const parts = [`${name}${s.dirty ? " •" : ""}`];
  const title = s.title.trim();
  if (title && title !== name) parts.push(title);
  if (s.readOnly) parts.push("skrivskyddad");
  parts.push("Protokoll");
  return parts.join(" – ");
}

/** The question asked when a window with unsaved changes is closed. */
export function unsavedChangesQuestion(path: string | null) {
  const name = path ? `”${basename(path)}”` : "det namnlösa dokumentet";
  return {
    type: "warning" as const,
    buttons: ["Spara", "Spara inte", "Avbryt"],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    title: "Osparade ändringar",
    message: `Vill du spara ändringarna i ${name}?`,
    detail: "Om du inte sparar försvinner ändringarna.",
  };
}

export type CloseAnswer = "save" | "discard" | "cancel";
export const closeAnswers: CloseAnswer[] = ["save", "discard", "cancel"];
