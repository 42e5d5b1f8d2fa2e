/**
 * The open windows, one document each: creating them, opening a document in the right one (the
 * window that already has it, an empty window, or a new one), the "Spara?" question on close,
 * what happens when a window's renderer crashes, and the remembered window size and position.
 */
import { app, BrowserWindow, dialog, Menu, screen, type WebContents } from "electron";
import { readFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { createHandlers, type HostEnv } from "../host/createHandlers.js";
import { SealKeyStore } from "../review/sealKeys.js";
import { safeStorageProtection } from "./safeStorageProtection.js";
import { findProfile } from "../export/loadProfile.js";
import { atomicWrite } from "../files/atomicWrite.js";
import { RecoveryStore } from "../files/recovery.js";
import { APP_INDEX_URL } from "./appUrl.js";
import * as dialogs from "./dialogs.js";
import {
  DocumentSession,
  GrantedPaths,
  withDocumentSession,
  type SessionContext,
} from "./documentSession.js";
import type { IpcTarget } from "./ipc.js";
import { MENU_COMMAND_EVENT, menuTemplate } from "./menu.js";
import type { MenuCommand, MenuCommandPayload } from "../../schemas/contract.js";
import { RecentDocuments } from "./recentDocuments.js";
import {
  cascade,
  closeAnswers,
  createBrowserWindow,
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  unsavedChangesQuestion,
  windowTitle,
  type WindowState,
} from "./window.js";

export interface ShellPaths {
  /** The user's data folder (app.getPath("userData")). */
  userData: string;
  /** dist/main/electron/preload.cjs */
  preload: string;
}

interface DocumentWindow extends IpcTarget {
  win: BrowserWindow;
  session: DocumentSession;
  /** The renderer has loaded (commands can be sent). */
  loaded: Promise<void>;
}

const withExtension = (path: string, ext: string) =>
  extname(path).toLowerCase() === `.${ext}` ? path : `${path}.${ext}`;

export class DocumentWindows {
  private readonly windows = new Map<number, DocumentWindow>();
  readonly granted = new GrantedPaths();
  readonly recent: RecentDocuments;
  private readonly recoveryDir: string;
  private readonly sealKeys: SealKeyStore;
  private readonly stateFile: string;
  private counter = 0;
  private recentPaths: string[] = [];

  constructor(private readonly paths: ShellPaths) {
    this.recent = new RecentDocuments(join(paths.userData, "recent-documents.json"));
    this.recoveryDir = join(paths.userData, "recovery");
    // Signing keys: in the user's data folder (never a document's folder), protected by the OS where it can.
    this.sealKeys = new SealKeyStore(join(paths.userData, "keys"), safeStorageProtection());
    this.stateFile = join(paths.userData, "window-state.json");
  }

  /** IPC: the window a message came from (undefined for anything that is not ours). */
  find = (sender: WebContents): DocumentWindow | undefined => this.windows.get(sender.id);

  sessions(): DocumentSession[] {
    return [...this.windows.values()].map((w) => w.session);
  }

  async start(): Promise<void> {
    this.recentPaths = await this.recent.paths();
    for (const p of this.recentPaths) this.granted.grant(p);
    this.refreshMenu();
  }

  /** Open `path` in the window that already has it, else in an empty window, else in a new one. */
  async openPath(path: string): Promise<void> {
    const granted = this.granted.grant(path);
    const existing = [...this.windows.values()].find((w) => w.session.path === granted);
    if (existing) {
      if (existing.win.isMinimized()) existing.win.restore();
      existing.win.focus();
      return;
    }
    const focused = this.focused();
    const target = focused && isPristine(focused.session) ? focused : await this.create();
    target.session.pendingOpen = granted;
    await target.loaded;
    // The renderer answers "file.open" by calling openFile; the pending path is what it gets.
    this.send(target, "file.open", { path: granted });
  }

  /** Arkiv → Öppna: the dialog first, then the right window. */
  async chooseAndOpen(): Promise<void> {
    const path = await dialogs.chooseOpenPath(this.focused()?.win ?? null);
    if (path) await this.openPath(path);
  }

  focused(): DocumentWindow | undefined {
    const win = BrowserWindow.getFocusedWindow();
    return win ? this.windows.get(win.webContents.id) : [...this.windows.values()].at(-1);
  }

  sendToFocused(command: MenuCommand, payload?: MenuCommandPayload): void {
    const target = this.focused();
    if (target) this.send(target, command, payload);
  }

  private send(
    target: DocumentWindow,
    command: MenuCommand,
    payload: MenuCommandPayload = {},
  ): void {
    if (!target.win.isDestroyed())
      target.win.webContents.send(MENU_COMMAND_EVENT, command, payload);
  }

  refreshMenu(): void {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          platform: process.platform,
          recent: this.recentPaths,
          send: (c, p) => this.sendToFocused(c, p),
          newWindow: () => void this.create(),
          open: () => void this.chooseAndOpen(),
          openRecent: (p) => void this.openPath(p),
          clearRecent: () => void this.clearRecent(),
        }),
      ),
    );
  }

  private async clearRecent(): Promise<void> {
    for (const p of this.recentPaths) await this.recent.remove(p);
    this.recentPaths = [];
    app.clearRecentDocuments();
    this.refreshMenu();
  }

  async create(): Promise<DocumentWindow> {
    const displays = screen.getAllDisplays().map((d) => d.workArea);
    const last = [...this.windows.values()].at(-1);
    const saved = fitToDisplays(await this.loadState(), displays);
    const state = last ? cascade(boundsState(last.win), saved) : saved;
    const win = createBrowserWindow(this.paths.preload, state);
    if (state.maximized) win.maximize();
    const n = ++this.counter;
    const session = new DocumentSession(win.id, `Protokoll (fönster ${n})`);
    const contentsId = win.webContents.id;

    const env: HostEnv = {
      resolve: (p) => (this.granted.has(p) ? p : null),
      chooseOpenPath: async () => {
        if (session.pendingOpen) {
          const p = session.pendingOpen;
          session.pendingOpen = null;
          return p;
        }
        const p = await dialogs.chooseOpenPath(win);
        return p ? this.granted.grant(p) : null;
      },
      chooseSavePath: async (name, ext) => {
        const p = await dialogs.chooseSavePath(win, name, ext);
        return p ? this.granted.grant(withExtension(p, ext)) : null;
      },
      chooseImportPath: async () => {
        const p = await dialogs.chooseImportPath(win);
        return p ? this.granted.grant(p) : null;
      },
      listFiles: async () => {
        const entries = await this.recent.entries();
        for (const e of entries) this.granted.grant(e.path);
        return entries;
      },
      recoveryDir: this.recoveryDir,
      sealKeys: this.sealKeys,
      // The bodies' reglementen (issue 14): the app has no workspace folder, so they live with its own data.
      bodiesDir: join(this.paths.userData, "bodies"),
      setDocumentState: async ({ title, dirty, path }) => {
        // The path is ours (set on open and save), not the page's word — except that a page which
        // started a new document (path null) lets go of the old one and its lock.
        if (path === null && session.path !== null) {
          await session.releaseLock();
          session.path = null;
          session.readOnly = false;
        }
        session.title = title;
        session.dirty = dirty;
        this.updateTitle(win, session);
      },
      // The municipality profile (issue 15): the Arbetsmapp is the open document's folder, or the
      // nearest folder above it with a profile.json; logos and fonts are picked in a file dialog.
      workspaceDir: () =>
        session.path ? (findProfile(dirname(session.path)) ?? dirname(session.path)) : null,
      chooseProfileFile: (kind) => dialogs.chooseProfileFile(win, kind),
      // Bilagor (issue 17): the file to attach is picked here; only its bytes are copied.
      chooseAttachmentPath: () => dialogs.chooseAttachmentPath(win),
    };
    const ctx: SessionContext = {
      granted: this.granted,
      sessions: () => this.sessions(),
      chooseSavePath: env.chooseSavePath,
      remember: (p) => this.remember(p),
      notify: (message) => {
        if (!win.isDestroyed())
          dialog
            .showMessageBox(win, { type: "info", title: "Protokoll", message, buttons: ["OK"] })
            .catch(() => undefined);
      },
      changed: () => this.updateTitle(win, session),
      close: () => setImmediate(() => !win.isDestroyed() && win.close()),
    };
    const entry: DocumentWindow = {
      win,
      session,
      handlers: withDocumentSession(session, createHandlers(env), ctx),
      loaded: Promise.resolve(),
    };
    this.windows.set(contentsId, entry);

    win.once("ready-to-show", () => win.show());
    win.on("close", (e) => this.onClose(entry, e));
    win.on("closed", () => void this.onClosed(entry, contentsId));
    win.on("resize", () => this.saveStateSoon(win));
    win.on("move", () => this.saveStateSoon(win));
    win.on("maximize", () => this.saveStateSoon(win));
    win.on("unmaximize", () => this.saveStateSoon(win));
    win.webContents.on(
      "render-process-gone",
      (_e, details) => void this.onRendererGone(entry, details.reason),
    );
    // The page's own beforeunload guard: once the user has answered the close question it is
    // overruled; before that it means unsaved changes we were not told of, so ask.
    win.webContents.on("will-prevent-unload", (event) => {
      if (session.closeConfirmed) return event.preventDefault();
      session.dirty = true;
      setImmediate(() => !win.isDestroyed() && win.close());
    });
    entry.loaded = win.loadURL(APP_INDEX_URL).catch(() => undefined);
    this.updateTitle(win, session);
    return entry;
  }

  private updateTitle(win: BrowserWindow, s: DocumentSession): void {
    if (win.isDestroyed()) return;
    win.setTitle(
      windowTitle({ title: s.title, dirty: s.dirty, path: s.path, readOnly: s.readOnly }),
    );
    if (process.platform === "darwin") {
      win.setDocumentEdited(s.dirty);
      win.setRepresentedFilename(s.path ?? "");
    }
  }

  private async remember(path: string): Promise<void> {
    dialogs.rememberFolder(path);
    app.addRecentDocument(path);
    await this.recent.add(path).catch(() => undefined);
    this.recentPaths = await this.recent.paths();
    this.refreshMenu();
  }

  /** Closing with unsaved changes asks: Spara / Spara inte / Avbryt. */
  private asking = new Set<number>();
  private onClose(entry: DocumentWindow, event: Electron.Event): void {
    const { win, session } = entry;
    if (session.closeConfirmed || !session.dirty) return;
    event.preventDefault();
    if (this.asking.has(session.id)) return;
    this.asking.add(session.id);
    void dialog
      .showMessageBox(win, unsavedChangesQuestion(session.path))
      .then(({ response }) => {
        const answer = closeAnswers[response] ?? "cancel";
        if (answer === "save") {
          session.closeAfterSave = true;
          this.send(entry, "file.save");
          // If the page never saves (it refused, the user went on editing), do not close later by surprise.
          setTimeout(() => (session.closeAfterSave = false), 120_000).unref();
        } else if (answer === "discard") {
          session.closeConfirmed = true;
          win.close();
        }
      })
      .catch(() => undefined)
      .finally(() => this.asking.delete(session.id));
  }

  private async onClosed(entry: DocumentWindow, contentsId: number): Promise<void> {
    this.windows.delete(contentsId);
    const { session } = entry;
    await session.releaseLock();
    // Closed on purpose (saved, or "Spara inte"): its unsaved-work copies are no longer wanted.
    const store = new RecoveryStore(this.recoveryDir);
    for (const key of session.autosaveKeys) await store.discard(key).catch(() => undefined);
  }

  /**
   * The page crashed or was killed. Its autosaved work stays in the recovery folder and is let go
   * by this window, so the reloaded page (or the next start) offers to restore it.
   */
  private async onRendererGone(entry: DocumentWindow, reason: string): Promise<void> {
    if (reason === "clean-exit") return;
    const { win, session } = entry;
    session.autosaveKeys.clear();
    if (win.isDestroyed()) return;
    const { response } = await dialog.showMessageBox(win, {
      type: "error",
      title: "Protokoll",
      message: "Fönstret slutade fungera.",
      detail:
        "Det som autosparades finns kvar och erbjuds för återställning när fönstret laddas om.",
      buttons: ["Ladda om", "Stäng fönstret"],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (response === 0) {
      entry.loaded = win.loadURL(APP_INDEX_URL).catch(() => undefined);
    } else {
      session.closeConfirmed = true;
      win.close();
    }
  }

  private async loadState(): Promise<WindowState> {
    try {
      return JSON.parse(await readFile(this.stateFile, "utf8")) as WindowState;
    } catch {
      return DEFAULT_WINDOW_STATE;
    }
  }

  private stateTimer: NodeJS.Timeout | undefined;
  private saveStateSoon(win: BrowserWindow): void {
    clearTimeout(this.stateTimer);
    this.stateTimer = setTimeout(() => {
      if (win.isDestroyed()) return;
      void atomicWrite(this.stateFile, JSON.stringify(boundsState(win)), { backup: false }).catch(
        () => undefined,
      );
    }, 500);
  }
}

function boundsState(win: BrowserWindow): WindowState {
  const b = win.isMaximized() ? win.getNormalBounds() : win.getBounds();
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
}

/** An empty window: nothing opened, nothing typed. A document opened from outside may take it. */
function isPristine(s: DocumentSession): boolean {
  return s.path === null && !s.dirty && s.autosaveKeys.size === 0;
}
