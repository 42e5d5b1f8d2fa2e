/**
 * The bridge between the sandboxed renderer and the main process: `window.protokoll`, exactly the
 * contract's channels (schemas/contract.ts) plus `onMenuCommand` for the application menu.
 *
 * A sandboxed preload cannot load other files, so this one imports only `electron` at run time
 * (the contract is imported for its types only) and is compiled to one CommonJS file,
 * dist/main/electron/preload.cjs, by scripts/build-preload.mjs.
 */
import { contextBridge, ipcRenderer } from "electron";
import type {
  ArgsOf,
  Channel,
  HostApi,
  HostResult,
  MenuCommand,
  MenuCommandPayload,
  ResultOf,
} from "../../schemas/contract.js";

/** The event the main process sends menu commands on (menu.ts uses the same name). */
const MENU_COMMAND_EVENT = "menu-command";

const invoke =
  <C extends Channel>(channel: C) =>
  (args: ArgsOf<C>): Promise<HostResult<ResultOf<C>>> =>
    ipcRenderer.invoke(channel, args);

/** One function per channel; a channel missing here (or one too many) is a compile error. */
const api = {
  openFile: invoke("openFile"),
  listFiles: invoke("listFiles"),
  saveFile: invoke("saveFile"),
  importFile: invoke("importFile"),
  exportFile: invoke("exportFile"),
  autosave: invoke("autosave"),
  listRecovery: invoke("listRecovery"),
  restoreRecovery: invoke("restoreRecovery"),
  discardRecovery: invoke("discardRecovery"),
  setDocumentState: invoke("setDocumentState"),
  exportReviewDocx: invoke("exportReviewDocx"),
  importReviewDocx: invoke("importReviewDocx"),
  // Signing the seal (in the main process)
  listSealKeys: invoke("listSealKeys"),
  createSealKey: invoke("createSealKey"),
  signSeal: invoke("signSeal"),
  // The bodies' reglementen (issue 14)
  listBodies: invoke("listBodies"),
  saveBody: invoke("saveBody"),
  ruleContext: invoke("ruleContext"),
  // Print preview (issue 17)
  previewPdf: invoke("previewPdf"),
  // The municipality profile (issue 15).
  readProfile: invoke("readProfile"),
  writeProfile: invoke("writeProfile"),
  importProfileFile: invoke("importProfileFile"),
  // The spell-check's word list (issue 17).
  readWordList: invoke("readWordList"),
  addToWordList: invoke("addToWordList"),
  // Kallelse (issue 18)
  importAgendaEntry: invoke("importAgendaEntry"),
  sendExtracts: invoke("sendExtracts"),
  // Bilagor (issue 17)
  attachFile: invoke("attachFile"),
  checkAttachments: invoke("checkAttachments"),
} satisfies HostApi;

export type MenuCommandListener = (command: MenuCommand, payload: MenuCommandPayload) => void;

// Menu commands that arrive before the renderer listens (e.g. "open this file" sent right after the
// page loaded) wait here and are delivered to the first listener.
const listeners = new Set<MenuCommandListener>();
const waiting: [MenuCommand, MenuCommandPayload][] = [];

ipcRenderer.on(MENU_COMMAND_EVENT, (_event, command: unknown, payload: unknown) => {
  if (typeof command !== "string") return;
  const p = payload as MenuCommandPayload | undefined;
  const clean: MenuCommandPayload = typeof p?.path === "string" ? { path: p.path } : {};
  if (listeners.size === 0) waiting.push([command as MenuCommand, clean]);
  for (const l of listeners) l(command as MenuCommand, clean);
});

/** Listen for menu commands; returns a function that stops listening. */
function onMenuCommand(listener: MenuCommandListener): () => void {
  if (typeof listener !== "function") return () => undefined;
  listeners.add(listener);
  for (const [c, p] of waiting.splice(0)) listener(c, p);
  return () => {
    listeners.delete(listener);
  };
}

const bridge = { ...api, onMenuCommand };
export type ProtokollBridge = typeof bridge;

contextBridge.exposeInMainWorld("protokoll", bridge);
