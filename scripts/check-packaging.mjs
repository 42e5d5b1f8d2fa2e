#!/usr/bin/env node
// CI check of electron-builder.yml, offline: build the app, run `electron-builder --dir --linux`
// against a stand-in Electron (a small executable carrying Electron's fuse wire, so no download),
// then look inside what came out:
//   - resources/app.asar holds package.json, the built dist/ (main, preload.cjs, renderer) and the
//     production dependencies — and no TypeScript sources, tests, source maps, seeds or scripts;
//     no test code by origin either: every packed module is compiled from a production source that
//     exists now, and the packed modules import only each other and no test package
//     (scripts/packaged-files.mjs);
//   - the fuses were flipped as configured (RunAsNode off, NODE_OPTIONS off, cookie encryption on,
//     asar integrity on, only load the app from asar);
//   - the packaged main process starts: app.js is loaded from the unpacked asar with a stand-in
//     `electron` module and must register the app:// protocol, the IPC channels and open a window.
// Exits non-zero with the reason when anything is off.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { mainBuildState } from "./main-build-state.mjs";
import { packagedTestCode } from "./packaged-files.mjs";

/**
 * The stand-in `electron` module for the start check (step 6): records what the main process does.
 * Serialised with toString() into a module file, so it must not use anything from this scope.
 */
function electronStandIn() {
  const { EventEmitter } = process.getBuiltinModule
    ? process.getBuiltinModule("node:events")
    : globalThis.__events;
  const record = {
    schemes: [],
    handled: [],
    handlers: {},
    ipc: [],
    windows: [],
    sandbox: false,
    singleInstance: false,
    menu: false,
  };
  globalThis.__protokollSmoke = record;
  let resolveReady;
  const ready = new Promise((r) => (resolveReady = r));
  const app = Object.assign(new EventEmitter(), {
    setName() {},
    setAppUserModelId() {},
    enableSandbox() {
      record.sandbox = true;
    },
    requestSingleInstanceLock() {
      record.singleInstance = true;
      return true;
    },
    whenReady() {
      setTimeout(() => resolveReady(), 0);
      return ready;
    },
    getPath() {
      return globalThis.__protokollUserData;
    },
    addRecentDocument() {},
    clearRecentDocuments() {},
    quit() {},
  });
  const protocol = {
    registerSchemesAsPrivileged: (list) => record.schemes.push(...list.map((s) => s.scheme)),
    handle: (scheme, fn) => {
      record.handled.push(scheme);
      record.handlers[scheme] = fn;
    },
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler() {},
      setPermissionCheckHandler() {},
      setDevicePermissionHandler() {},
      webRequest: { onBeforeRequest() {}, onHeadersReceived() {} },
    },
  };
  const ipcMain = { handle: (c) => record.ipc.push(c), removeHandler() {} };
  let nextId = 0;
  class BrowserWindow extends EventEmitter {
    static getFocusedWindow() {
      return null;
    }
    static getAllWindows() {
      return [];
    }
    constructor(options) {
      super();
      this.id = ++nextId;
      const contents = new EventEmitter();
      Object.assign(contents, { id: 100 + this.id, send() {}, setWindowOpenHandler() {} });
      this.webContents = contents;
      this.rec = { webPreferences: options.webPreferences, url: null };
      record.windows.push(this.rec);
    }
    loadURL(url) {
      this.rec.url = url;
      return Promise.resolve();
    }
    setTitle(t) {
      this.rec.title = t;
    }
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
    focus() {}
    close() {}
    getBounds() {
      return { x: 0, y: 0, width: 1280, height: 860 };
    }
    setDocumentEdited() {}
    setRepresentedFilename() {}
  }
  const Menu = { setApplicationMenu: () => (record.menu = true), buildFromTemplate: (t) => t };
  const screen = {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  };
  const dialog = {
    showMessageBox: async () => ({ response: 2 }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true }),
  };
  const shell = { openExternal: async () => {} };
  // Keys for signing the seal are protected by safeStorage where the platform can (none here).
  const safeStorage = {
    isEncryptionAvailable: () => false,
    isAsyncEncryptionAvailable: async () => false,
    getSelectedStorageBackend: () => "basic_text",
  };
  return {
    app,
    protocol,
    session,
    ipcMain,
    BrowserWindow,
    Menu,
    screen,
    dialog,
    shell,
    safeStorage,
  };
}

const STAND_IN_EXPORTS = [
  "app",
  "protocol",
  "session",
  "ipcMain",
  "BrowserWindow",
  "Menu",
  "screen",
  "dialog",
  "shell",
  "safeStorage",
];

/** Child mode: import the packaged app.js with the stand-in electron; print what it did as JSON. */
async function smoke(standInFile, appJs, userData) {
  const { register } = await import("node:module");
  globalThis.__events = await import("node:events");
  globalThis.__protokollUserData = userData;
  const hooks =
    "export async function resolve(specifier, context, next) {" +
    ` if (specifier === "electron") return { url: ${JSON.stringify(pathToFileURL(standInFile).href)}, shortCircuit: true };` +
    " return next(specifier, context); }";
  register("data:text/javascript," + encodeURIComponent(hooks));
  await import(pathToFileURL(appJs).href);
  const record = globalThis.__protokollSmoke;
  for (let i = 0; i < 100 && record.windows.every((w) => !w.url); i++)
    await new Promise((r) => setTimeout(r, 100));
  const res = await record.handlers.app?.(new Request("app://protokoll/index.html"));
  const body = res ? await res.text() : "";
  console.log(
    JSON.stringify({
      ...record,
      handlers: undefined,
      indexStatus: res?.status ?? 0,
      indexCsp: res?.headers.get("content-security-policy") ?? "",
      indexLength: body.length,
    }),
  );
  process.exit(0);
}

if (process.argv[2] === "--smoke") await smoke(process.argv[3], process.argv[4], process.argv[5]);

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "protokoll-packaging-"));
const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
  console.log(`${ok ? "  ok  " : "  FEL "} ${message}`);
};
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", ...opts });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`${cmd} ${args.join(" ")} failed (${r.status})`);
  }
  return r.stdout;
};

try {
  // 1. Build: main (tsc + preload) unless the build is current; the renderer if it is not built yet.
  let rendererBuilt = existsSync(join(root, "dist/renderer/index.html"));
  if (!rendererBuilt && existsSync(join(root, "renderer/index.html"))) {
    run("node", ["node_modules/.bin/vite", "build", "--logLevel", "warn"]);
    rendererBuilt = true;
  }
  if (!rendererBuilt)
    console.log("  (no renderer/index.html in this checkout: the renderer checks are skipped)");
  if (mainBuildState(root) !== "current") run("node", ["scripts/build-main.mjs"]);

  // 2. A stand-in Electron for Linux: an executable with the fuse sentinel and a V1 fuse wire in
  //    Electron's defaults (RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on,
  //    asar integrity off, only-asar off, v8 snapshot off, file privileges on, wasm traps on).
  const { SENTINEL } = await import(
    pathToFileURL(join(root, "node_modules/@electron/fuses/dist/constants.js")).href
  );
  const electronDist = join(work, "electron");
  mkdirSync(join(electronDist, "resources"), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(SENTINEL),
    Buffer.from([1, 9]),
    Buffer.from("101100011"),
  ]);
  const exe = join(electronDist, "electron");
  writeFileSync(
    exe,
    Buffer.concat([
      Buffer.from("#!/bin/sh\necho stand-in electron\nexit 0\n"),
      Buffer.alloc(64),
      wire,
      Buffer.alloc(64),
    ]),
  );
  chmodSync(exe, 0o755);
  writeFileSync(join(electronDist, "LICENSE"), "MIT");
  writeFileSync(
    join(electronDist, "version"),
    JSON.parse(readFileSync(join(root, "node_modules/electron/package.json"), "utf8")).version,
  );

  // 3. electron-builder --dir, offline.
  const out = join(work, "out");
  run(
    "node",
    [
      "node_modules/.bin/electron-builder",
      "--dir",
      "--linux",
      "--x64",
      "--config",
      "electron-builder.yml",
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${out}`,
      "-c.npmRebuild=false",
      "--publish",
      "never",
    ],
    {
      env: {
        ...process.env,
        ELECTRON_SKIP_BINARY_DOWNLOAD: "1",
        CSC_IDENTITY_AUTO_DISCOVERY: "false",
      },
    },
  );
  const unpacked = join(out, "linux-unpacked");
  const asarPath = join(unpacked, "resources", "app.asar");
  check(existsSync(join(unpacked, "protokoll")), "the executable is named protokoll");
  check(existsSync(asarPath), "resources/app.asar exists (asar: true)");
  check(!existsSync(join(unpacked, "resources", "app")), "no unpacked resources/app folder");

  // 4. What is inside app.asar.
  const asar = await import(
    pathToFileURL(join(root, "node_modules/@electron/asar/lib/asar.js")).href
  );
  const files = (asar.listPackage ?? asar.default.listPackage)(asarPath, { isPack: false }).map(
    (f) => f.replace(/\\/g, "/"),
  );
  const has = (p) => files.includes(p);
  const pkg = JSON.parse(
    (asar.extractFile ?? asar.default.extractFile)(asarPath, "package.json").toString("utf8"),
  );
  check(has(`/${pkg.main}`), `package.json "main" (${pkg.main}) is in the package`);
  if (rendererBuilt) check(has("/dist/renderer/index.html"), "contains /dist/renderer/index.html");
  if (existsSync(join(root, "assets/fonts/DejaVuSans.ttf")))
    check(has("/assets/fonts/DejaVuSans.ttf"), "contains the fonts for PDF export (assets/fonts)");
  for (const p of [
    "/package.json",
    "/dist/main/electron/app.js",
    "/dist/main/electron/preload.cjs",
    "/dist/schemas/contract.js",
    "/dist/main/host/createHandlers.js",
    "/node_modules/zod/package.json",
    "/node_modules/prosemirror-model/package.json",
  ])
    check(has(p), `contains ${p}`);
  const own = files.filter((f) => !f.startsWith("/node_modules/"));
  const bad = own.filter(
    (f) =>
      /\.(ts|mts|cts)$/.test(f) || /\.test\./.test(f) || /\.map$/.test(f) || /\.testkit\./.test(f),
  );
  check(
    bad.length === 0,
    `no TypeScript sources, tests or source maps (${bad.slice(0, 5).join(", ") || "none"})`,
  );
  const foreignTop = own.filter((f) =>
    /^\/(main|schemas|templates|renderer|scripts|e2e|bench|seeds|docs|\.ci|bin)(\/|$)/.test(f),
  );
  check(
    foreignTop.length === 0,
    `no source folders (${foreignTop.slice(0, 5).join(", ") || "none"})`,
  );
  check(
    !files.some(
      (f) =>
        f.startsWith("/node_modules/vitest/") ||
        f.startsWith("/node_modules/electron/") ||
        f.startsWith("/node_modules/typescript/"),
    ),
    "no development dependencies (vitest, electron, typescript)",
  );
  // No test code by origin: every packed module compiled from a production source that exists,
  // the packed modules importing only each other, no test package (scripts/packaged-files.mjs).
  const extract = (p) =>
    (asar.extractFile ?? asar.default.extractFile)(asarPath, p.slice(1)).toString("utf8");
  const testCode = packagedTestCode(files, root, extract);
  const testSources = ["main", "schemas", "templates"]
    .flatMap((d) => readdirSync(join(root, d), { recursive: true }).map(String))
    .filter((p) => /\.(test|testkit)\.ts$/.test(p));
  const packedModules = own.filter(
    (f) => f.startsWith("/dist/") && !f.startsWith("/dist/renderer/") && f.endsWith(".js"),
  ).length;
  check(
    testCode.length === 0 && testSources.length > 0,
    `no test code: ${packedModules} packed modules, each compiled from a production source and importing only packed modules; none of the ${testSources.length} tests and test helpers (${testCode.slice(0, 5).join("; ") || "none found"})`,
  );

  // 5. The fuses in the packaged executable.
  const { getCurrentFuseWire } = await import(
    pathToFileURL(join(root, "node_modules/@electron/fuses/dist/index.js")).href
  );
  const fuses = await getCurrentFuseWire(join(unpacked, "protokoll"));
  const on = (i) => fuses[i] === 49;
  check(!on(0), "fuse RunAsNode is off");
  check(on(1), "fuse EnableCookieEncryption is on");
  check(!on(2), "fuse EnableNodeOptionsEnvironmentVariable is off");
  check(!on(3), "fuse EnableNodeCliInspectArguments is off");
  check(on(4), "fuse EnableEmbeddedAsarIntegrityValidation is on");
  check(on(5), "fuse OnlyLoadAppFromAsar is on");
  check(!on(7), "fuse GrantFileProtocolExtraPrivileges is off");

  // 6. The packaged main process loads: extract the asar and import app.js with a stand-in electron.
  const extracted = join(work, "app");
  (asar.extractAll ?? asar.default.extractAll)(asarPath, extracted);
  const standInFile = join(work, "electron-stand-in.mjs");
  writeFileSync(
    standInFile,
    `const electron = (${electronStandIn.toString()})();\nexport const { ${STAND_IN_EXPORTS.join(", ")} } = electron;\nexport default electron;\n`,
  );
  const userData = join(work, "userData");
  mkdirSync(userData);
  const r = spawnSync(
    "node",
    [fileURLToPath(import.meta.url), "--smoke", standInFile, join(extracted, pkg.main), userData],
    { encoding: "utf8", timeout: 60_000 },
  );
  const report = r.stdout.trim().split("\n").at(-1) ?? "";
  let smoke = null;
  try {
    smoke = JSON.parse(report);
  } catch {
    console.error(r.stdout, r.stderr);
  }
  check(smoke !== null && r.status === 0, "the packaged app.js loads with all its imports");
  if (smoke) {
    check(
      smoke.schemes.includes("app"),
      "it registers the app:// scheme as privileged before ready",
    );
    check(smoke.handled.includes("app"), "it serves the renderer through the app:// protocol");
    check(smoke.sandbox === true, "it enables the sandbox for all renderers");
    check(smoke.singleInstance === true, "it asks for the single-instance lock");
    // Exactly the contract's channels, as built into dist/ (a channel added to the contract without a handler fails here).
    const { channels } = await import(new URL("../dist/schemas/contract.js", import.meta.url).href);
    const same = [...smoke.ipc].sort().join(",") === [...channels].sort().join(",");
    check(
      same,
      `it registers one IPC handler per channel of the contract (${smoke.ipc.length} of ${channels.length})`,
    );
    check(
      smoke.windows.length === 1 && smoke.windows[0].url === "app://protokoll/index.html",
      "it opens one window on app://protokoll/index.html",
    );
    const prefs = smoke.windows[0]?.webPreferences ?? {};
    check(
      prefs.contextIsolation === true &&
        prefs.sandbox === true &&
        prefs.nodeIntegration === false &&
        prefs.webSecurity === true,
      "the window is isolated, sandboxed, without Node",
    );
    check(
      typeof prefs.preload === "string" &&
        prefs.preload.endsWith("preload.cjs") &&
        existsSync(prefs.preload),
      "its preload is the built preload.cjs",
    );
    if (rendererBuilt)
      check(
        smoke.indexStatus === 200 &&
          smoke.indexLength > 0 &&
          smoke.indexCsp.includes("default-src 'self'"),
        "app://protokoll/index.html is served from the asar with the CSP header",
      );
  }
} catch (e) {
  problems.push(String(e instanceof Error ? e.message : e));
  console.error(e);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`\ncheck-packaging: ${problems.length} problem(s):\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log("\ncheck-packaging: electron-builder configuration OK");
