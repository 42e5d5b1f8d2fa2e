/**
 * "Lägg till bilaga…" in the app: the window's handlers (the real ones, over a temp folder) behind
 * a stand-in Electron (vi.mock). The file is picked in the system's open dialog, copied into
 * bilagor/ beside the open document, and only its relative path and hash go back to the page.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const fake = vi.hoisted(() => {
  const state = { picked: [] as string[], dialogs: [] as { title?: string }[] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: Emitter } = require("node:events") as typeof import("node:events");
  let ids = 0;
  class FakeWindow extends Emitter {
    readonly id = ++ids;
    readonly webContents = Object.assign(new Emitter(), {
      id: this.id + 1000,
      send: () => undefined,
    });
    constructor(readonly options: Record<string, unknown>) {
      super();
    }
    static getFocusedWindow() {
      return null;
    }
    loadURL() {
      return Promise.resolve();
    }
    setTitle() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    maximize() {}
    restore() {}
    focus() {}
    getBounds() {
      return { x: 10, y: 10, width: 1000, height: 700 };
    }
    setDocumentEdited() {}
    setRepresentedFilename() {}
  }
  return { state, FakeWindow };
});

vi.mock("electron", () => ({
  app: { addRecentDocument: () => undefined, clearRecentDocuments: () => undefined },
  BrowserWindow: fake.FakeWindow,
  Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (t: unknown) => t },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  dialog: {
    showMessageBox: async () => ({ response: 0 }),
    showOpenDialog: async (_win: unknown, options: { title?: string }) => {
      fake.state.dialogs.push(options);
      const p = fake.state.picked.shift();
      return p ? { canceled: false, filePaths: [p] } : { canceled: true, filePaths: [] };
    },
    showSaveDialog: async () => ({ canceled: true }),
  },
  shell: { openExternal: async () => undefined },
}));

import { protocolText } from "../files/testDocuments.testkit.js";
import { DocumentWindows } from "./documentWindows.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "protokoll-attach-app-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("attaching a file in the app", () => {
  it("copies the file picked in the system dialog beside the open document, and refuses a document the window was not given", async () => {
    const windows = new DocumentWindows({
      userData: join(dir, "userData"),
      preload: "/app/preload.cjs",
    });
    await windows.start();
    const file = join(dir, "nämnd.protokoll");
    await writeFile(file, protocolText("Budget"));
    const elsewhere = await mkdtemp(join(tmpdir(), "protokoll-elsewhere-"));
    const original = join(elsewhere, "Skriftlig reservation.pdf");
    await writeFile(original, "%PDF reservation");
    const entry = await windows.create();
    windows.granted.grant(file); // as if chosen in the open dialog
    expect(await entry.handlers.openFile({ path: file })).toMatchObject({ ok: true });

    fake.state.picked = [original];
    const r = await entry.handlers.attachFile({ path: file });
    expect(r).toMatchObject({
      ok: true,
      file: "bilagor/Skriftlig reservation.pdf",
      name: "Skriftlig reservation.pdf",
    });
    expect(fake.state.dialogs.at(-1)?.title).toBe("Lägg till bilaga");
    expect(await readFile(join(dir, "bilagor", "Skriftlig reservation.pdf"), "utf8")).toBe(
      "%PDF reservation",
    );
    expect(JSON.stringify(r)).not.toContain(elsewhere);
    // The original is left where it was.
    expect(await readdir(elsewhere)).toEqual(["Skriftlig reservation.pdf"]);

    // Cancelled in the dialog: nothing.
    expect(await entry.handlers.attachFile({ path: file })).toEqual({
      ok: false,
      error: "Ingen fil vald.",
    });
    // A path the window was not given is not a document it may attach to.
    const other = join(elsewhere, "annat.protokoll");
    await writeFile(other, protocolText("Annat"));
    fake.state.picked = [original];
    expect(await entry.handlers.attachFile({ path: other })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/inte tillåten/),
    });
    expect(existsSync(join(elsewhere, "bilagor"))).toBe(false);
    await rm(elsewhere, { recursive: true, force: true });
  });
});
