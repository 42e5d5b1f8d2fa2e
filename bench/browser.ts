/**
 * The browser part of the benchmark: the real editor in Debian's Chromium through the web host.
 * - open: parse + check + validate + first render of the file's text in the page, until the editor
 *   accepts typing (measured in the page, from the text to the frame after the document is shown);
 * - typing: keystroke-to-screen latency with the caret in the middle of the document: from the
 *   keydown event's timestamp to the first task after the next frame (rAF → setTimeout 0), per key,
 *   one key at a time; the same on a plain contenteditable page holding the same text (baseline);
 * - memory: the tab's JS heap after opening (CDP Performance.getMetrics).
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import type { ProtokollFile } from "../schemas/file.js";
import { startHarness } from "../e2e/harness.js";
import { round, stats } from "./measure.js";

export interface BrowserResult {
  openMs: number | null;
  typing: { p50: number | null; p95: number | null; max: number | null; n: number };
  plain: { p50: number | null; p95: number | null; max: number | null; n: number };
  /** Keydown → the microtask after the key's input was handled (the editor's own work, before style, layout and paint). */
  processing: { p50: number | null; p95: number | null; max: number | null; n: number };
  plainProcessing: { p50: number | null; p95: number | null; max: number | null; n: number };
  ratioP95: number | null;
  heapMB: number | null;
  domNodes: number | null;
}

const KEYS = 220;
const WARMUP = 20;

/** Installs the latency probe in the page: every keydown records keydown → next frame presented. */
async function installProbe(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __proc: number[] };
    w.__lat = [];
    w.__proc = [];
    let t0 = 0;
    document.addEventListener(
      "keydown",
      (e) => {
        t0 = e.timeStamp;
        const start = t0;
        requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - start), 0));
      },
      { capture: true },
    );
    // Processing: keydown → the microtask after the last input listener, i.e. after the editor read
    // the DOM change (its MutationObserver records are queued before this) and updated its state,
    // before style, layout and paint. (Chromium aligns input with frames, so a task would run after
    // the frame and measure the same as the latency.)
    window.addEventListener("input", () => queueMicrotask(() => w.__proc.push(performance.now() - t0)));
  });
}

async function typeKeys(page: Page): Promise<{ lat: number[]; proc: number[] }> {
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(i % 10 === 9 ? "Space" : "e");
    await page.waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length >= n, i + 1, { polling: "raf" });
  }
  const { lat, proc } = await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __proc: number[] };
    return { lat: w.__lat, proc: w.__proc };
  });
  return { lat: lat.slice(WARMUP), proc: proc.slice(WARMUP) };
}

export async function browserBench(path: string, file: ProtokollFile): Promise<BrowserResult> {
  const h = await startHarness({ viewport: { width: 1440, height: 900 } });
  try {
    const { page } = h;
    const text = readFileSync(path, "utf8");

    // Open: the page parses, checks, loads, validates and renders the document.
    const openMs = await page.evaluate(async (t) => {
      type AppLike = { load(file: unknown, path: string | null): void; constructor: { parseText(t: string): { ok: boolean; file?: unknown } } };
      const app = (window as unknown as { protokollApp: AppLike }).protokollApp;
      const t0 = performance.now();
      const parsed = app.constructor.parseText(t);
      if (!parsed.ok) throw new Error("parse failed");
      app.load(parsed.file, "bench.protokoll");
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    }, text);

    // Caret in the middle §'s background text.
    const middle = Math.floor(file.doc.childCount / 2);
    await page.evaluate((index) => {
      const items = document.querySelectorAll(".ProseMirror > article, .ProseMirror > [data-item], .ProseMirror .agenda-item");
      const item = items[index] as HTMLElement | undefined;
      const para = item?.querySelector("section[data-block=background] p") ?? item?.querySelector("p");
      if (!para) throw new Error("no paragraph in the middle §");
      para.scrollIntoView({ block: "center" });
      const range = document.createRange();
      range.setStart(para.firstChild ?? para, Math.min(5, para.firstChild?.textContent?.length ?? 0));
      range.collapse(true);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      (document.querySelector(".ProseMirror") as HTMLElement).focus();
    }, middle);
    await page.waitForTimeout(200);
    await installProbe(page);
    const typed = await typeKeys(page);
    const typing = stats(typed.lat);
    const processing = stats(typed.proc);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const metrics = (await cdp.send("Performance.getMetrics")).metrics;
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? null;
    const heap = metric("JSHeapUsedSize");
    const domNodes = metric("Nodes");

    // Baseline: a plain contenteditable with the same text, in the same browser.
    const paragraphs: string[] = [];
    file.doc.descendants((n) => {
      if (n.isTextblock) {
        paragraphs.push(n.textContent);
        return false;
      }
      return true;
    });
    const plainPage = await h.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    await plainPage.setContent(`<!doctype html><meta charset=utf-8><div id=ed contenteditable=true style="font:16px serif;max-width:50em;margin:auto">${paragraphs.map((p) => `<p>${esc(p)}</p>`).join("")}</div>`);
    await plainPage.evaluate(() => {
      const ps = document.querySelectorAll("#ed p");
      const para = ps[Math.floor(ps.length / 2)] as HTMLElement;
      para.scrollIntoView({ block: "center" });
      const range = document.createRange();
      range.setStart(para.firstChild ?? para, 0);
      range.collapse(true);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      (document.getElementById("ed") as HTMLElement).focus();
    });
    await installProbe(plainPage);
    const plainTyped = await typeKeys(plainPage);
    const plain = stats(plainTyped.lat);
    const plainProcessing = stats(plainTyped.proc);

    const r = (x: number) => round(x, 2);
    return {
      openMs: r(openMs),
      typing: { p50: r(typing.p50), p95: r(typing.p95), max: r(typing.max), n: typing.n },
      plain: { p50: r(plain.p50), p95: r(plain.p95), max: r(plain.max), n: plain.n },
      processing: { p50: r(processing.p50), p95: r(processing.p95), max: r(processing.max), n: processing.n },
      plainProcessing: { p50: r(plainProcessing.p50), p95: r(plainProcessing.p95), max: r(plainProcessing.max), n: plainProcessing.n },
      ratioP95: r(typing.p95 / plain.p95),
      heapMB: heap === null ? null : round(heap / 2 ** 20, 0),
      domNodes,
    };
  } finally {
    await h.close();
  }
}
