import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The Electron module as the main process sees it: ipcMain records the handlers registered.
const registered = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
vi.mock("electron", () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, args: unknown) => Promise<unknown>) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
      registered.set(channel, fn);
    },
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

import { ipcMain, type WebContents } from "electron";
import { channels } from "../../schemas/contract.js";
import { createHandlers } from "../host/createHandlers.js";
import { protocolText } from "../files/testDocuments.testkit.js";
import { APP_INDEX_URL } from "./appUrl.js";
import { DocumentSession, GrantedPaths, withDocumentSession } from "./documentSession.js";
import { REJECTED_SENDER, registerIpc, type IpcTarget } from "./ipc.js";

let dir: string;
let target: IpcTarget;
const granted = new GrantedPaths();
const OUR_WINDOW = 7;
let unregister: () => void;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "protokoll-ipc-"));
  const session = new DocumentSession(1, "Protokoll (fönster 1)");
  const base = createHandlers({
    resolve: (p) => (granted.has(p) ? p : null),
    chooseOpenPath: async () => null,
    chooseSavePath: async () => null,
    chooseImportPath: async () => null,
    listFiles: async () => [],
    recoveryDir: join(dir, "recovery"),
    setDocumentState: async (s) => {
      session.title = s.title;
      session.dirty = s.dirty;
    },
  });
  target = {
    handlers: withDocumentSession(session, base, {
      granted,
      sessions: () => [session],
      chooseSavePath: async () => null,
      remember: async () => undefined,
      notify: () => undefined,
      changed: () => undefined,
      close: () => undefined,
    }),
  };
  unregister = registerIpc(ipcMain, (sender: WebContents) =>
    sender.id === OUR_WINDOW ? target : undefined,
  );
});
afterAll(async () => {
  unregister();
  await rm(dir, { recursive: true, force: true });
});

/** An invoke as Electron delivers it: from a frame with a URL, in a WebContents with an id. */
const invoke = (
  channel: string,
  args: unknown,
  from: { url?: string; contents?: number; subframe?: boolean } = {},
) => {
  const handler = registered.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const frame = { url: from.url ?? APP_INDEX_URL, parent: from.subframe ? {} : null };
  return handler(
    { senderFrame: frame, sender: { id: from.contents ?? OUR_WINDOW } },
    args,
  ) as Promise<{ ok: boolean; error?: string } & Record<string, unknown>>;
};

describe("the IPC handlers", () => {
  it("registers exactly one handler for each channel of the contract", () => {
    expect([...registered.keys()].sort()).toEqual([...channels].sort());
  });

  it("answers our own window with the real handler", async () => {
    const file = granted.grant(join(dir, "möte.protokoll"));
    const text = protocolText("Val av justerare");
    const saved = await invoke("saveFile", { path: file, text });
    expect(saved).toEqual({
      ok: true,
      path: file,
      revision: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await readFile(file, "utf8")).toBe(text);
    const opened = await invoke("openFile", { path: file });
    expect(opened).toEqual({
      ok: true,
      path: file,
      text,
      readOnly: false,
      revision: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it.each([
    ["a web page", { url: "https://example.com/" }],
    ["a local file", { url: "file:///tmp/index.html" }],
    ["our page inside a frame", { subframe: true }],
    ["a look-alike host", { url: "app://protokoll.evil/index.html" }],
  ])("rejects a message from %s", async (_name, from) => {
    expect(await invoke("listRecovery", {}, from)).toEqual({ ok: false, error: REJECTED_SENDER });
  });

  it("rejects a message from a window that is not one of ours", async () => {
    expect(await invoke("listRecovery", {}, { contents: 99 })).toEqual({
      ok: false,
      error: REJECTED_SENDER,
    });
  });

  it("rejects a frame that has gone away", async () => {
    const handler = registered.get("listFiles")!;
    expect(await handler({ senderFrame: null, sender: { id: OUR_WINDOW } }, {})).toEqual({
      ok: false,
      error: REJECTED_SENDER,
    });
  });

  it("rejects malformed arguments with a clear message and does not call the handler", async () => {
    const r = await invoke("saveFile", { path: 42, text: "x" });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^Ogiltiga argument till saveFile: path: /);
    expect(
      await invoke("autosave", { key: "../../etc/passwd", path: null, text: "x" }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Ogiltiga argument till autosave: key/),
    });
    expect(await invoke("setDocumentState", { title: "x", dirty: "ja", path: null })).toMatchObject(
      { ok: false },
    );
    expect(await invoke("openFile", "inte ett objekt")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Ogiltiga argument till openFile/),
    });
    expect(await invoke("listFiles", { extra: true })).toMatchObject({ ok: false });
  });

  it("refuses to save a document that is not well-formed, and leaves the file alone", async () => {
    const file = granted.grant(join(dir, "bra.protokoll"));
    const text = protocolText("Budget");
    await invoke("saveFile", { path: file, text });
    const r = await invoke("saveFile", { path: file, text: "{ trasig" });
    expect(r.ok).toBe(false);
    expect(await readFile(file, "utf8")).toBe(text);
  });

  it("refuses a path the user never chose", async () => {
    const r = await invoke("openFile", { path: "/etc/passwd" });
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringMatching(/bara filer som du själv har valt/),
    });
  });

  it("keeps autosaved work and gives it back, but not to another window while this one lives", async () => {
    const text = protocolText("Osparat ärende");
    expect(await invoke("autosave", { key: "w1", path: null, text })).toEqual({ ok: true });
    expect(await invoke("restoreRecovery", { key: "w1" })).toEqual({
      ok: true,
      text,
      path: null,
      baseRevision: null,
    });
    // Owned by this (live) window: not offered as crash recovery.
    expect(await invoke("listRecovery", {})).toEqual({ ok: true, entries: [] });
  });
});
