/**
 * Where one keystroke goes in the editor at N §§, in Chromium through the web host:
 *   node --import tsx bench/profileTyping.ts [items=500] [keys=120] [--renderer=<dir>] [--css=<file>]
 *     [--spell=off] [--without=<plugin key>,…] [--pretype=<keys>]
 * The document is bench/generate.ts's protocol (seed 2026, as `npm run bench`); the caret is put in
 * the middle §'s background text the way bench/browser.ts does it. Prints
 * - open: the page's parse + load until the frame after it (same as the benchmark), and the time
 *   until the first validation's results are in the editor;
 * - per key: keydown → task after the key's events, and → task after the next frame (as the
 *   benchmark), plus the editor's own parts timed in the page: `App.dispatch` (state.apply +
 *   view.updateState) and the panels' refresh (the App's change listeners, one frame per burst);
 * - a Chromium trace of the typing: total ms per timeline event (style recalculation, layout,
 *   paint, script) on the renderer's main thread, per key;
 * - a CPU profile of the typing: self time per function, the largest first.
 * Build the renderer unminified for readable function names:
 *   npx vite build --minify false --outDir /tmp/renderer-dev && node --import tsx bench/profileTyping.ts 500 120 --renderer=/tmp/renderer-dev
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type CDPSession, type Page } from "playwright-core";
import { serialize } from "../schemas/file.js";
import { CHROMIUM_ARGS } from "../e2e/harness.js";
import { startWebHost } from "../main/web/server.js";
import { generateProtocol } from "./generate.js";
import { round, stats } from "./measure.js";
import { EDITOR_MIDDLE, placeCaret } from "./placeCaret.js";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const items = Number(args[0] ?? 500);
const keys = Number(args[1] ?? 120);
const rendererArg = process.argv
  .find((a) => a.startsWith("--renderer="))
  ?.slice("--renderer=".length);
/** Extra CSS put into the page before typing (to try a style change without a build). */
const cssArg = process.argv.find((a) => a.startsWith("--css="))?.slice("--css=".length);
/** `--spell=off`: type with the spell-check turned off (to compare with it on, the default). */
const spellOff = process.argv.includes("--spell=off");
/** `--pretype=240`: keys typed (and a pause) before the measured ones, as the benchmark's earlier runs. */
const pretype = Number(
  process.argv.find((a) => a.startsWith("--pretype="))?.slice("--pretype=".length) ?? 0,
);
/** `--without=review$,search$`: type with these plugins (by key) taken out, to see what they cost. */
const without = (
  process.argv.find((a) => a.startsWith("--without="))?.slice("--without=".length) ?? ""
)
  .split(",")
  .filter(Boolean);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const summary = (xs: number[]) => {
  const s = stats(xs);
  return `p50 ${round(s.p50)} / p95 ${round(s.p95)} / max ${round(s.max)} ms (n ${s.n})`;
};

async function typeKeys(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(i % 10 === 9 ? "Space" : "e");
    await page.waitForFunction(
      (k) => (window as unknown as { __lat: number[] }).__lat.length >= k,
      i + 1,
      { polling: "raf" },
    );
  }
}

async function resetProbe(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, number[]>;
    for (const k of ["__lat", "__proc", "__dispatch", "__panels", "__view", "__input", "__delay"])
      w[k] = [];
  });
}

const workspace = mkdtempSync(join(tmpdir(), "protokoll-profile-"));
const host = await startWebHost({
  workspace,
  rendererDir: rendererArg ? resolve(rendererArg) : undefined,
});
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "sv-SE" });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(host.url);
  await page.waitForSelector("body[data-ready=true]");
  // tsx keeps function names with a helper `__name` that the page does not have.
  await page.evaluate("window.__name = (f) => f");
  const file = generateProtocol({ items, seed: 2026 });
  const text = serialize(file);

  // Open, as the benchmark measures it, then until the first validation has put its results in
  // (CPU profile of it in protokoll-open.cpuprofile).
  const openCdp = await page.context().newCDPSession(page);
  await openCdp.send("Profiler.enable");
  await openCdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await openCdp.send("Profiler.start");
  const open = await page.evaluate(async (t) => {
    type AppLike = {
      load(file: unknown, path: string | null): void;
      onChange(l: (kinds: Set<string>) => void): void;
      constructor: { parseText(t: string): { ok: boolean; file?: unknown } };
    };
    const app = (window as unknown as { protokollApp: AppLike }).protokollApp;
    let validated = 0;
    app.onChange((kinds) => {
      if (kinds.has("problems") && !validated) validated = performance.now();
    });
    const t0 = performance.now();
    const parsed = app.constructor.parseText(t);
    const tParsed = performance.now();
    app.load(parsed.file, "profile.protokoll");
    const tLoaded = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const tShown = performance.now();
    const deadline = performance.now() + 20_000;
    while (!validated && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return {
      parse: tParsed - t0,
      load: tLoaded - tParsed,
      shown: tShown - t0,
      validated: validated ? validated - t0 : null,
    };
  }, text);
  writeFileSync(
    join(tmpdir(), "protokoll-open.cpuprofile"),
    JSON.stringify((await openCdp.send("Profiler.stop")).profile),
  );
  await openCdp.detach();
  console.log(
    `open (${items} §§): parse ${round(open.parse)} ms, load ${round(open.load)} ms, shown ${round(open.shown)} ms, first validation in ${open.validated === null ? "–" : round(open.validated)} ms`,
  );

  if (cssArg) await page.addStyleTag({ content: readFileSync(cssArg, "utf8") });
  if (spellOff) {
    // Validate again after the switch and wait for the problems, as the benchmark does.
    await page.evaluate(() => {
      const app = (
        window as unknown as {
          protokollApp: { setSpellCheck(s: null): void; notify(k: string): void };
        }
      ).protokollApp;
      app.setSpellCheck(null);
      app.notify("meta");
    });
    await page.waitForFunction(
      () => {
        type StateLike = {
          plugins: { key: string; getState(s: StateLike): { problems: unknown[] } }[];
        };
        const state = (window as unknown as { protokollApp: { state: StateLike } }).protokollApp
          .state;
        return (
          state.plugins.find((p) => p.key === "problems$")!.getState(state).problems.length > 0
        );
      },
      null,
      { timeout: 60_000, polling: 100 },
    );
  }
  console.log(`spell-check: ${spellOff ? "off" : "on"}`);
  if (without.length) {
    const left = await page.evaluate((keys) => {
      type StateLike = {
        plugins: { key: string }[];
        reconfigure(c: { plugins: unknown[] }): unknown;
      };
      const app = (
        window as unknown as {
          protokollApp: { state: StateLike; view: { updateState(s: unknown): void } };
        }
      ).protokollApp;
      const plugins = app.state.plugins.filter((p) => !keys.includes(p.key));
      app.view.updateState(app.state.reconfigure({ plugins }));
      return app.state.plugins.map((p) => p.key).filter((k) => !k.startsWith("plugin$"));
    }, without);
    console.log(`without ${without.join(", ")}; the state's keyed plugins now: ${left.join(" ")}`);
  }

  // Caret in the middle §'s background text; probes for the key latencies and the editor's parts.
  await page.evaluate(placeCaret, { ...EDITOR_MIDDLE, index: Math.floor(items / 2) });
  await page.evaluate(() => {
    type ViewLike = { updateState(s: unknown): void };
    type AppLike = {
      dispatch(tr: unknown): void;
      view: ViewLike;
      listeners: ((k: Set<string>) => void)[];
    };
    const app = (window as unknown as { protokollApp: AppLike }).protokollApp;
    const w = window as unknown as Record<string, number[]>;
    for (const k of ["__lat", "__proc", "__dispatch", "__panels", "__view", "__input", "__delay"])
      w[k] = [];
    const timed = (name: string, fn: (...a: never[]) => unknown) =>
      function (this: unknown, ...a: never[]) {
        const t = performance.now();
        try {
          return fn.apply(this, a);
        } finally {
          w[name]!.push(performance.now() - t);
        }
      };
    app.dispatch = timed("__dispatch", app.dispatch.bind(app));
    app.view.updateState = timed("__view", app.view.updateState.bind(app.view));
    // The panels: all change listeners of one frame together.
    const listeners = app.listeners.slice();
    app.listeners.length = 0;
    app.listeners.push(
      timed("__panels", (kinds: Set<string>) => listeners.forEach((l) => l(kinds))) as (
        k: Set<string>,
      ) => void,
    );
    document.addEventListener(
      "keydown",
      (e) => {
        const t0 = e.timeStamp;
        (w as unknown as { __t0: number }).__t0 = t0;
        // How long the key waited for the page (another task was running when it arrived).
        w.__delay!.push(performance.now() - t0);
        setTimeout(() => w.__proc!.push(performance.now() - t0), 0);
        requestAnimationFrame(() => setTimeout(() => w.__lat!.push(performance.now() - t0), 0));
      },
      { capture: true },
    );
    // As the benchmark's processing: keydown → the microtask after the last input listener.
    window.addEventListener("input", () =>
      queueMicrotask(() =>
        w.__input!.push(performance.now() - (w as unknown as { __t0: number }).__t0),
      ),
    );
  });
  await resetProbe(page);
  await page.waitForTimeout(300);

  // `--pretype=N`: N keys typed and a pause first, as between the benchmark's runs (its typed
  // nonsense words are flagged by the spell-check during the pause: the paragraph carries them).
  if (pretype) {
    await typeKeys(page, pretype);
    await page.waitForTimeout(1500);
    await resetProbe(page);
  }
  // 1. Plain timings (no tracing overhead): 20 warm-up keys, then `keys`.
  await typeKeys(page, 20);
  await resetProbe(page);
  // Which elements outside the text the typing changes (each costs style, layout or paint).
  await page.evaluate(() => {
    const w = window as unknown as { __outside: Record<string, number> };
    w.__outside = {};
    const pm = document.querySelector(".ProseMirror")!;
    new MutationObserver((records) => {
      for (const r of records) {
        const el = (r.target instanceof Element ? r.target : r.target.parentElement)!;
        if (pm.contains(el)) {
          // Elements ProseMirror replaced in the text (a typed character changes one text node).
          for (const n of r.removedNodes)
            if (n instanceof Element)
              w.__outside[`text: replaced <${n.tagName.toLowerCase()} class="${n.className}">`] =
                (w.__outside[
                  `text: replaced <${n.tagName.toLowerCase()} class="${n.className}">`
                ] ?? 0) + 1;
          continue;
        }
        const key = `${r.type} ${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className ? `.${String(el.className).split(" ").join(".")}` : ""}${r.attributeName ? ` [${r.attributeName}]` : ""}`;
        w.__outside[key] = (w.__outside[key] ?? 0) + 1;
      }
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  await typeKeys(page, keys);
  const got = await page.evaluate(() => {
    const w = window as unknown as Record<string, number[]>;
    return {
      lat: w.__lat!,
      proc: w.__proc!,
      dispatch: w.__dispatch!,
      view: w.__view!,
      panels: w.__panels!,
      input: w.__input!,
      delay: w.__delay!,
    };
  });
  const outside = await page.evaluate(
    () => (window as unknown as { __outside: Record<string, number> }).__outside,
  );
  console.log(`typing (keydown → after next frame): ${summary(got.lat)}`);
  console.log(`processing (keydown → after the key's events): ${summary(got.proc)}`);
  console.log(
    `processing as the benchmark (keydown → microtask after input): ${summary(got.input)}`,
  );
  console.log(`input delay (keydown's timestamp → its first listener): ${summary(got.delay)}`);
  console.log(
    `App.dispatch: ${summary(got.dispatch)}  (of which view.updateState: ${summary(got.view)})`,
  );
  console.log(`panels per frame: ${summary(got.panels)}`);
  console.log(
    `DOM changes outside the text, and elements replaced in it, while typing (should be none): ${JSON.stringify(outside)}`,
  );

  // 2. Timeline trace of `keys` keys: ms per event name on the renderer main thread, per key.
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: {
    name: string;
    ph: string;
    dur?: number;
    tid: number;
    pid: number;
    args?: { name?: string };
  }[] = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as typeof events)));
  await cdp.send("Tracing.start", {
    categories:
      process.env.PROFILE_TRACE_CATEGORIES ??
      "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing",
    transferMode: "ReportEvents",
  });
  await typeKeys(page, 20 + keys);
  const done = new Promise<void>((r) => cdp.once("Tracing.tracingComplete", () => r()));
  await cdp.send("Tracing.end");
  await done;
  writeFileSync(
    join(tmpdir(), "protokoll-typing.trace.json"),
    JSON.stringify({ traceEvents: events }),
  );
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const perName = new Map<string, number>();
  for (const e of events) {
    if (!main || e.tid !== main.tid || e.pid !== main.pid || e.ph !== "X" || !e.dur) continue;
    perName.set(e.name, (perName.get(e.name) ?? 0) + e.dur / 1000);
  }
  const n = 20 + keys;
  console.log(
    `\ntimeline, renderer main thread, ms per key (events nest, so the rows overlap; trace in ${join(tmpdir(), "protokoll-typing.trace.json")}):`,
  );
  for (const [name, ms] of [...perName].sort((a, b) => b[1] - a[1]).slice(0, 18))
    console.log(`  ${name.padEnd(28)} ${round(ms / n, 3)}`);

  // 3. CPU profile of `keys` keys: self time per function.
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await typeKeys(page, 20 + keys);
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  writeFileSync(join(tmpdir(), "protokoll-typing.cpuprofile"), JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop() ?? ""}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log(
    `\nCPU self time, ms per key (profile in ${join(tmpdir(), "protokoll-typing.cpuprofile")}):`,
  );
  for (const [name, ms] of [...self]
    .filter(([k]) => !k.startsWith("(idle)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30))
    console.log(`  ${round(ms / n, 3)}\t${name}`);
  if (errors.length) console.log(`\npage errors: ${errors.join("; ")}`);
} finally {
  await browser.close();
  await host.close();
  rmSync(workspace, { recursive: true, force: true });
}
