import { EventEmitter } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

const opened = vi.hoisted(() => [] as string[]);
const created = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock("electron", () => ({
  shell: { openExternal: async (url: string) => void opened.push(url) },
  BrowserWindow: class {
    constructor(options: Record<string, unknown>) {
      created.push(options);
    }
  },
}));

import { APP_INDEX_URL } from "./appUrl.js";
import { secureSession, secureWebContents } from "./security.js";
import { CONTENT_SECURITY_POLICY, isAllowedRequest } from "./securityPolicy.js";
import { createBrowserWindow, DEFAULT_WINDOW_STATE } from "./window.js";

const here = import.meta.dirname;

/** A WebContents as far as the security code touches it. */
function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & {
    openHandler?: (d: { url: string }) => { action: string };
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void;
  };
  contents.setWindowOpenHandler = (h) => (contents.openHandler = h);
  secureWebContents(contents as never);
  return contents;
}
/** Emit a navigation event; whether it was prevented. */
function navigate(contents: EventEmitter, event: string, url: string, isMainFrame = true): boolean {
  let prevented = false;
  contents.emit(event, { url, isMainFrame, preventDefault: () => (prevented = true) });
  return prevented;
}

describe("window security", () => {
  /** What each security-relevant web preference must be, set explicitly (Electron's security checklist). */
  const REQUIRED: Record<string, unknown> = {
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
  };
  /** Preferences without a bearing on security that a window may also set. */
  const HARMLESS = ["preload", "safeDialogs", "spellcheck", "disableBlinkFeatures"];

  it("every window is context-isolated, sandboxed, without Node and with web security — read from the window the app creates", () => {
    createBrowserWindow("/app/preload.cjs", { ...DEFAULT_WINDOW_STATE, x: 10, y: 20 });
    const options = created.at(-1)!;
    expect(options).toMatchObject({
      x: 10,
      y: 20,
      width: DEFAULT_WINDOW_STATE.width,
      height: DEFAULT_WINDOW_STATE.height,
      show: false,
    });
    const prefs = options.webPreferences as Record<string, unknown>;
    for (const [key, value] of Object.entries(REQUIRED))
      expect(prefs[key], `webPreferences.${key}`).toBe(value);
    expect(prefs.preload).toBe("/app/preload.cjs");
    // A preference added later must be decided on here: listed as required, or as harmless.
    expect(Object.keys(prefs).filter((k) => !(k in REQUIRED) && !HARMLESS.includes(k))).toEqual([]);
  });

  it("creates its windows in one place only, so the settings above are those of every window", () => {
    const sources = readdirSync(here).filter(
      (n) => n.endsWith(".ts") && !/\.(test|testkit)\.ts$/.test(n),
    );
    const constructing = sources.filter((n) =>
      /new BrowserWindow\s*\(/.test(readFileSync(join(here, n), "utf8")),
    );
    expect(constructing).toEqual(["window.ts"]);
    expect(
      readFileSync(join(here, "window.ts"), "utf8").match(/new BrowserWindow\s*\(/g),
    ).toHaveLength(1);
    const callers = sources.filter(
      (n) => n !== "window.ts" && /createBrowserWindow\(/.test(readFileSync(join(here, n), "utf8")),
    );
    expect(callers).toEqual(["documentWindows.ts"]);
  });

  it("denies navigation away from our page and opens a clicked https link in the browser instead", () => {
    const c = fakeContents();
    opened.length = 0;
    expect(navigate(c, "will-navigate", "https://www.riksdagen.se/sv/dokument-och-lagar/")).toBe(
      true,
    );
    expect(opened).toEqual(["https://www.riksdagen.se/sv/dokument-och-lagar/"]);
    for (const url of [
      "http://example.com/",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "smb://server/share",
      "https://user:pw@example.com/",
    ]) {
      expect(navigate(c, "will-navigate", url)).toBe(true);
    }
    expect(opened).toHaveLength(1);
    expect(navigate(c, "will-navigate", APP_INDEX_URL)).toBe(false);
  });

  it("denies redirects, frame navigation and webviews", () => {
    const c = fakeContents();
    expect(navigate(c, "will-redirect", "https://example.com/")).toBe(true);
    expect(navigate(c, "will-frame-navigate", "https://example.com/", false)).toBe(true);
    expect(navigate(c, "will-attach-webview", "")).toBe(true);
  });

  it("denies every window.open; an https link opens in the browser, nothing else does", () => {
    const c = fakeContents();
    opened.length = 0;
    expect(c.openHandler!({ url: "https://lagen.nu/2017:725" })).toEqual({ action: "deny" });
    expect(c.openHandler!({ url: APP_INDEX_URL })).toEqual({ action: "deny" });
    expect(c.openHandler!({ url: "file:///home/x.protokoll" })).toEqual({ action: "deny" });
    expect(opened).toEqual(["https://lagen.nu/2017:725"]);
  });
});

describe("session security", () => {
  type PermissionHandler = (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
  type BeforeRequest = (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
  type HeadersReceived = (
    d: { responseHeaders?: Record<string, string[]> },
    cb: (r: { responseHeaders: Record<string, string[]> }) => void,
  ) => void;
  const got: {
    permission?: PermissionHandler;
    check?: () => boolean;
    device?: () => boolean;
    before?: BeforeRequest;
    headers?: HeadersReceived;
  } = {};
  const ses = {
    setPermissionRequestHandler: (h: PermissionHandler) => (got.permission = h),
    setPermissionCheckHandler: (h: () => boolean) => (got.check = h),
    setDevicePermissionHandler: (h: () => boolean) => (got.device = h),
    webRequest: {
      onBeforeRequest: (h: BeforeRequest) => (got.before = h),
      onHeadersReceived: (h: HeadersReceived) => (got.headers = h),
    },
  };
  secureSession(ses as never);

  it("denies every permission request and check", () => {
    for (const p of [
      "media",
      "geolocation",
      "notifications",
      "clipboard-read",
      "openExternal",
      "fullscreen",
    ]) {
      let answer: boolean | undefined;
      got.permission!({}, p, (ok) => (answer = ok));
      expect(answer).toBe(false);
    }
    expect(got.check!()).toBe(false);
    expect(got.device!()).toBe(false);
  });

  it("loads no remote content: only our own files, data: images and devtools", () => {
    const cancelled = (url: string) => {
      let r: { cancel: boolean } | undefined;
      got.before!({ url }, (x) => (r = x));
      return r!.cancel;
    };
    expect(cancelled(APP_INDEX_URL)).toBe(false);
    expect(cancelled("app://protokoll/assets/index.js")).toBe(false);
    expect(cancelled("data:image/png;base64,iVBOR")).toBe(false);
    for (const url of [
      "https://cdn.example.com/x.js",
      "http://127.0.0.1:8080/",
      "ws://example.com/",
      "file:///etc/passwd",
      "app://other/index.html",
    ])
      expect(cancelled(url)).toBe(true);
    expect(isAllowedRequest("devtools://devtools/bundled/inspector.html")).toBe(true);
  });

  it("puts the strict Content-Security-Policy on every response", () => {
    let headers: Record<string, string[]> = {};
    got.headers!(
      { responseHeaders: { "Content-Security-Policy": ["default-src *"], "X-Other": ["1"] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers["Content-Security-Policy"]).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers["X-Other"]).toEqual(["1"]);
    for (const d of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
      "connect-src 'self'",
      "img-src 'self' data:",
    ])
      expect(CONTENT_SECURITY_POLICY).toContain(d);
    // Only WebAssembly may be compiled (the spell-check's Hunspell): no eval, no inline scripts.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /(?<!wasm-)unsafe-eval|script-src[^;]*unsafe-inline|\*/,
    );
  });
});
