/**
 * The one contract between the renderer and its host (the Electron main process, or the web host
 * over HTTP): channel → zod schema of the arguments and of the result. The preload, the ipcMain
 * handlers, the web host's routes and the renderer's client are all typed from this object, so a
 * channel that one side forgets is a compile error.
 *
 * Every result is `{ok: true, ...}` or `{ok: false, error}` with a Swedish message: handlers never
 * throw across the boundary.
 */
import { z } from "zod";
import { Body } from "./meta.js";

/** A document path: absolute in the Electron app, relative to the workspace in the web host. */
const FilePath = z.string().min(1).max(4096);
/** The text of a `.protokoll` file. */
const FileText = z.string().max(50 * 1024 * 1024);
const Base64 = z.string().max(70 * 1024 * 1024);

/** A signing key's fingerprint (main/review/sealKeys.ts). */
const SealKeyFingerprint = z.string().regex(/^[0-9a-f]{32}$/);
const SealKeyPassphrase = z.string().max(1000);
// --- issue 13: revisions of a saved file (stale saves are refused with a typed conflict) ---
/**
 * The revision of a document file: the SHA-256 (hex) of its bytes on disk. A save names the
 * revision it was based on; the host refuses it when the file has changed since (another tab or
 * window, the CLI, another program) and answers with a `SaveConflict`.
 */
export const Revision = z.string().regex(/^[0-9a-f]{64}$/);
/** What a refused stale save gets back besides its Swedish error: the file as it is now. */
export const SaveConflict = z.strictObject({
  /** The revision on disk now. */
  revision: Revision,
  /** The file's text now, when it is a readable document (for "Visa ändringar" and "Ladda om"). */
  text: z.string().nullable(),
});
export type SaveConflict = z.infer<typeof SaveConflict>;
// --- end issue 13 ---

export const ExportOutput = z.enum(["full", "extract", "notice", "public"]);
export const ExportFormat = z.enum(["docx", "pdf"]);

export const contract = {
  /** Open a document: the given path, or (without one) let the user choose. */
  openFile: {
    args: z.strictObject({ path: FilePath.optional() }),
    result: z.strictObject({
      path: FilePath,
      text: FileText,
      readOnly: z.boolean(),
      revision: Revision.optional(),
    }),
  },
  /** Documents the user can open: recent ones (app) or the workspace (web host). */
  listFiles: {
    args: z.strictObject({}),
    result: z.strictObject({
      files: z.array(z.strictObject({ path: FilePath, name: z.string(), modified: z.string() })),
    }),
  },
  /** Save atomically. Without a path (or with saveAs) the user chooses one. */
  saveFile: {
    args: z.strictObject({
      path: FilePath.nullable(),
      text: FileText,
      saveAs: z.boolean().default(false),
      /**
       * The revision this text was based on (from openFile or the last save): the save is refused
       * with a conflict when the file on disk is another. null: based on no file (a new document),
       * so an existing file is a conflict. Absent: the user chose to replace the file (Spara som).
       */
      baseRevision: Revision.nullable().optional(),
      /** (issue 17, bilagor) The document's previous path: its bilagor/ files go along to a new folder. */
      attachmentsFrom: FilePath.optional(),
    }),
    result: z.strictObject({
      path: FilePath,
      revision: Revision.optional(),
      /** (issue 17) What the host could not do besides the save (bilagor not copied), in Swedish. */
      notice: z.string().max(10_000).optional(),
    }),
  },
  /**
   * Import a PDF, DOCX or text file into a new document. Either a path, the user's choice (no
   * arguments), or the bytes of a file the user picked in the browser.
   */
  importFile: {
    args: z.strictObject({
      path: FilePath.optional(),
      upload: z.strictObject({ name: z.string().min(1).max(500), base64: Base64 }).optional(),
    }),
    result: z.strictObject({
      text: FileText,
      /** What the importer was unsure about, in Swedish, one line each. */
      report: z.array(z.string()),
      sourceName: z.string(),
    }),
  },
  /** Export DOCX or PDF of the given document. */
  exportFile: {
    args: z.strictObject({
      text: FileText,
      format: ExportFormat,
      output: ExportOutput.default("full"),
      /** §§ (agenda_item ids) for an extract. */
      items: z.array(z.string().min(1).max(100)).default([]),
      /** Export anyway, watermarked UTKAST. */
      draft: z.boolean().default(false),
      /** Where to write; without it the user chooses (app) or a name is derived (web host). */
      path: FilePath.optional(),
      /** (issue 17, bilagor) The saved document, whose `bilagor/` files are written beside the export. */
      documentPath: FilePath.optional(),
    }),
    result: z.strictObject({
      path: FilePath,
      bytes: z.number().int(),
      /** (issue 17) The bilagor written beside the export, as the renderer sees their paths. */
      attachments: z.array(FilePath).optional(),
    }),
  },
  /** Keep unsaved work in the recovery folder (called about a second after the last edit). */
  autosave: {
    args: z.strictObject({
      key: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      path: FilePath.nullable(),
      text: FileText,
      /** The revision of `path` the unsaved work is based on, so a restored document still saves safely. */
      baseRevision: Revision.nullable().optional(),
    }),
    result: z.strictObject({}),
  },
  /** Unsaved work left behind by a crash. */
  listRecovery: {
    args: z.strictObject({}),
    result: z.strictObject({
      entries: z.array(
        z.strictObject({
          key: z.string(),
          path: FilePath.nullable(),
          savedAt: z.string(),
          title: z.string(),
        }),
      ),
    }),
  },
  restoreRecovery: {
    args: z.strictObject({ key: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
    result: z.strictObject({
      text: FileText,
      path: FilePath.nullable(),
      baseRevision: Revision.nullable().optional(),
    }),
  },
  discardRecovery: {
    args: z.strictObject({ key: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
    result: z.strictObject({}),
  },
  /**
   * Justering in Word (main/review): a DOCX review copy of the given document — each § with its
   * open comments as Word comments — written where the user chooses (app) or under a derived name
   * (web host).
   */
  exportReviewDocx: {
    args: z.strictObject({ text: FileText, path: FilePath.optional() }),
    result: z.strictObject({ path: FilePath, bytes: z.number().int() }),
  },
  /**
   * Bring a justerare's Word comments back into the given document (mergeWordReview): a DOCX by
   * path, the user's choice (no path), or uploaded bytes. Returns the merged document; only its
   * review part (comments) differs from `text`.
   */
  importReviewDocx: {
    args: z.strictObject({
      text: FileText,
      path: FilePath.optional(),
      upload: z.strictObject({ name: z.string().min(1).max(500), base64: Base64 }).optional(),
      /** When the copy came back (ISO, local time): the time of comments Word did not date. */
      receivedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/),
    }),
    result: z.strictObject({
      text: FileText,
      sourceName: z.string(),
      report: z.strictObject({
        addedComments: z.array(z.string()),
        detachedComments: z.array(z.string()),
        addedApprovals: z.array(z.string()),
        droppedApprovals: z.array(z.string()),
      }),
    }),
  },
  /** Tell the host the document's title and whether it has unsaved changes (window title, close prompt). */
  setDocumentState: {
    args: z.strictObject({
      title: z.string().max(500),
      dirty: z.boolean(),
      path: FilePath.nullable(),
    }),
    result: z.strictObject({}),
  },

  // ---- Signing the seal (main/review/sealKeys.ts, signSeal.ts): the private key never leaves the host ----
  /** The user's signing keys (kept outside any workspace), and what this host can do with them. */
  listSealKeys: {
    args: z.strictObject({}),
    result: z.strictObject({
      keys: z.array(
        z.strictObject({
          fingerprint: SealKeyFingerprint,
          holder: z.string(),
          protection: z.enum(["passphrase", "platform"]),
        }),
      ),
      /** Whether a new key can be protected by the computer instead of a passphrase. */
      platformProtection: z.boolean(),
      /** Whether this host signs at all (the web host only for its owner). */
      canSign: z.boolean(),
    }),
  },
  /** A new Ed25519 key pair; `passphrase` null = protected by the computer (where it can). */
  createSealKey: {
    args: z.strictObject({
      holder: z.string().min(1).max(200),
      passphrase: SealKeyPassphrase.nullable(),
    }),
    result: z.strictObject({ fingerprint: SealKeyFingerprint, holder: z.string() }),
  },
  /** Sign the unsigned seal of a justerad document (made by justering, rättelse or anslag); returns the signed text. */
  signSeal: {
    args: z.strictObject({
      text: FileText,
      key: SealKeyFingerprint,
      passphrase: SealKeyPassphrase.nullable(),
    }),
    result: z.strictObject({ text: FileText, fingerprint: SealKeyFingerprint, holder: z.string() }),
  },

  // ---- The bodies' reglementen (issue 14): saved in the workspace as bodies/<name>.json ----
  /** The bodies saved in the workspace, offered by "Ny" (their name, type and reglemente). */
  listBodies: {
    args: z.strictObject({}),
    result: z.strictObject({
      bodies: z.array(Body),
      /** Files in bodies/ that could not be read, in Swedish, one line each. */
      skipped: z.array(z.string()),
    }),
  },
  /** Save a body and its reglemente as the default for new protocols of that body (replaces the earlier one of the same name). */
  saveBody: {
    args: z.strictObject({ body: Body }),
    result: z.strictObject({ path: FilePath }),
  },
  /**
   * The rule context (schemas/rules/types.ts): facts from the other documents the host can see —
   * fullmäktige's meeting dates and the interpellationssvar with the meeting they are answered at —
   * for the rules fullmaktige-questions and interpellation-timing.
   */
  ruleContext: {
    args: z.strictObject({}),
    result: z.strictObject({
      meetingDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
      answers: z.array(
        z.strictObject({
          number: z.string().nullable(),
          title: z.string(),
          interpellant: z.string().nullable(),
          meetingDate: z.string().nullable(),
        }),
      ),
    }),
  },

  // ---- The municipality profile (issue 15): profile.json in the workspace, edited in "Kommunprofil". ----
  /**
   * The workspace's profile.json as stored (null when there is none), where the workspace is, and
   * the logo as a data: URL of the flattened PNG for the dialog's preview (null without a logo).
   * `error` says why an existing profile cannot be used (it is then shown, not lost).
   */
  readProfile: {
    args: z.strictObject({}),
    result: z.strictObject({
      profile: z.record(z.string(), z.unknown()).nullable(),
      folder: z.string().max(4096),
      logoPreview: z
        .string()
        .max(8 * 1024 * 1024)
        .nullable(),
      error: z.string().nullable(),
    }),
  },
  /** Write profile.json (atomically) after checking it against schemas/profile.ts and that its files exist. */
  writeProfile: {
    args: z.strictObject({ profile: z.record(z.string(), z.unknown()) }),
    result: z.strictObject({}),
  },
  /**
   * Copy a logo (PNG or SVG) or a TrueType font the user picks into the workspace's folder
   * "profil/" — the app's file dialog, or the bytes picked in the browser — and return its
   * workspace-relative name for profile.json.
   */
  importProfileFile: {
    args: z.strictObject({
      kind: z.enum(["logo", "logoSvg", "font"]),
      upload: z
        .strictObject({
          name: z.string().min(1).max(500),
          base64: z.string().max(30 * 1024 * 1024),
        })
        .optional(),
    }),
    result: z.strictObject({ file: z.string().max(300) }),
  },

  // ---- the workspace's word list of the spell-check (issue 17) ----
  /**
   * The words the secretary added to the workspace's word list ("Lägg till i ordlistan"):
   * `ordlista.txt` in the workspace (in the app, the folder of the open document). Empty when the
   * document has no folder yet.
   */
  readWordList: {
    args: z.strictObject({ path: FilePath.nullable() }),
    result: z.strictObject({ words: z.array(z.string().max(100)).max(200_000) }),
  },
  /** Add a word to the workspace's word list (kept sorted, one word a line, written atomically). */
  addToWordList: {
    args: z.strictObject({
      path: FilePath.nullable(),
      word: z
        .string()
        .min(1)
        .max(100)
        .regex(/^[\p{L}\p{M}][\p{L}\p{M}'’.:-]*$/u),
    }),
    result: z.strictObject({}),
  },

  // ---- Print preview (issue 17): the PDF as it would be exported, to show and print ----
  /**
   * The PDF of the given document, rendered as `exportFile` would write it but not written
   * anywhere: base64 bytes for the preview (pdfjs) and for printing. `draft` in the result says
   * whether it came out watermarked UTKAST (asked for, or the official export was refused — the
   * reason is in `refused`).
   */
  previewPdf: {
    args: z.strictObject({
      text: FileText,
      output: ExportOutput.default("full"),
      items: z.array(z.string().min(1).max(100)).default([]),
      draft: z.boolean().default(false),
    }),
    result: z.strictObject({ pdf: z.string(), draft: z.boolean(), refused: z.string().nullable() }),
  },
  // ---- Kallelse (issue 18) ----
  /**
   * "Importera ärenden…": one tjänsteskrivelse (PDF, DOCX, text) → an agenda entry (ProseMirror
   * JSON of an `agenda_entry`). The renderer calls it once per file, so it can show progress.
   */
  importAgendaEntry: {
    args: z.strictObject({
      path: FilePath.optional(),
      upload: z.strictObject({ name: z.string().min(1).max(500), base64: Base64 }).optional(),
    }),
    result: z.strictObject({
      entry: z.record(z.string(), z.unknown()),
      title: z.string(),
      sourceName: z.string(),
    }),
  },
  /**
   * "Skicka utdrag": one protokollsutdrag (PDF/A) per recipient of "Expedieras till", and the list,
   * into a new folder beside the saved document `path` (main/agenda/sendExtracts.ts).
   */
  sendExtracts: {
    args: z.strictObject({ text: FileText, path: FilePath }),
    result: z.strictObject({
      folder: FilePath,
      files: z.array(
        z.strictObject({ recipient: z.string(), file: z.string(), items: z.string() }),
      ),
    }),
  },

  // ---- Bilagor (issue 17): files copied into bilagor/ beside the document (main/host/attachmentHandlers.ts) ----
  /**
   * "Lägg till bilaga…": copy a file into `bilagor/` beside the saved document `path` — the app's
   * file dialog, or the bytes picked in the browser — under a plain unique name. Returns the
   * workspace-relative path (`bilagor/<name>`) and SHA-256 to store in `meta.attachments`; an
   * outside path is never returned or stored.
   */
  attachFile: {
    args: z.strictObject({
      path: FilePath,
      upload: z.strictObject({ name: z.string().min(1).max(500), base64: Base64 }).optional(),
    }),
    result: z.strictObject({
      file: z.string().max(300),
      sha256: Revision,
      name: z.string().max(500),
    }),
  },
  /** The SHA-256 of each bilaga file beside the saved document `path` now, or null where it is missing. */
  checkAttachments: {
    args: z.strictObject({ path: FilePath, files: z.array(z.string().min(1).max(300)).max(500) }),
    result: z.strictObject({
      files: z.array(z.strictObject({ file: z.string(), sha256: Revision.nullable() })),
    }),
  },
} as const;

export type Channel = keyof typeof contract;
export const channels = Object.keys(contract) as Channel[];

export type ArgsOf<C extends Channel> = z.input<(typeof contract)[C]["args"]>;
export type ParsedArgsOf<C extends Channel> = z.output<(typeof contract)[C]["args"]>;
export type ResultOf<C extends Channel> = z.output<(typeof contract)[C]["result"]>;

/** `{}` results (zod's `Record<string, never>`) are plain `{ok: true}`: an intersection with them would make `ok` never. */
export type HostResult<T> =
  | (Record<never, never> extends T ? { ok: true } : { ok: true } & T)
  /** `conflict`: only from saveFile, when the file changed since the text's base revision (issue 13). */
  | { ok: false; error: string }
  | { ok: false; error: string; conflict: SaveConflict };

/** What the renderer sees of its host (`window.protokoll` in the app, an HTTP client in the web host). */
export type HostApi = { [C in Channel]: (args: ArgsOf<C>) => Promise<HostResult<ResultOf<C>>> };

/** What a host implements: one handler a channel, given parsed arguments. */
export type HostHandlers = {
  [C in Channel]: (args: ParsedArgsOf<C>) => Promise<HostResult<ResultOf<C>>>;
};

/** Parse a channel's arguments; a clear Swedish error instead of an exception. */
export function parseArgs<C extends Channel>(
  channel: C,
  args: unknown,
): { ok: true; args: ParsedArgsOf<C> } | { ok: false; error: string } {
  if (!(channel in contract)) return { ok: false, error: `Okänd kanal: ${String(channel)}` };
  const r = contract[channel].args.safeParse(args ?? {});
  if (!r.success)
    return {
      ok: false,
      error: `Ogiltiga argument till ${channel}: ${r.error.issues.map((i) => `${i.path.join(".") || "(argument)"}: ${i.message}`).join("; ")}`,
    };
  return { ok: true, args: r.data as ParsedArgsOf<C> };
}

// ---------------------------------------------------------------------------------------------
// Menu commands (issue 12: moved here from main/electron/menuCommands.ts so the renderer no longer
// imports from main/). The commands the application menu sends to the renderer over the
// `menu-command` event (`window.protokoll.onMenuCommand?.(cb)`). Commands the main process carries
// out itself (new window, open, recent documents, quit) are not in this list.
export const menuCommands = [
  "file.new",
  "file.open",
  "file.save",
  "file.saveAs",
  "file.import",
  "edit.undo",
  "edit.redo",
  "edit.find",
  "edit.replace",
  "insert.item",
  "insert.decision",
  "insert.background",
  "insert.proposal",
  "insert.procedure",
  "insert.vote",
  "insert.reservation",
  "insert.specialStatement",
  "insert.protocolNote",
  "insert.substituteStatement",
  "insert.recusal",
  "insert.distribution",
  "insert.question",
  "insert.itemRef",
  "insert.phrase",
  "review.problems",
  "review.nextProblem",
  "review.attendance",
  "review.meta",
  "review.outline",
  // Justering (renderer/review): the same actions as the Justering panel.
  "review.panel",
  "review.sendForReview",
  "review.comment",
  "review.approve",
  "review.requestChanges",
  "review.changes",
  "review.adjust",
  "review.correction",
  "review.saveCopy",
  "review.mergeCopy",
  "review.saveWordCopy",
  "review.mergeWordCopy",
  "export.docx",
  "export.pdf",
  "export.extract",
  "export.notice",
  "export.public",
  "help.shortcuts",
  "help.about",
  // Print preview and print (issue 17).
  "file.preview",
  "file.print",
  // Cut, copy and paste in the web host's Redigera menu (the app's menu uses Electron's roles).
  "edit.cut",
  "edit.copy",
  "edit.paste",
  "insert.pageBreak",
  // The municipality profile (issue 15).
  "profile.edit",
  // Tables (renderer/editor/tableCommands.ts).
  "insert.table",
  "table.addRowBefore",
  "table.addRowAfter",
  "table.addColumnBefore",
  "table.addColumnAfter",
  "table.deleteRow",
  "table.deleteColumn",
  "table.toggleHeaderRow",
  "table.mergeCells",
  "table.splitCell",
  "table.delete",
  // Kallelse (issue 18)
  "agenda.importEntries",
  "agenda.createProtocol",
  "agenda.confirmDecision",
  "agenda.sendExtracts",
  "agenda.newEntry",
  // Bilagor (issue 17)
  "attachments.panel",
  "attachments.add",
  "insert.attachmentRef",
] as const;

export type MenuCommand = (typeof menuCommands)[number];

/** What accompanies a command: `file.open` sent by the main process names the document to open. */
export interface MenuCommandPayload {
  path?: string;
}
