import { describe, expect, it, vi } from "vitest";

// The renderer-side Electron modules the preload may use, recording what it does.
const bridge = vi.hoisted(() => ({
  exposed: new Map<string, Record<string, unknown>>(),
  invoked: [] as [string, unknown][],
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
}));
vi.mock("electron", () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => bridge.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) => {
      bridge.invoked.push([channel, args]);
      return { ok: true };
    },
    on: (event: string, fn: (event: unknown, ...args: unknown[]) => void) =>
      bridge.listeners.set(event, fn),
  },
}));

import { channels } from "../../schemas/contract.js";
// @ts-expect-error a plain .mjs build script without types
import { compilePreload } from "../../scripts/build-preload.mjs";
import { MENU_COMMAND_EVENT } from "./menu.js";

await import("./preload.js");
const api = bridge.exposed.get("protokoll")!;

describe("the preload", () => {
  it("exposes window.protokoll and nothing else", () => {
    expect([...bridge.exposed.keys()]).toEqual(["protokoll"]);
  });

  it("exposes exactly the contract's channels, plus onMenuCommand", () => {
    expect(Object.keys(api).sort()).toEqual([...channels, "onMenuCommand"].sort());
    for (const key of Object.keys(api)) expect(typeof api[key]).toBe("function");
  });

  it("sends each channel's call to the main process on the channel of the same name", async () => {
    for (const channel of channels) {
      const args = { probe: channel };
      await (api[channel] as (a: unknown) => Promise<unknown>)(args);
      expect(bridge.invoked.at(-1)).toEqual([channel, args]);
    }
  });

  it("keeps menu commands that arrive before the renderer listens, then delivers them in order", () => {
    const fromMain = bridge.listeners.get(MENU_COMMAND_EVENT);
    expect(fromMain).toBeTypeOf("function");
    fromMain!({ sender: "ipc event" }, "file.open", { path: "/hem/möte.protokoll", extra: "bort" });
    fromMain!({}, "file.save");
    fromMain!({}, { not: "a string" });
    const got: unknown[] = [];
    const stop = (api.onMenuCommand as (cb: (...a: unknown[]) => void) => () => void)((...a) =>
      got.push(a),
    );
    expect(got).toEqual([
      ["file.open", { path: "/hem/möte.protokoll" }],
      ["file.save", {}],
    ]);
    fromMain!({}, "insert.proposal");
    expect(got.at(-1)).toEqual(["insert.proposal", {}]);
    stop();
    fromMain!({}, "insert.vote");
    expect(got).toHaveLength(3);
  });

  it("compiles to one CommonJS script that needs nothing but electron, as a sandboxed preload must", () => {
    const code: string = compilePreload();
    const exposed = new Map<string, Record<string, unknown>>();
    const asked: string[] = [];
    const sandboxRequire = (id: string) => {
      asked.push(id);
      if (id !== "electron") throw new Error(`module not found: ${id}`);
      return {
        contextBridge: {
          exposeInMainWorld: (k: string, v: Record<string, unknown>) => exposed.set(k, v),
        },
        ipcRenderer: { invoke: async () => ({}), on: () => undefined },
      };
    };
    // No `exports`, no `module`, no `import`: only require, as in Electron's sandboxed preload.
    new Function("require", code)(sandboxRequire);
    expect(asked).toEqual(["electron"]);
    expect(Object.keys(exposed.get("protokoll") ?? {}).sort()).toEqual(
      [...channels, "onMenuCommand"].sort(),
    );
  });

  it("refuses to build a preload that imports anything else at run time", () => {
    expect(() =>
      compilePreload(
        `import { z } from "zod"; import { contextBridge } from "electron"; contextBridge.exposeInMainWorld("x", z);`,
      ),
    ).toThrow(/only import "electron"/);
  });
});
