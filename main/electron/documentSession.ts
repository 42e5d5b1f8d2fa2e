/**
 * One open document in one window, and what the desktop app adds around the shared host handlers
 * (main/host/createHandlers.ts):
 *
 * - **Lock**: the document a window has open for writing is locked (main/files/fileLock.ts), so in
 *   another window or on another computer it opens read-only, and nobody saves over it.
 * - **Granted paths**: the renderer reaches only files the user chose — in a dialog, from the
 *   recent list, on the command line or by double-click. A compromised page cannot read or write
 *   anything else.
 * - **Recovery ownership**: autosaves of documents open in a live window are not offered for
 *   restore in another window; only those left behind by a crash are.
 * - **Recent documents** and the close-after-save step of the "Spara?" question.
 *
 * Plain Node (no Electron), so it is tested directly.
 */
import { extname, isAbsolute, resolve } from "node:path";
import type { HostHandlers, HostResult } from "../../schemas/contract.js";
import { acquireLock } from "../files/fileLock.js";
import { documentTitle } from "../host/createHandlers.js";

export interface Lock {
  release(): Promise<void>;
}

export class DocumentSession {
  /** The document's file, or null for one never saved. */
  path: string | null = null;
  title = "";
  dirty = false;
  readOnly = false;
  lock: Lock | null = null;
  /** Recovery entries this window writes (autosave keys). */
  readonly autosaveKeys = new Set<string>();
  /** A document the main process asked this window to open (returned by the next "choose file"). */
  pendingOpen: string | null = null;
  /** The user answered the close question; the next close goes through. */
  closeConfirmed = false;
  /** The user chose "Spara" when closing: close once the save succeeds. */
  closeAfterSave = false;

  constructor(
    readonly id: number,
    /** Shown to others who try to open the document: "Protokoll (fönster 2)". */
    readonly owner: string,
  ) {}

  async releaseLock(): Promise<void> {
    const lock = this.lock;
    this.lock = null;
    await lock?.release();
  }
}

/** Files the user has chosen during this run (and the recent list): the only ones the renderer reaches. */
export class GrantedPaths {
  private readonly paths = new Set<string>();
  grant(path: string): string {
    const p = resolve(path);
    this.paths.add(p);
    return p;
  }
  has(path: string): boolean {
    return isAbsolute(path) && !path.includes("\0") && this.paths.has(resolve(path));
  }
}

export interface SessionContext {
  granted: GrantedPaths;
  /** All live sessions (for recovery ownership). */
  sessions(): Iterable<DocumentSession>;
  chooseSavePath(defaultName: string, kind: "protokoll"): Promise<string | null>;
  /** A document was opened or saved: recent list, the OS's list, the dialogs' start folder. */
  remember(path: string): Promise<void>;
  /** Tell the user something without blocking (e.g. why a document opened read-only). */
  notify(message: string): void;
  /** Title, dirty marker, read-only state changed. */
  changed(): void;
  /** Close the window now (after "Spara" in the close question succeeded). */
  close(): void;
}

const fail = (error: string) => ({ ok: false as const, error });
export const NOT_GRANTED =
  "Protokoll öppnar och sparar bara filer som du själv har valt (i en dialogruta, bland senaste dokument eller genom att öppna filen). Välj filen med Arkiv → Öppna.";

const withExtension = (path: string, ext: string) =>
  extname(path).toLowerCase() === `.${ext}` ? path : `${path}.${ext}`;

/** A file name from the document for "Spara som": the same rule as the shared handlers. */
function suggestedName(text: string): string {
  const title = documentTitle(text)
    .replace(/[\\/:*?"<>|\u0000-\u001f()]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return title && title !== "oläsbart dokument" ? title.slice(0, 80) : "Protokoll";
}

/**
 * Take (or keep) the write lock for `path`; false when someone else holds it. On opening, the
 * window moves to the document either way (read-only without the lock); on saving under a new name
 * that is locked, the window keeps its document and its lock.
 */
async function adoptPath(
  session: DocumentSession,
  path: string,
  ctx: SessionContext,
  moveEvenIfLocked: boolean,
): Promise<boolean> {
  if (session.path === path && session.lock) return true;
  const r = await acquireLock(path, session.owner);
  if (!r.ok && !moveEvenIfLocked) return false;
  await session.releaseLock();
  session.path = path;
  if (r.ok) {
    session.lock = r;
    return true;
  }
  ctx.notify(r.error);
  return false;
}

export function withDocumentSession(
  session: DocumentSession,
  base: HostHandlers,
  ctx: SessionContext,
): HostHandlers {
  return {
    ...base,

    openFile: async (args) => {
      if (args.path !== undefined && !ctx.granted.has(args.path)) return fail(NOT_GRANTED);
      const r = await base.openFile(args);
      if (!r.ok) return r;
      if (r.readOnly) {
        // Not writable for us anyway (read-only file or medium): no lock needed, nothing to say.
        await session.releaseLock();
        session.path = r.path;
      }
      const writable = !r.readOnly && (await adoptPath(session, r.path, ctx, true));
      session.readOnly = r.readOnly || !writable;
      session.dirty = false;
      await ctx.remember(r.path);
      ctx.changed();
      return { ...r, readOnly: session.readOnly };
    },

    saveFile: async (args) => {
      const result = await saveFile(args);
      if (session.closeAfterSave) {
        session.closeAfterSave = false;
        if (result.ok) {
          session.closeConfirmed = true;
          ctx.close();
        }
      }
      return result;
    },

    importFile: async (args) => {
      if (args.path !== undefined && !ctx.granted.has(args.path)) return fail(NOT_GRANTED);
      return base.importFile(args);
    },

    // Exports always go where the user chooses in the save dialog: the renderer cannot name a path.
    exportFile: async (args) => base.exportFile({ ...args, path: undefined }),
    exportReviewDocx: async (args) => base.exportReviewDocx({ ...args, path: undefined }),

    // A Word review copy is read from where the user chose (or a path granted before), like an import.
    importReviewDocx: async (args) => {
      if (args.path !== undefined && !ctx.granted.has(args.path)) return fail(NOT_GRANTED);
      return base.importReviewDocx(args);
    },

    // Unsaved work is kept under the window's own document or none: a page cannot plant a path in
    // the recovery folder (a recovery entry's path is never trusted, see restoreRecovery).
    autosave: async (args) => {
      if (args.path !== null && args.path !== session.path) return fail(NOT_GRANTED);
      const r = await base.autosave(args);
      if (r.ok) session.autosaveKeys.add(args.key);
      return r;
    },

    listRecovery: async (args) => {
      const r = await base.listRecovery(args);
      if (!r.ok) return r;
      const live = new Set<string>();
      for (const s of ctx.sessions()) for (const k of s.autosaveKeys) live.add(k);
      return { ...r, entries: r.entries.filter((e) => !live.has(e.key)) };
    },

    restoreRecovery: async (args) => {
      const r = await base.restoreRecovery(args);
      if (!r.ok) return r;
      session.autosaveKeys.add(args.key);
      // The recovery folder is written by pages, so its path proves nothing: the work comes back
      // under its document only when the user already chose that file (dialog, recent list, command
      // line); otherwise it comes back as a new, unsaved document and "Spara" asks where.
      if (r.path && !ctx.granted.has(r.path)) return { ...r, path: null, baseRevision: null };
      if (r.path) {
        session.readOnly = !(await adoptPath(session, r.path, ctx, true));
        ctx.changed();
      }
      return r;
    },

    discardRecovery: async (args) => {
      const r = await base.discardRecovery(args);
      if (r.ok) session.autosaveKeys.delete(args.key);
      return r;
    },
  };

  async function saveFile(
    args: Parameters<HostHandlers["saveFile"]>[0],
  ): ReturnType<HostHandlers["saveFile"]> {
    let target: string;
    const chooses = args.saveAs || args.path === null;
    if (args.saveAs || args.path === null) {
      const chosen = await ctx.chooseSavePath(suggestedName(args.text), "protokoll");
      if (chosen === null) return fail("Ingen fil vald – dokumentet sparades inte.");
      target = ctx.granted.grant(withExtension(chosen, "protokoll"));
    } else {
      target = withExtension(args.path, "protokoll");
      if (!ctx.granted.has(target) && target !== session.path) return fail(NOT_GRANTED);
    }
    if (!(await adoptPath(session, target, ctx, false))) {
      return fail(
        "Dokumentet sparades inte: filen är öppen för redigering någon annanstans. Spara under ett annat namn med Arkiv → Spara som.",
      );
    }
    const r: HostResult<{ path: string }> = await base.saveFile({
      path: target,
      text: args.text,
      saveAs: false,
      // A file chosen in the save dialog is replaced on purpose (the dialog asked); otherwise the
      // file must still be the revision the page's text is based on.
      ...(chooses ? {} : { baseRevision: args.baseRevision }),
      // Bilagor (issue 17): from the document's previous (granted) path to the new folder.
      ...(args.attachmentsFrom !== undefined ? { attachmentsFrom: args.attachmentsFrom } : {}),
    });
    if (r.ok) {
      session.path = r.path;
      session.readOnly = false;
      await ctx.remember(r.path);
      ctx.changed();
    }
    return r;
  }
}
