/**
 * The browser part of the benchmark: the real editor in Debian's Chromium through the web host.
 * - open: parse + check + validate + first render of the file's text in the page, until the editor
 *   accepts typing (measured in the page, from the text to the frame after the document is shown);
 * - typing: keystroke-to-screen latency with the caret in the middle of the document: from the
 *   keydown event's timestamp to the first task after the next frame (rAF → setTimeout 0), per key,
 *   one key at a time; the same on a plain contenteditable page holding the same text (baseline);
 * - memory: the tab's JS heap after opening (CDP Performance.getMetrics).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { build } from "vite";
import type { ProtokollFile } from "../schemas/file.js";
import { startHarness } from "../e2e/harness.js";
import { round, stats } from "./measure.js";
import { EDITOR_MIDDLE, placeCaret } from "./placeCaret.js";

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
  /** The same typing with the spell-check turned off (typing/processing above are with it on). */
  spellOff: { typing: Dist; processing: Dist };
  /** Typing p95 with the spell-check on ÷ off (target ≤ 1.2). */
  spellTypingRatioP95: number | null;
  /** Processing p95 with the spell-check on ÷ off. */
  spellProcessingRatioP95: number | null;
  /** Spell-check of every distinct word of the document in a fresh worker (dictionary loaded first). */
  spellWholeDocument: { words: number; ms: number | null; misspelled: number } | null;
  /**
   * The generated protocol repeats a small vocabulary, so also: every distinct word of the real
   * documents' texts beside the seeds (seeds/*.txt) in a fresh worker.
   */
  spellRealVocabulary: { words: number; ms: number | null; misspelled: number } | null;
  /** From opening the document until its spelling is shown (the editor's first pass: its 300 ms wait, reading the text, the worker). */
  spellFirstPassMs: number | null;
  /** The rules' problems in the editor while typing (both spell-check sides are typed with them shown). */
  problems: number;
  /** Transactions of the spell-check's passes during the 240 keys typed with it on (a pass runs after a 300 ms pause). */
  spellPassesWhileTyping: number;
  /** The bare ProseMirror editor (history and keymap only) with the same paragraphs. */
  bare: { typing: Dist; processing: Dist };
  /** Our processing p95 ÷ the bare editor's (goal ≤ 1.5). */
  processingVsBareP95: number | null;
  /**
   * The processing above in two parts, spell-check on, off and the bare editor: the key's way to the
   * page (its timestamp → the first keydown listener: the browser's input queue and IPC, no page
   * code) and the rest in the page (the first keydown listener → the microtask after input).
   */
  processingParts: Record<"on" | "off" | "bare", { inputDelay: Dist; inPage: Dist }>;
}

type Dist = { p50: number | null; p95: number | null; max: number | null; n: number };

/** The number of the rules' problems in the editor's state (the problems plugin's), in the page. */
const PROBLEMS_IN_STATE = `() => {
  const state = window.protokollApp.state;
  return state.plugins.find((p) => p.key === "problems$").getState(state).problems.length;
}`;
/** The same as a predicate for `waitForFunction` (the page's CSP forbids evaluating a string there). */
const problemsShown = () => {
  type StateLike = { plugins: { key: string; getState(s: StateLike): { problems: unknown[] } }[] };
  const state = (window as unknown as { protokollApp: { state: StateLike } }).protokollApp.state;
  return state.plugins.find((p) => p.key === "problems$")!.getState(state).problems.length > 0;
};

const KEYS = 220;
const WARMUP = 20;

/** Installs the latency probe in the page: every keydown records keydown → next frame presented. */
async function installProbe(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as {
      __lat: number[];
      __proc: number[];
      __delay: number[];
      __inPage: number[];
      __probe?: boolean;
    };
    w.__lat = [];
    w.__proc = [];
    w.__delay = [];
    w.__inPage = [];
    // Installed once per page; installing again only starts new lists.
    if (w.__probe) return;
    w.__probe = true;
    let t0 = 0;
    let inPage = 0;
    // The first listener of the page (capture on the window, added before any other).
    window.addEventListener(
      "keydown",
      (e) => {
        inPage = performance.now();
        w.__delay.push(inPage - e.timeStamp);
      },
      { capture: true },
    );
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
    window.addEventListener("input", () =>
      queueMicrotask(() => {
        const now = performance.now();
        w.__proc.push(now - t0);
        w.__inPage.push(now - inPage);
      }),
    );
  });
}

interface Typed {
  lat: number[];
  proc: number[];
  delay: number[];
  inPage: number[];
}

async function typeKeys(page: Page, keys = KEYS): Promise<Typed> {
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(i % 10 === 9 ? "Space" : "e");
    await page.waitForFunction(
      (n) => (window as unknown as { __lat: number[] }).__lat.length >= n,
      i + 1,
      { polling: "raf" },
    );
  }
  const typed = await page.evaluate(() => {
    const w = window as unknown as Record<"__lat" | "__proc" | "__delay" | "__inPage", number[]>;
    return { lat: w.__lat, proc: w.__proc, delay: w.__delay, inPage: w.__inPage };
  });
  return {
    lat: typed.lat.slice(WARMUP),
    proc: typed.proc.slice(WARMUP),
    delay: typed.delay.slice(WARMUP),
    inPage: typed.inPage.slice(WARMUP),
  };
}

export async function browserBench(path: string, file: ProtokollFile): Promise<BrowserResult> {
  const h = await startHarness({ viewport: { width: 1440, height: 900 } });
  try {
    const { page } = h;
    const text = readFileSync(path, "utf8");

    // The dictionary is loaded before anything is timed (a secretary's app loaded it at start).
    await page.waitForFunction(
      () =>
        (window as unknown as { protokollApp: { spell: { ready: Promise<void> } | null } })
          .protokollApp.spell !== null,
    );
    await page.evaluate(
      () =>
        (window as unknown as { protokollApp: { spell: { ready: Promise<void> } } }).protokollApp
          .spell.ready,
    );

    // Open: the page parses, checks, loads, validates and renders the document.
    const openStarted = await page.evaluate(() => performance.now());
    const openMs = await page.evaluate(async (t) => {
      type AppLike = {
        load(file: unknown, path: string | null): void;
        constructor: { parseText(t: string): { ok: boolean; file?: unknown } };
      };
      const app = (window as unknown as { protokollApp: AppLike }).protokollApp;
      const t0 = performance.now();
      const parsed = app.constructor.parseText(t);
      if (!parsed.ok) throw new Error("parse failed");
      app.load(parsed.file, "bench.protokoll");
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    }, text);

    // The spell-check's first pass over the opened document (the page's clock, from the open's start).
    await page.waitForFunction(
      () =>
        (window as unknown as { protokollApp: { spellChecked: boolean } }).protokollApp
          .spellChecked,
      null,
      { timeout: 120_000, polling: 50 },
    );
    const spellFirstPassMs = (await page.evaluate(() => performance.now())) - openStarted;
    const spellWholeDocument = await spellInFreshWorker(page);
    const seedWords = new Set<string>();
    for (const name of readdirSync("seeds").filter((n) => n.endsWith(".txt")))
      for (const m of readFileSync(join("seeds", name), "utf8").matchAll(
        /\p{L}[\p{L}\p{M}]*(?:[-.:'’]\p{L}[\p{L}\p{M}]*)*/gu,
      ))
        seedWords.add(m[0]);
    const spellRealVocabulary = await spellInFreshWorker(page, [...seedWords]);

    // Caret in the middle §'s background text.
    const middle = Math.floor(file.doc.childCount / 2);
    await page.evaluate(placeCaret, { ...EDITOR_MIDDLE, index: middle });
    await page.waitForTimeout(200);
    // Typing with the spell-check on and off, in the same page, alternating in four runs of 120
    // keys (the first 20 of each discarded), so neither side has the warmer browser or the quieter
    // minute of a shared machine.
    // Turning the spell-check on or off keeps the text, the undo history, the rules' problems and
    // the justering plugin (the state is reconfigured, App.setSpellCheck); both sides are typed with
    // the problems in (their underlines and the Problem panel cost the same on either side), which
    // is checked after each switch.
    const problemsAtOpen = (await page.evaluate(`(${PROBLEMS_IN_STATE})()`)) as number;
    const setSpell = async (on: boolean) => {
      await page.evaluate((on) => {
        const app = (
          window as unknown as {
            protokollApp: {
              spell: unknown;
              setSpellCheck(s: unknown): void;
              focus(): void;
              notify(k: string): void;
              __spell?: unknown;
            };
          }
        ).protokollApp;
        app.__spell ??= app.spell;
        app.setSpellCheck(on ? app.__spell : null);
        app.notify("meta"); // the validation runs again after its pause
        app.focus();
      }, on);
      if (problemsAtOpen > 0)
        await page.waitForFunction(problemsShown, null, { timeout: 60_000, polling: 100 });
    };
    const on: Typed = { lat: [], proc: [], delay: [], inPage: [] };
    let spellPassesWhileTyping = 0;
    const off: Typed = { lat: [], proc: [], delay: [], inPage: [] };
    for (const spellOn of [true, false, true, false]) {
      await setSpell(spellOn);
      // Typing is measured once the spell-check has caught up with the document (its first look
      // at a document is timed separately, above).
      await page.waitForFunction(
        () =>
          (window as unknown as { protokollApp: { spellChecked: boolean } }).protokollApp
            .spellChecked,
        null,
        { timeout: 120_000, polling: 100 },
      );
      await page.waitForTimeout(300);
      await installProbe(page);
      // Count the spell-check's own transactions (its passes) while the keys come.
      await page.evaluate(() => {
        type AppLike = {
          dispatch(tr: { getMeta(k: string): unknown }): void;
          __dispatch?: AppLike["dispatch"];
        };
        const w = window as unknown as { protokollApp: AppLike; __spellPasses: number };
        const app = w.protokollApp;
        w.__spellPasses = 0;
        app.__dispatch ??= app.dispatch.bind(app);
        app.dispatch = (tr) => {
          if (tr.getMeta("spellcheck$")) w.__spellPasses++;
          app.__dispatch!(tr);
        };
      });
      const run = await typeKeys(page, 120);
      if (spellOn)
        spellPassesWhileTyping += await page.evaluate(
          () => (window as unknown as { __spellPasses: number }).__spellPasses,
        );
      const side = spellOn ? on : off;
      for (const k of ["lat", "proc", "delay", "inPage"] as const) side[k].push(...run[k]);
    }
    const typing = stats(on.lat);
    const processing = stats(on.proc);
    const typingOff = stats(off.lat);
    const processingOff = stats(off.proc);

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
    await plainPage.setContent(
      `<!doctype html><meta charset=utf-8><div id=ed contenteditable=true style="font:16px serif;max-width:50em;margin:auto">${paragraphs.map((p) => `<p>${esc(p)}</p>`).join("")}</div>`,
    );
    await plainPage.evaluate(placeCaret, {
      items: "#ed p",
      index: "middle" as const,
      offset: 0,
      focus: "#ed",
    });
    await installProbe(plainPage);
    const plainTyped = await typeKeys(plainPage);
    const plain = stats(plainTyped.lat);
    const plainProcessing = stats(plainTyped.proc);

    // Floor of our stack: a bare ProseMirror editor with the same paragraphs, same browser.
    const barePage = await h.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await barePage.setContent(
      `<!doctype html><meta charset=utf-8><style>.ProseMirror{white-space:pre-wrap;word-wrap:break-word;outline:none;font:16px serif;max-width:50em;margin:auto}.ProseMirror>p{content-visibility:auto;contain-intrinsic-size:auto 1.5em}</style><div id=ed></div>`,
    );
    await barePage.evaluate(
      (ps) => ((window as unknown as { __paragraphs: string[] }).__paragraphs = ps),
      paragraphs,
    );
    await barePage.addScriptTag({ content: await bareEditorScript() });
    await barePage.evaluate(placeCaret, {
      items: "#ed p",
      index: "middle" as const,
      offset: 5,
      focus: "#ed .ProseMirror",
    });
    await barePage.waitForTimeout(200);
    await installProbe(barePage);
    const bareTyped = await typeKeys(barePage);
    const bareTyping = stats(bareTyped.lat);
    const bareProcessing = stats(bareTyped.proc);

    const r = (x: number) => round(x, 2);
    const dist = (x: ReturnType<typeof stats>): Dist => ({
      p50: r(x.p50),
      p95: r(x.p95),
      max: r(x.max),
      n: x.n,
    });
    return {
      spellOff: { typing: dist(typingOff), processing: dist(processingOff) },
      spellTypingRatioP95: r(typing.p95 / typingOff.p95),
      spellProcessingRatioP95: r(processing.p95 / processingOff.p95),
      spellWholeDocument,
      spellRealVocabulary,
      spellFirstPassMs: r(spellFirstPassMs),
      problems: problemsAtOpen,
      spellPassesWhileTyping,
      bare: { typing: dist(bareTyping), processing: dist(bareProcessing) },
      processingVsBareP95: r(processing.p95 / bareProcessing.p95),
      processingParts: {
        on: { inputDelay: dist(stats(on.delay)), inPage: dist(stats(on.inPage)) },
        off: { inputDelay: dist(stats(off.delay)), inPage: dist(stats(off.inPage)) },
        bare: { inputDelay: dist(stats(bareTyped.delay)), inPage: dist(stats(bareTyped.inPage)) },
      },
      openMs: r(openMs),
      typing: { p50: r(typing.p50), p95: r(typing.p95), max: r(typing.max), n: typing.n },
      plain: { p50: r(plain.p50), p95: r(plain.p95), max: r(plain.max), n: plain.n },
      processing: {
        p50: r(processing.p50),
        p95: r(processing.p95),
        max: r(processing.max),
        n: processing.n,
      },
      plainProcessing: {
        p50: r(plainProcessing.p50),
        p95: r(plainProcessing.p95),
        max: r(plainProcessing.max),
        n: plainProcessing.n,
      },
      ratioP95: r(typing.p95 / plain.p95),
      heapMB: heap === null ? null : round(heap / 2 ** 20, 0),
      domNodes,
    };
  } finally {
    await h.close();
  }
}

/** bench/bareEditor.ts bundled for the page (once per run). */
let bareScript: Promise<string> | null = null;
function bareEditorScript(): Promise<string> {
  bareScript ??= (async () => {
    const out = await build({
      configFile: false,
      logLevel: "silent",
      build: {
        write: false,
        minify: true,
        lib: { entry: "bench/bareEditor.ts", formats: ["iife"], name: "bareEditor" },
      },
    });
    const outputs = (Array.isArray(out) ? out : [out]) as {
      output: { type: string; code?: string }[];
    }[];
    const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === "chunk");
    if (!chunk?.code) throw new Error("bench/bareEditor.ts did not build");
    return chunk.code;
  })();
  return bareScript;
}

/**
 * Every distinct word of the opened document, checked by a fresh spell-check worker (the app's
 * own worker script and dictionary; its load is not timed): post → the answer.
 */
async function spellInFreshWorker(
  page: Page,
  given?: string[],
): Promise<BrowserResult["spellWholeDocument"]> {
  // A string, not a function: tsx would wrap the named helpers in `__name`, which the page lacks.
  return page.evaluate(`(async (given) => {
    const url = performance.getEntriesByType("resource").map((e) => e.name).find((n) => /spellWorker[^/]*\\.js$/.test(n));
    if (!url) return null;
    const words = new Set(given ?? []);
    if (!given) window.protokollApp.state.doc.descendants((n) => {
      if (n.isText) for (const m of n.text.matchAll(/\\p{L}[\\p{L}\\p{M}]*(?:[-.:'’]\\p{L}[\\p{L}\\p{M}]*)*/gu)) words.add(m[0]);
    });
    const worker = new Worker(url, { type: "module" });
    const reply = (type) => new Promise((ok) => worker.addEventListener("message", (e) => e.data.type === type && ok(e.data)));
    const ready = reply("ready");
    worker.postMessage({ type: "init", dictionaries: new URL("dictionaries/", document.baseURI).href });
    await ready;
    const checked = reply("checked");
    const t0 = performance.now();
    worker.postMessage({ type: "check", id: 1, words: [...words] });
    const r = await checked;
    const ms = performance.now() - t0;
    worker.terminate();
    return { words: words.size, ms: Math.round(ms), misspelled: r.wrong.length };
  })(${JSON.stringify(given ?? null)})`);
}
