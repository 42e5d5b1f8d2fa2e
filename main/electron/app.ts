/**
 * The Electron main process: `package.json` "main" (compiled to dist/main/electron/app.js).
 *
 * Lifecycle: one instance (a second start hands its files to the first), documents from the command
 * line, a second start or macOS "open-file" each in their own window, the security settings before
 * any window exists, the IPC handlers registered once, and one empty window when nothing is opened.
 */
import { app, ipcMain, protocol, session } from "electron";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { APP_SCHEME, appSchemePrivileges } from "./appUrl.js";
import { documentPathsFromArgv } from "./argv.js";
import { DocumentWindows } from "./documentWindows.js";
import { registerIpc } from "./ipc.js";
import { serveAppRequest } from "./protocol.js";
import { secureSession, secureWebContents } from "./security.js";

const here = dirname(fileURLToPath(import.meta.url));
/** dist/renderer, built by vite. */
const rendererRoot = join(here, "..", "..", "renderer");
const preload = join(here, "preload.cjs");

app.setName("Protokoll");
if (process.platform === "win32") app.setAppUserModelId("se.protokoll.app");
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: appSchemePrivileges }]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Protokoll runs: it receives our argv in "second-instance" and opens the files.
  app.quit();
} else {
  let windows: DocumentWindows | null = null;
  /** Files asked for before the app was ready (macOS open-file at launch). */
  const early: string[] = documentPathsFromArgv(process.argv, process.cwd());

  const open = (paths: string[]) => {
    if (!windows) {
      early.push(...paths);
      return;
    }
    for (const p of paths) void windows.openPath(p);
  };

  app.on("open-file", (event, path) => {
    event.preventDefault();
    open([path]);
  });
  app.on("second-instance", (_event, argv, cwd) => {
    const paths = documentPathsFromArgv(argv, cwd);
    if (paths.length) open(paths);
    else windows?.focused()?.win.focus();
  });
  app.on("web-contents-created", (_event, contents) => secureWebContents(contents));

  void app.whenReady().then(async () => {
    secureSession(session.defaultSession);
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererRoot));
    windows = new DocumentWindows({ userData: app.getPath("userData"), preload });
    const w = windows;
    registerIpc(ipcMain, w.find);
    await w.start();
    const paths = early.splice(0);
    if (paths.length) for (const p of paths) await w.openPath(p);
    else await w.create();

    app.on("activate", () => {
      if (w.sessions().length === 0) void w.create();
    });
  });

  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
}
