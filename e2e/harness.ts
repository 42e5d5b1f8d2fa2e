/**
 * The end-to-end harness: the real web host on a temporary workspace and Debian's Chromium driven
 * by playwright-core. The renderer must be built (scripts/test.mjs runs `vite build` first; the
 * harness builds it itself when dist/renderer is missing).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startWebHost, type WebHost } from "../main/web/server.js";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface Harness {
  host: WebHost;
  browser: Browser;
  page: Page;
  workspace: string;
  /** Messages the page logged as errors, and uncaught exceptions. */
  errors: string[];
  /**
   * A fresh page of its own (a new browser context: no shared storage or state) on the same web
   * host, loaded and ready, with its own list of errors; closed with `close()` on the result.
   */
  newPage(): Promise<{ page: Page; errors: string[]; close(): Promise<void> }>;
  close(): Promise<void>;
}

export function ensureRendererBuilt(): void {
  if (existsSync("dist/renderer/index.html")) return;
  const r = spawnSync("node", ["node_modules/.bin/vite", "build", "--logLevel", "warn"], {
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error("vite build failed");
}

export async function startHarness(
  options: {
    workspace?: string;
    viewport?: { width: number; height: number };
    /** Another renderer build than dist/renderer. */ rendererDir?: string;
  } = {},
): Promise<Harness> {
  if (!options.rendererDir) ensureRendererBuilt();
  const workspace = options.workspace ?? mkdtempSync(join(tmpdir(), "protokoll-e2e-"));
  const host = await startWebHost({ workspace, rendererDir: options.rendererDir });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const open = async () => {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      locale: "sv-SE",
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
    await page.goto(host.url);
    await page.waitForSelector("body[data-ready=true]");
    return { page, errors, close: () => context.close() };
  };
  const { page, errors } = await open();
  return {
    host,
    browser,
    page,
    workspace,
    errors,
    newPage: open,
    async close() {
      await browser.close().catch(() => undefined);
      await host.close();
      if (!options.workspace) rmSync(workspace, { recursive: true, force: true });
    },
  };
}
