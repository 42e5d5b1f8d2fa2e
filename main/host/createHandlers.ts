/**
 * The host's side of the contract, shared by the Electron app and the web host: one handler per
 * channel of `schemas/contract.ts`. The host supplies what differs (`HostEnv`): how a path from the
 * renderer becomes a real path (the web host confines it to its workspace), the dialogs, and where
 * unsaved work is kept.
 *
 * Handlers never throw: every failure is `{ok: false, error}` with a Swedish message. A document is
 * saved atomically, only when its text is a well-formed document, and never over a file that is
 * not a readable protocol document.
 */
import { readFile, rename, stat, unlink, writeFile, open } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { basename, dirname, extname, join } from "node:path";
import type { HostHandlers, HostResult, ResultOf } from "../../schemas/contract.js";
import { parse, serialize, type FileError } from "../../schemas/file.js";
import { atomicWrite, removeOrphanTemporaries } from "../files/atomicWrite.js";
import { readDocumentFile } from "../files/readDocumentFile.js";
import { RecoveryStore } from "../files/recovery.js";
import { acquireLock } from "../files/fileLock.js";
import { currentRevision, revisionOf } from "../files/revision.js";
import { saveRefusal } from "./saveGuard.js";
import { exportDocument, importDocument, reportLines } from "./services.js";
import { mergeWordReview } from "../review/mergeWordReview.js";
import { writeReviewCopyDocx } from "../review/writeReviewCopyDocx.js";
import { KeyError, type SealKeyStore } from "../review/sealKeys.js";
import { signWithKey } from "../review/signSeal.js";

type SealChannel = "listSealKeys" | "createSealKey" | "signSeal";
type Guard = <A, R>(
  what: string,
  body: (args: A) => Promise<HostResult<R>>,
) => (args: A) => Promise<HostResult<R>>;
import { listBodies, saveBody } from "./bodies.js";
import { buildRuleContext } from "./ruleContext.js";
import { loadProfile } from "../export/loadProfile.js";
import { profileHandlers, type ProfileEnv } from "./profileHandlers.js";
import { addToWordList, readWordList, wordListFile } from "./wordList.js";
import { readOfficerReport } from "../agenda/importReports.js";
import { entryOfReport } from "../agenda/parseOfficerReport.js";
import { sendExtracts } from "../agenda/sendExtracts.js";
import { agendaEntry } from "../../schemas/agenda/agendaEntry.js";
import { allowedPath } from "./allowedPath.js";
import { attachmentHandlers } from "./attachmentHandlers.js";
import { attachmentsInOutput } from "../../schemas/render/renderAttachments.js";
import {
  AttachmentError,
  copyAttachments,
  verifiedAttachments,
  type VerifiedAttachment,
  writeAttachmentsBeside,
} from "../files/attachmentFiles.js";
import { answerTitleText } from "../../schemas/titleText.js";

export interface FileEntry {
  /** As the renderer sees it (workspace-relative in the web host). */
  path: string;
  name: string;
  /** ISO date-time of the last change. */
  modified: string;
}

export interface DocumentState {
  title: string;
  dirty: boolean;
  path: string | null;
}

export interface HostEnv extends ProfileEnv {
  /** A path from the renderer → the real path, or null when it is not allowed (outside the workspace). */
  resolve(path: string): string | null;
  /** A real path → how the renderer should see it (identity in the app, workspace-relative on the web). */
  present?(realPath: string): string;
  /** The user chooses a document to open; null when cancelled. Returns a renderer path. */
  chooseOpenPath(): Promise<string | null>;
  /** The user chooses where to save; null when cancelled. Returns a renderer path. */
  chooseSavePath(defaultName: string, ext: "protokoll" | "docx" | "pdf"): Promise<string | null>;
  /** The user chooses a PDF, Word or text file to import; null when cancelled. */
  chooseImportPath(): Promise<string | null>;
  /** Documents to offer in "Öppna" (recent files or the workspace). */
  listFiles(): Promise<FileEntry[]>;
  /** Folder for unsaved work (autosave), created when needed. */
  recoveryDir: string;
  setDocumentState(state: DocumentState): Promise<void>;
  /** The user's signing keys (outside any workspace); absent where this host does not sign. */
  sealKeys?: SealKeyStore | null;
  /** Folder of the bodies' saved reglementen (bodies/ in the workspace); without it none are offered or saved. */
  bodiesDir?: string;
  /**
   * Honour `<document>.lock` files of others (the web host, which has no window of its own): a
   * document locked by the desktop app opens read-only and is not saved over, and a save holds the
   * lock while it writes. The Electron app takes its locks per window (main/electron/documentSession.ts).
   */
  honourLocks?: { owner: string };
  /**
   * Where the workspace's word list of the spell-check is, for the open document (a renderer path,
   * or null when unsaved); null when there is none. Default: `ordlista.txt` beside the document.
   */
  wordListPath?(documentPath: string | null): string | null;
  /** (issue 17, bilagor) The user picks a file to attach in the host's own dialog (the app): a real path, or null. */
  chooseAttachmentPath?(): Promise<string | null>;
}

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function parseErrors(errors: FileError[]): string {
  const shown = errors.slice(0, 5).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  return shown.join("; ") + (errors.length > 5 ? ` (och ${errors.length - 5} fel till)` : "");
}

/** A document's title for lists: the body and meeting date, or the answer's title. */
export function documentTitle(text: string): string {
  const r = parse(text);
  if (!r.ok) return "(oläsbart dokument)";
  const { file } = r;
  if (file.kind === "interpellationssvar") return answerTitleText(file.doc);
  return [file.meta.body.name, file.meta.meeting.date].filter(Boolean).join(" ");
}

/** Write bytes (an export) so the target is always either the old file or the complete new one. */
async function writeBytesAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, bytes, { flag: "wx" });
    const h = await open(tmp, "r+");
    try {
      await h.sync();
    } finally {
      await h.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** May `target` be replaced by a document? Only when it does not exist or is itself a readable document. */
async function mayOverwrite(target: string): Promise<string | null> {
  const info = await stat(target).catch(() => null);
  if (!info) return null;
  if (!info.isFile())
    return `”${basename(target)}” är inte en vanlig fil och kan inte skrivas över.`;
  const existing = await readDocumentFile(target);
  if (!existing.ok)
    return `”${basename(target)}” skrivs inte över: den befintliga filen är inte ett läsbart protokolldokument (${existing.error}).`;
  return null;
}

function withExtension(path: string, ext: string): string {
  return extname(path).toLowerCase() === `.${ext}` ? path : `${path}.${ext}`;
}

/** A file name from the document for "Spara som" and export: "Socialnämnden 2020-08-25". */
function suggestedName(text: string): string {
  const title = documentTitle(text)
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ")
    .trim();
  return title.slice(0, 80) || "Protokoll";
}

export function createHandlers(env: HostEnv): HostHandlers {
  const present = env.present ?? ((p: string) => p);
  const recovery = new RecoveryStore(env.recoveryDir);
  const resolveOr = (path: string) => allowedPath(env, path);

  /** Saves in progress, by real path: the next save of the same file waits for the one before. */
  const saving = new Map<string, Promise<unknown>>();
  const serialized = <T>(key: string, body: () => Promise<T>): Promise<T> => {
    const before = saving.get(key) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(body);
    const settled = run.catch(() => undefined);
    saving.set(key, settled);
    void settled.then(() => saving.get(key) === settled && saving.delete(key));
    return run;
  };

  /** The save was based on another revision than the one on disk: refuse, and say what is there now. */
  const conflict = async (real: string, revision: string) => {
    const now = await readDocumentFile(real);
    return {
      ok: false as const,
      error: `Filen ”${basename(real)}” har ändrats sedan du öppnade den (i en annan flik, ett annat fönster eller program). Dokumentet sparades inte, så inget har skrivits över.`,
      conflict: { revision, text: now.ok ? now.text : null },
    };
  };

  /** Run a handler body; an unexpected exception becomes a Swedish error instead of crossing the boundary. */
  const guard =
    <A, R>(what: string, body: (args: A) => Promise<HostResult<R>>) =>
    async (args: A): Promise<HostResult<R>> => {
      try {
        return await body(args);
      } catch (e) {
        return fail(`${what} misslyckades: ${message(e)}`);
      }
    };

  /** A file to read in: the bytes the user picked in the browser, or a path given or chosen in a dialog. */
  const incomingFile = async (
    path: string | undefined,
    upload: { name: string; base64: string } | undefined,
  ): Promise<{ ok: true; bytes: Uint8Array; name: string } | { ok: false; error: string }> => {
    if (upload)
      return {
        ok: true,
        bytes: new Uint8Array(Buffer.from(upload.base64, "base64")),
        name: basename(upload.name),
      };
    const chosen = path ?? (await env.chooseImportPath());
    if (chosen === null) return fail("Ingen fil vald.");
    const real = resolveOr(chosen);
    if (typeof real !== "string") return fail(real.error);
    const info = await stat(real).catch(() => null);
    if (!info) return fail(`Filen ”${basename(real)}” finns inte.`);
    if (!info.isFile()) return fail(`”${basename(real)}” är inte en fil.`);
    return { ok: true, bytes: new Uint8Array(await readFile(real)), name: basename(real) };
  };

  return {
    openFile: guard("Öppna", async ({ path }) => {
      const chosen = path ?? (await env.chooseOpenPath());
      if (chosen === null) return fail("Ingen fil vald.");
      const real = resolveOr(chosen);
      if (typeof real !== "string") return fail(real.error);
      const r = await readDocumentFile(real);
      if (!r.ok) return fail(r.error);
      // What an interrupted save of this document left behind (issue 13, item 7).
      await removeOrphanTemporaries(real);
      let readOnly = false;
      try {
        const h = await open(real, "r+");
        await h.close();
      } catch {
        readOnly = true;
      }
      if (!readOnly && env.honourLocks) {
        // Someone else (the desktop app, another web host) has it open for writing: read-only here.
        const lock = await acquireLock(real, env.honourLocks.owner);
        if (lock.ok) await lock.release();
        else readOnly = true;
      }
      return { ok: true, path: present(real), text: r.text, readOnly, revision: r.revision };
    }),

    listFiles: guard("Listan över dokument", async () => ({
      ok: true,
      files: await env.listFiles(),
    })),

    saveFile: guard("Spara", async ({ path, text, saveAs, baseRevision, attachmentsFrom }) => {
      const parsed = parse(text);
      if (!parsed.ok)
        return fail(
          `Dokumentet sparades inte eftersom det inte är välformat: ${parseErrors(parsed.errors)}`,
        );
      const chooses = saveAs || path === null;
      let chosen = chooses ? await env.chooseSavePath(suggestedName(text), "protokoll") : path;
      if (chosen === null) return fail("Ingen fil vald – dokumentet sparades inte.");
      chosen = withExtension(chosen, "protokoll");
      const real = resolveOr(chosen);
      if (typeof real !== "string") return fail(real.error);
      // One save of a file at a time in this host, so "check the revision, then write" is not
      // interleaved with another tab's save of the same file.
      return serialized(real, async () => {
        const refused = await mayOverwrite(real);
        if (refused) return fail(refused);
        // A file chosen in a dialog just now is replaced on purpose; otherwise it must still be the
        // revision the text was based on (issue 13, item 3).
        const base = chooses ? undefined : baseRevision;
        const onDisk = await currentRevision(real);
        if (base !== undefined && onDisk !== null && onDisk !== base) return conflict(real, onDisk);
        const existing = onDisk === null ? null : await readDocumentFile(real);
        const guardMessage = saveRefusal(
          existing?.ok ? existing.file : null,
          parsed.file,
          base !== undefined,
        );
        if (guardMessage) return fail(guardMessage);
        const lock = env.honourLocks ? await acquireLock(real, env.honourLocks.owner) : null;
        if (lock && !lock.ok)
          return fail(
            `Dokumentet sparades inte: ${lock.error.replace(/ Det öppnas skrivskyddat\.$/, "")} Spara under ett annat namn.`,
          );
        try {
          // Write the canonical form, so the same document always gives the same bytes.
          const bytes = serialize(parsed.file);
          await atomicWrite(real, bytes);
          // Bilagor (issue 17): saved into another folder, the files in bilagor/ go along.
          const from = attachmentsFrom === undefined ? null : env.resolve(attachmentsFrom);
          const notes =
            from && parsed.file.meta.attachments?.length && dirname(from) !== dirname(real)
              ? await copyAttachments(from, real, parsed.file.meta.attachments)
              : [];
          return {
            ok: true as const,
            path: present(real),
            revision: revisionOf(bytes),
            ...(notes.length ? { notice: `Bilagor som inte följde med: ${notes.join(" ")}` } : {}),
          };
        } finally {
          if (lock?.ok) await lock.release();
        }
      });
    }),

    importFile: guard("Import", async ({ path, upload }) => {
      const incoming = await incomingFile(path, upload);
      if (!incoming.ok) return incoming;
      const { bytes, name } = incoming;
      const r = await importDocument(bytes, name);
      if (!r.ok) return fail(r.error);
      return { ok: true, text: serialize(r.file), report: reportLines(r.report), sourceName: name };
    }),

    exportFile: guard(
      "Export",
      async ({ text, format, output, items, draft, path, documentPath }) => {
        const parsed = parse(text);
        if (!parsed.ok)
          return fail(
            `Dokumentet kan inte exporteras eftersom det inte är välformat: ${parseErrors(parsed.errors)}`,
          );
        // Bilagor (issue 17): every file of the output is read and checked before anything is written.
        let attachmentFiles: VerifiedAttachment[] = [];
        try {
          const listed = attachmentsInOutput(parsed.file.doc, parsed.file.meta, { output, items });
          const documentReal =
            documentPath === undefined || !listed.length ? null : resolveOr(documentPath);
          if (documentReal !== null && typeof documentReal !== "string")
            return fail(documentReal.error);
          attachmentFiles = await verifiedAttachments(documentReal, listed);
        } catch (e) {
          if (e instanceof AttachmentError) return fail(e.text.sv);
          throw e;
        }
        // The municipality profile of the workspace (issue 15): every export uses it.
        const root = env.workspaceDir?.() ?? null;
        const profile = root ? await loadProfile(root) : null;
        if (profile && !profile.ok) return fail(profile.error);
        const r = await exportDocument(parsed.file, {
          format,
          output,
          items,
          draft,
          profile: profile?.profile ?? null,
        });
        if (!r.ok) return fail(r.error);
        const chosen =
          path ?? (await env.chooseSavePath(r.fileName.replace(/\.(docx|pdf)$/i, ""), format));
        if (chosen === null) return fail("Ingen fil vald – exporten sparades inte.");
        const real = resolveOr(withExtension(chosen, format));
        if (typeof real !== "string") return fail(real.error);
        await writeBytesAtomically(real, r.bytes);
        // Beside the export, in "<name>-bilagor/": replaced like the export itself (the app's dialog
        // asked before replacing it; the web host derives a new name).
        let written;
        try {
          written = await writeAttachmentsBeside(real, attachmentFiles, { replace: true });
        } catch (e) {
          if (e instanceof AttachmentError)
            return fail(`${present(real)} skrevs, men bilagorna inte: ${e.text.sv}`);
          throw e;
        }
        return {
          ok: true,
          path: present(real),
          bytes: r.bytes.byteLength,
          ...(written.length ? { attachments: written.map((w) => present(w.path)) } : {}),
        };
      },
    ),

    autosave: guard("Autosparning", async ({ key, path, text, baseRevision }) => {
      await recovery.autosave(key, path, text, baseRevision ?? null);
      return { ok: true };
    }),

    listRecovery: guard("Återställningslistan", async () => {
      const entries = await recovery.list();
      return {
        ok: true,
        entries: entries.map((e) => ({
          key: e.key,
          path: e.path,
          savedAt: e.savedAt,
          title: e.title,
        })),
      };
    }),

    restoreRecovery: guard("Återställning", async ({ key }) => {
      const r = await recovery.restore(key);
      if (!r) return fail("Det osparade arbetet finns inte längre.");
      return { ok: true, text: r.text, path: r.path, baseRevision: r.baseRevision };
    }),

    discardRecovery: guard("Att kasta osparat arbete", async ({ key }) => {
      await recovery.discard(key);
      return { ok: true };
    }),

    // Justering in Word (main/review): the review copy out, the justerare's comments back.
    exportReviewDocx: guard("Granskningskopian i Word", async ({ text, path }) => {
      const parsed = parse(text);
      if (!parsed.ok)
        return fail(
          `Granskningskopian kan inte skapas eftersom dokumentet inte är välformat: ${parseErrors(parsed.errors)}`,
        );
      const bytes = await writeReviewCopyDocx(parsed.file);
      const chosen =
        path ?? (await env.chooseSavePath(`${documentTitle(text)} granskning`, "docx"));
      if (chosen === null) return fail("Ingen fil vald – granskningskopian sparades inte.");
      const real = resolveOr(withExtension(chosen, "docx"));
      if (typeof real !== "string") return fail(real.error);
      await writeBytesAtomically(real, bytes);
      return { ok: true, path: present(real), bytes: bytes.byteLength };
    }),

    importReviewDocx: guard(
      "Hämta granskning från Word",
      async ({ text, path, upload, receivedAt }) => {
        const parsed = parse(text);
        if (!parsed.ok)
          return fail(
            `Granskningen kan inte föras in eftersom dokumentet inte är välformat: ${parseErrors(parsed.errors)}`,
          );
        const incoming = await incomingFile(path, upload);
        if (!incoming.ok) return incoming;
        const { bytes, name } = incoming;
        const r = await mergeWordReview(parsed.file, bytes, receivedAt);
        if (!r.ok) return fail(r.error);
        return { ok: true, text: serialize(r.file), sourceName: name, report: r.report };
      },
    ),

    setDocumentState: guard("Fönstertiteln", async (state) => {
      await env.setDocumentState(state);
      return { ok: true };
    }),

    // ---- The bodies' reglementen (issue 14): bodies/<name>.json in the workspace ----
    listBodies: guard("Listan över organ", async () =>
      env.bodiesDir
        ? { ok: true, ...(await listBodies(env.bodiesDir)) }
        : { ok: true, bodies: [], skipped: [] },
    ),

    saveBody: guard("Att spara organets reglemente", async ({ body }) => {
      if (!env.bodiesDir)
        return fail("Det finns ingen arbetsmapp att spara organets reglemente i.");
      return { ok: true, path: present(await saveBody(env.bodiesDir, body)) };
    }),

    ruleContext: guard("Uppgifterna från arbetsmappens andra dokument", async () => {
      const files = await env.listFiles();
      const real = files.map((f) => env.resolve(f.path)).filter((p): p is string => p !== null);
      return { ok: true, ...(await buildRuleContext(real)) };
    }),

    // The municipality profile (issue 15).
    ...profileHandlers(env),

    // ---- the workspace's word list of the spell-check (main/host/wordList.ts) ----
    readWordList: guard("Ordlistan", async ({ path }) => {
      const file = wordListFile(env, path);
      return { ok: true, words: file ? await readWordList(file) : [] };
    }),
    addToWordList: guard("Att lägga till i ordlistan", async ({ path, word }) => {
      const file = wordListFile(env, path);
      if (!file)
        return fail(
          "Spara dokumentet först – ordlistan ligger i arbetsmappen, bredvid dokumentet.",
        );
      await addToWordList(file, word);
      return { ok: true };
    }),

    // ---- Signing the seal: the private key is unlocked and used here, never in the renderer ----
    ...sealHandlers(env.sealKeys ?? null, guard),

    // ---- Print preview (issue 17): the exported PDF's bytes, written nowhere ----
    previewPdf: guard(
      "Förhandsgranskningen",
      async ({ text, output, items, draft }): Promise<HostResult<ResultOf<"previewPdf">>> => {
        const parsed = parse(text);
        if (!parsed.ok)
          return fail(
            `Dokumentet kan inte förhandsgranskas eftersom det inte är välformat: ${parseErrors(parsed.errors)}`,
          );
        const official = await exportDocument(parsed.file, { format: "pdf", output, items, draft });
        if (official.ok)
          return {
            ok: true,
            pdf: Buffer.from(official.bytes).toString("base64"),
            draft,
            refused: null,
          };
        if (draft) return fail(official.error);
        // Not yet exportable as official: show it as the draft it is, and say why.
        const watermarked = await exportDocument(parsed.file, {
          format: "pdf",
          output,
          items,
          draft: true,
        });
        if (!watermarked.ok) return fail(watermarked.error);
        return {
          ok: true,
          pdf: Buffer.from(watermarked.bytes).toString("base64"),
          draft: true,
          refused: official.error,
        };
      },
    ),

    // ---- Kallelse (issue 18): a tjänsteskrivelse → an agenda entry ----
    importAgendaEntry: guard("Import av ärende", async ({ path, upload }) => {
      const incoming = await incomingFile(path, upload);
      if (!incoming.ok) return incoming;
      const r = await readOfficerReport({ name: incoming.name, bytes: incoming.bytes });
      if (!r.ok || !r.report) return fail(`${incoming.name}: ${r.message}`);
      return {
        ok: true,
        entry: agendaEntry(entryOfReport(r.report)).toJSON() as Record<string, unknown>,
        title: r.report.title,
        sourceName: incoming.name,
      };
    }),

    sendExtracts: guard("Utskick av protokollsutdrag", async ({ text, path }) => {
      const parsed = parse(text);
      if (!parsed.ok) return fail(`Dokumentet är inte välformat: ${parseErrors(parsed.errors)}`);
      const real = resolveOr(path);
      if (typeof real !== "string") return fail(real.error);
      const r = await sendExtracts(parsed.file, dirname(real), real);
      if (!r.ok) return fail(r.error);
      return { ok: true, folder: present(r.folder), files: r.files };
    }),

    // ---- Bilagor (issue 17): main/host/attachmentHandlers.ts ----
    ...attachmentHandlers(env),
  };
}

/** The signing channels (listSealKeys, createSealKey, signSeal) over the user's key store. */
function sealHandlers(store: SealKeyStore | null, guard: Guard): Pick<HostHandlers, SealChannel> {
  const noSigning = fail(
    "Signering av justeringar är inte tillgänglig här. Justera i appen, eller starta webbvärden som dokumentens ägare.",
  );
  const keyFailure = (e: unknown) =>
    e instanceof KeyError ? fail(e.message.replace(/ \([^)]*\)\.?$/, ".")) : null;
  return {
    listSealKeys: guard("Nycklarna", async (): Promise<HostResult<ResultOf<"listSealKeys">>> => {
      if (!store) return { ok: true, keys: [], platformProtection: false, canSign: false };
      const keys = (await store.list()).map(({ fingerprint, holder, protection }) => ({
        fingerprint,
        holder,
        protection,
      }));
      return { ok: true, keys, platformProtection: await store.platformAvailable(), canSign: true };
    }),
    createSealKey: guard("Att skapa en nyckel", async ({ holder, passphrase }) => {
      if (!store) return noSigning;
      try {
        const k = await store.create(holder, passphrase);
        return { ok: true, fingerprint: k.fingerprint, holder: k.holder };
      } catch (e) {
        const f = keyFailure(e);
        if (f) return f;
        throw e;
      }
    }),
    signSeal: guard("Signeringen", async ({ text, key, passphrase }) => {
      if (!store) return noSigning;
      try {
        const { key: privateKey, info } = await store.unlock(key, passphrase);
        const r = signWithKey(text, privateKey, info);
        if (!r.ok) return fail(r.error);
        return { ok: true, text: r.text, fingerprint: r.fingerprint, holder: info.holder };
      } catch (e) {
        const f = keyFailure(e);
        if (f) return f;
        throw e;
      }
    }),
  };
}
