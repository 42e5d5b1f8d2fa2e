/**
 * The window manager against a stand-in Electron (vi.mock): which window a document opens in, the
 * close question and its three answers, the page's own beforeunload guard, a crashed renderer.
 * The handlers behind the windows are the real ones, over a temp folder.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as FakeWindow[],
    focused: null as FakeWindow | null,
    /** The next answers of dialog.showMessageBox (index of the button). */
    answers: [] as number[],
    asked: [] as { message: string; buttons: string[] }[],
    recent: [] as string[],
    menus: 0,
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: Emitter } = require("node:events") as typeof import("node:events");
  let ids = 0;
  class FakeContents extends Emitter {
    sent: unknown[][] = [];
    constructor(readonly id: number) {
      super();
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
  }
  class FakeWindow extends Emitter {
    readonly id = ++ids;
    readonly webContents = new FakeContents(this.id + 1000);
    destroyed = false;
    title = "";
    urls: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      super();
      state.windows.push(this);
      state.focused = this;
    }
    static getFocusedWindow() {
      return state.focused;
    }
    loadURL(url: string) {
      this.urls.push(url);
      return Promise.resolve();
    }
    setTitle(t: string) {
      this.title = t;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    maximize() {}
    restore() {}
    focus() {
      state.focused = this;
    }
    getBounds() {
      return { x: 10, y: 10, width: 1000, height: 700 };
    }
    setDocumentEdited() {}
    setRepresentedFilename() {}
    /** Like Electron: "close" can be prevented; otherwise the window is gone ("closed"). */
    close() {
      let prevented = false;
      this.emit("close", { preventDefault: () => (prevented = true) });
      if (prevented) return;
      this.destroyed = true;
      if (state.focused === this) state.focused = null;
      this.emit("closed");
    }
  }
  return { state, FakeWindow };
});

vi.mock("electron", () => ({
  app: {
    addRecentDocument: (p: string) => fake.state.recent.push(p),
    clearRecentDocuments: () => undefined,
  },
  BrowserWindow: fake.FakeWindow,
  Menu: { setApplicationMenu: () => void fake.state.menus++, buildFromTemplate: (t: unknown) => t },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  dialog: {
    showMessageBox: async (_win: unknown, options: { message: string; buttons: string[] }) => {
      fake.state.asked.push(options);
      return { response: fake.state.answers.shift() ?? 0 };
    },
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true }),
  },
  shell: { openExternal: async () => undefined },
}));

import { protocolText } from "../files/testDocuments.testkit.js";
import { DocumentWindows } from "./documentWindows.js";
import { MENU_COMMAND_EVENT } from "./menu.js";

type Win = InstanceType<typeof fake.FakeWindow>;
let dir: string;
let windows: DocumentWindows;
let userData: string;
const tick = () => new Promise((r) => setTimeout(r, 20));
const lastCommand = (w: Win) => w.webContents.sent.at(-1);
const handlersOf = (w: Win) => windows.find(w.webContents as never)!.handlers;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "protokoll-windows-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  fake.state.windows.length = 0;
  fake.state.focused = null;
  fake.state.answers = [];
  fake.state.asked = [];
  userData = join(dir, `userData-${Math.random()}`);
  windows = new DocumentWindows({ userData, preload: "/app/preload.cjs" });
  await windows.start();
});

describe("opening documents in windows", () => {
  it("loads our page in a new window and shows the document's file in an empty one", async () => {
    const file = join(dir, "a.protokoll");
    await writeFile(file, protocolText("Budget"));
    const first = (await windows.create()).win as unknown as Win;
    expect(first.urls).toEqual(["app://protokoll/index.html"]);
    expect(first.options.webPreferences).toMatchObject({
      preload: "/app/preload.cjs",
      sandbox: true,
      contextIsolation: true,
    });

    await windows.openPath(file);
    expect(fake.state.windows).toHaveLength(1); // the empty window takes it
    expect(lastCommand(first)).toEqual([MENU_COMMAND_EVENT, "file.open", { path: file }]);
    // The renderer answers with openFile: granted, locked, titled, remembered.
    const r = await handlersOf(first).openFile({ path: file });
    expect(r).toMatchObject({ ok: true, readOnly: false });
    expect(first.title).toBe("a.protokoll – Protokoll");
    expect(fake.state.recent).toContain(file);
    expect(existsSync(`${file}.lock`)).toBe(true);

    // The same document again: the window that has it comes forward, no new window.
    fake.state.focused = null;
    await windows.openPath(file);
    expect(fake.state.windows).toHaveLength(1);
    expect(fake.state.focused).toBe(first);

    // Another document: a new window, since the first one is in use.
    const other = join(dir, "b.protokoll");
    await writeFile(other, protocolText("Annat"));
    await windows.openPath(other);
    expect(fake.state.windows).toHaveLength(2);
    const second = fake.state.windows[1]!;
    expect(lastCommand(second)).toEqual([MENU_COMMAND_EVENT, "file.open", { path: other }]);
    // A renderer that asks without a path gets the pending document instead of a dialog.
    expect(await handlersOf(second).openFile({})).toMatchObject({ ok: true, path: other });
    first.close();
    second.close();
    await vi.waitFor(() => expect(existsSync(`${file}.lock`)).toBe(false));
    expect(existsSync(`${other}.lock`)).toBe(false);
  });
});

describe("a window that starts a new document", () => {
  it("lets go of the document it had open, so another window can write it", async () => {
    const file = join(dir, "slappt.protokoll");
    await writeFile(file, protocolText("Gammalt"));
    const entry = await windows.create();
    windows.granted.grant(file);
    await entry.handlers.openFile({ path: file });
    expect(existsSync(`${file}.lock`)).toBe(true);
    await entry.handlers.setDocumentState({ title: "Nytt protokoll", dirty: false, path: null });
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect((entry.win as unknown as Win).title).toBe("Namnlöst – Nytt protokoll – Protokoll");
    // A page cannot claim a path it was not given: the window's own path stays.
    await entry.handlers.openFile({ path: file });
    await entry.handlers.setDocumentState({ title: "x", dirty: false, path: "/etc/passwd" });
    expect(entry.session.path).toBe(file);
  });
});

describe("closing a window with unsaved changes", () => {
  async function dirtyWindow(name: string) {
    const file = join(dir, name);
    await writeFile(file, protocolText("Före"));
    const entry = await windows.create();
    const win = entry.win as unknown as Win;
    windows.granted.grant(file); // as if chosen in the open dialog
    expect(await entry.handlers.openFile({ path: file })).toMatchObject({
      ok: true,
      readOnly: false,
    });
    await entry.handlers.setDocumentState({ title: "Socialnämnden", dirty: true, path: file });
    await entry.handlers.autosave({
      key: `k-${name.replace(/\W/g, "")}`,
      path: file,
      text: protocolText("Osparat"),
    });
    return { entry, win, file };
  }

  it("shows the unsaved marker in the title and asks Spara / Spara inte / Avbryt", async () => {
    const { win } = await dirtyWindow("fraga.protokoll");
    expect(win.title).toBe("fraga.protokoll • – Socialnämnden – Protokoll");
    fake.state.answers = [2]; // Avbryt
    win.close();
    await vi.waitFor(() => expect(fake.state.asked).toHaveLength(1));
    await tick();
    expect(fake.state.asked[0]).toMatchObject({
      message: "Vill du spara ändringarna i ”fraga.protokoll”?",
      buttons: ["Spara", "Spara inte", "Avbryt"],
    });
    expect(win.destroyed).toBe(false);
  });

  it("Spara: asks the page to save and closes when the save succeeded", async () => {
    const { entry, win, file } = await dirtyWindow("spara.protokoll");
    fake.state.answers = [0];
    win.close();
    await vi.waitFor(() => expect(lastCommand(win)).toEqual([MENU_COMMAND_EVENT, "file.save", {}]));
    expect(win.destroyed).toBe(false);
    expect(lastCommand(win)).toEqual([MENU_COMMAND_EVENT, "file.save", {}]);
    await entry.handlers.saveFile({ path: file, text: protocolText("Sparat"), saveAs: false });
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    expect(await readFile(file, "utf8")).toBe(protocolText("Sparat"));
  });

  it("Spara inte: closes, and the autosaved copy is thrown away", async () => {
    const { win, file } = await dirtyWindow("kasta.protokoll");
    const recovery = join(userData, "recovery");
    expect(existsSync(join(recovery, "k-kastaprotokoll.json"))).toBe(true);
    fake.state.answers = [1];
    win.close();
    await vi.waitFor(() => expect(existsSync(join(recovery, "k-kastaprotokoll.json"))).toBe(false));
    expect(win.destroyed).toBe(true);
    expect(await readFile(file, "utf8")).toBe(protocolText("Före"));
  });

  it("overrules the page's own beforeunload guard only after the user answered", async () => {
    const entry = await windows.create();
    const win = entry.win as unknown as Win;
    let allowed = false;
    // The page says it has unsaved changes we were not told of: the question is asked.
    fake.state.answers = [2];
    win.webContents.emit("will-prevent-unload", { preventDefault: () => (allowed = true) });
    await vi.waitFor(() => expect(fake.state.asked).toHaveLength(1));
    expect(allowed).toBe(false);
    expect(win.destroyed).toBe(false);
    entry.session.closeConfirmed = true;
    win.webContents.emit("will-prevent-unload", { preventDefault: () => (allowed = true) });
    expect(allowed).toBe(true);
  });
});

describe("a crashed page", () => {
  it("lets go of its autosaved work, so the reloaded page is offered to restore it", async () => {
    const entry = await windows.create();
    const win = entry.win as unknown as Win;
    await entry.handlers.autosave({
      key: "krasch1",
      path: null,
      text: protocolText("Innan kraschen"),
    });
    expect(
      (await entry.handlers.listRecovery({})).ok && (await entry.handlers.listRecovery({})),
    ).toMatchObject({ entries: [] });
    fake.state.answers = [0]; // Ladda om
    win.webContents.emit("render-process-gone", {}, { reason: "crashed" });
    await vi.waitFor(() => expect(win.urls).toHaveLength(2));
    expect(win.urls).toEqual(["app://protokoll/index.html", "app://protokoll/index.html"]);
    const offered = await entry.handlers.listRecovery({});
    expect(offered).toMatchObject({
      ok: true,
      entries: [{ key: "krasch1", title: "Innan kraschen" }],
    });
  });
});

describe("paths a page may use (issue 13, item 1)", () => {
  it("never gets a file through a recovery entry: autosave, restore, import and save are all refused", async () => {
    const secret = join(dir, "hemlig.txt");
    await writeFile(secret, "Lösenord: hunter2\n");
    const elsewhere = join(dir, "utanfor.protokoll");
    const entry = await windows.create();
    // 1. The page tries to autosave under a path it was never given.
    const planted = await entry.handlers.autosave({
      key: "planterad",
      path: secret,
      text: protocolText("Planterat"),
    });
    expect(planted).toMatchObject({
      ok: false,
      error: expect.stringMatching(/bara filer som du själv har valt/),
    });
    // 2. An entry with a foreign path in the recovery folder (written before this check, or by hand):
    //    restoring it gives the work back as a new document, without the path.
    const { RecoveryStore } = await import("../files/recovery.js");
    await new RecoveryStore(join(userData, "recovery")).autosave(
      "gammal",
      secret,
      protocolText("Gammalt"),
    );
    const restored = await entry.handlers.restoreRecovery({ key: "gammal" });
    expect(restored).toMatchObject({ ok: true, path: null });
    // 3. So the path is still not the page's to read or write.
    expect(await entry.handlers.importFile({ path: secret })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/bara filer/),
    });
    expect(
      await entry.handlers.saveFile({
        path: elsewhere,
        text: protocolText("Skrivet"),
        saveAs: false,
      }),
    ).toMatchObject({ ok: false });
    expect(existsSync(elsewhere)).toBe(false);
    expect(await readFile(secret, "utf8")).toBe("Lösenord: hunter2\n");
    // The window's own document is fine for autosave.
    const own = join(dir, "egen.protokoll");
    await writeFile(own, protocolText("Eget"));
    windows.granted.grant(own);
    await entry.handlers.openFile({ path: own });
    expect(
      await entry.handlers.autosave({ key: "egen", path: own, text: protocolText("Eget ändrat") }),
    ).toEqual({ ok: true });
    (entry.win as unknown as Win).close();
  });
});

describe("a stale save in the desktop app (issue 13, item 3)", () => {
  it("is refused with a conflict when the file changed since the window opened it, and a dialog choice replaces it", async () => {
    const file = join(dir, "andrad-utifran.protokoll");
    await writeFile(file, protocolText("Öppnat"));
    const entry = await windows.create();
    windows.granted.grant(file);
    const opened = await entry.handlers.openFile({ path: file });
    if (!opened.ok) throw new Error(opened.error);
    await writeFile(file, protocolText("Skrivet av kommandoraden"));
    const stale = await entry.handlers.saveFile({
      path: file,
      text: protocolText("Fönstret"),
      saveAs: false,
      baseRevision: opened.revision,
    });
    expect(stale).toMatchObject({
      ok: false,
      conflict: { text: protocolText("Skrivet av kommandoraden") },
    });
    expect(await readFile(file, "utf8")).toBe(protocolText("Skrivet av kommandoraden"));
    (entry.win as unknown as Win).close();
  });
});
