/**
 * `npm run bench`: speed and memory of Protokoll at 50, 200 and 500 §§, each next to a baseline
 * measured in the same run (machines here are shared and noisy, so ratios matter more than
 * milliseconds). Writes bench/results/latest.json and prints a Markdown table.
 * Method: bench/README.md.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  existsSync,
} from "node:fs";
import { cpus, totalmem, tmpdir, type as osType, release } from "node:os";
import { join } from "node:path";
import { TextSelection } from "prosemirror-state";
import { atomicWrite } from "../main/files/atomicWrite.js";
import { importText } from "../main/import/importDocument.js";
import { serialize, parse } from "../schemas/file.js";
import { createIncrementalValidator, validate } from "../schemas/rules/index.js";
import { EditorState } from "prosemirror-state";
import { generateProtocol } from "./generate.js";
import { round, stats, time, type Stats } from "./measure.js";
import { scaleSeedText } from "./scaleSeed.js";
import { browserBench, type BrowserResult } from "./browser.js";
import { reviewDiffBench } from "./reviewDiff.js";
import { startupBench } from "./startup.js";
import { benchCorpusImport } from "./importCorpus.js";

// BENCH_SIZES=none: only the CLI start-up and the review diff (written to bench/results/quick.json).
// BENCH_PARTS=browser: only the browser part (typing, spell-check, baselines), e.g. while profiling;
// its results go to latest-browser.json so the full run's latest.json stays whole.
const nodeParts = !process.env.BENCH_PARTS || process.env.BENCH_PARTS.split(",").includes("node");
const sizes = (process.env.BENCH_SIZES ?? "50,200,500")
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const tmp = mkdtempSync(join(tmpdir(), "protokoll-bench-"));
// Seed 002's source text, as kept beside the seed (a copy of ../shared/seeds/002_…).
const seedText = readFileSync(
  join(
    "seeds",
    readdirSync("seeds").find((f) => f.startsWith("002-") && f.endsWith(".txt"))!,
  ),
  "utf8",
);

const s = (x: Stats) => ({ median: round(x.median), p95: round(x.p95), max: round(x.max), n: x.n });

function runExport(path: string, format: "docx" | "pdf", out: string) {
  const r = spawnSync("node", ["--import", "tsx", "bench/exportWorker.ts", path, format, out], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`export ${format} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as {
    ms: number;
    cpuMs: number;
    maxRssMB: number;
    bytes: number;
  };
}

function libreOfficeToPdf(docx: string): number | null {
  const outDir = mkdtempSync(join(tmp, "lo-"));
  const profile = `file://${mkdtempSync(join(tmp, "lo-profile-"))}`;
  const t0 = performance.now();
  const r = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      docx,
    ],
    { encoding: "utf8", timeout: Number(process.env.BENCH_LO_TIMEOUT_MS ?? 300_000) },
  );
  const ms = performance.now() - t0;
  return r.status === 0 && readdirSync(outDir).some((f) => f.endsWith(".pdf")) ? ms : null;
}

type Summary = ReturnType<typeof s>;
interface Row {
  items: number;
  fileKB: number | null;
  parse?: Summary;
  validateFull?: Summary;
  validateIncremental?: Summary;
  save?: Summary;
  import?: Summary;
  docx?: { ms: number | null; cpuMs?: number | null; maxRssMB: number | null };
  pdf?: { ms: number | null; cpuMs?: number | null; maxRssMB: number | null };
  libreOfficePdf?: { ms: number | null };
  pdfSpeedupVsLibreOffice?: number | null;
  browser?: BrowserResult | null;
}
// CLI start-up and the review diff, each with its baseline from this run.
process.stderr.write("\n— protokoll start-up (compiled CLI) —\n");
const startup = startupBench();
process.stderr.write(JSON.stringify(startup) + "\n");
process.stderr.write("\n— review diff —\n");
const reviewDiff = await reviewDiffBench();
process.stderr.write(JSON.stringify(reviewDiff) + "\n");

const results: Row[] = [];
for (const n of sizes) {
  process.stderr.write(`\n— ${n} §§ —\n`);
  const file = generateProtocol({ items: n, seed: 2026 });
  const text = serialize(file);
  const path = join(tmp, `protokoll-${n}.protokoll`);
  writeFileSync(path, text);
  const row: Row = { items: n, fileKB: round(text.length / 1024, 0) };
  if (nodeParts) {
    // Parse + check (the well-formedness boundary).
    row.parse = s(await time(() => parse(text), 5, 1));

    // Validation: full, and incremental after one keystroke in the middle §.
    row.validateFull = s(await time(() => validate(file.doc, file.meta, file.kind), 5, 2));
    {
      const validator = createIncrementalValidator();
      let state = EditorState.create({ doc: file.doc });
      validator.update(state.doc, file.meta);
      const mid = file.doc.child(Math.floor(n / 2));
      let pos = 0;
      file.doc.forEach((node, offset) => {
        if (node === mid) pos = offset;
      });
      // The end of the middle §'s title.
      const titleEnd = pos + 1 + mid.child(0).nodeSize - 1;
      state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, titleEnd)));
      const samples: number[] = [];
      for (let k = 0; k < 220; k++) {
        state = state.apply(state.tr.insertText("x"));
        const t0 = performance.now();
        validator.update(state.doc, file.meta);
        if (k >= 20) samples.push(performance.now() - t0);
      }
      row.validateIncremental = s(stats(samples));
    }

    // Save: serialize + atomic write (temp file, fsync, rename, fsync folder).
    row.save = s(
      await time(() => atomicWrite(join(tmp, `save-${n}.protokoll`), serialize(file)), 5, 1),
    );

    // Import of seed 002's text scaled up to the size.
    const scaled = scaleSeedText(seedText, n);
    row.import = s(await time(() => importText(scaled, "seed-002-scaled.txt"), 3, 1));

    // DOCX and PDF in their own processes (time and peak memory), LibreOffice's DOCX→PDF as baseline.
    const docx = runExport(path, "docx", join(tmp, `p-${n}.docx`));
    const pdf = runExport(path, "pdf", join(tmp, `p-${n}.pdf`));
    const lo = libreOfficeToPdf(join(tmp, `p-${n}.docx`));
    row.docx = { ms: round(docx.ms), cpuMs: round(docx.cpuMs), maxRssMB: round(docx.maxRssMB, 0) };
    row.pdf = { ms: round(pdf.ms), cpuMs: round(pdf.cpuMs), maxRssMB: round(pdf.maxRssMB, 0) };
    row.libreOfficePdf = { ms: lo === null ? null : round(lo) };
    row.pdfSpeedupVsLibreOffice = lo === null ? null : round(lo / pdf.ms);
  }

  // Open and typing in Chromium through the web host, next to a plain contenteditable.
  // BENCH_BROWSER=0 skips the editor part (to measure the exports alone).
  const browser: BrowserResult | null =
    process.env.BENCH_BROWSER !== "0" && existsSync("/usr/bin/chromium")
      ? await browserBench(path, file).catch((e: unknown) => {
          process.stderr.write(`browser bench failed: ${e instanceof Error ? e.stack : e}\n`);
          return null;
        })
      : null;
  row.browser = browser;
  results.push(row);
  process.stderr.write(JSON.stringify(row) + "\n");
}

const machine = {
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
  memoryGB: round(totalmem() / 2 ** 30, 1),
  os: `${osType()} ${release()}`,
  node: process.version,
  chromium: (() => {
    try {
      return execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim();
    } catch {
      return null;
    }
  })(),
};
// Import of the largest real protocol PDF of the corpus, with its baselines (bench/importCorpus.ts).
process.stderr.write("\n— corpus PDF import —\n");
const corpusImport = await benchCorpusImport().catch((e: unknown) => {
  process.stderr.write(`corpus import bench failed: ${e instanceof Error ? e.stack : e}\n`);
  return null;
});
const out = {
  date: new Date().toISOString(),
  machine,
  sizes,
  startup,
  reviewDiff,
  results,
  corpusImport,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  !nodeParts
    ? "bench/results/latest-browser.json"
    : sizes.length
      ? "bench/results/latest.json"
      : "bench/results/quick.json",
  JSON.stringify(out, null, 2) + "\n",
);
rmSync(tmp, { recursive: true, force: true });

const f = (x: unknown) => (x === null || x === undefined ? "–" : String(x));
const lines = [
  "| §§ | open (ms) | typing p50 / p95 / max (ms) | plain p95 (ms) | ratio p95 | processing p95 / plain (ms) | validate full (ms) | incremental p95 (ms) | save (ms) | DOCX ms / MB | PDF ms / MB | LibreOffice PDF (ms) | PDF speed-up | import (ms) | tab memory (MB) |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
];
for (const r of results) {
  const b = r.browser ?? null;
  lines.push(
    `| ${r.items} | ${f(b?.openMs)} | ${b ? `${b.typing.p50} / ${b.typing.p95} / ${b.typing.max}` : "–"} | ${f(b?.plain.p95)} | ${f(b?.ratioP95)} | ${b ? `${b.processing.p95} / ${b.plainProcessing.p95}` : "–"} | ${f(r.validateFull?.median)} | ${f(r.validateIncremental?.p95)} | ${f(r.save?.median)} | ${f(r.docx?.ms)} / ${f(r.docx?.maxRssMB)} | ${f(r.pdf?.ms)} / ${f(r.pdf?.maxRssMB)} | ${f(r.libreOfficePdf?.ms)} | ${f(r.pdfSpeedupVsLibreOffice)}× | ${f(r.import?.median)} | ${f(b?.heapMB)} |`,
  );
}
// The spell-check's cost while typing and the floor of our stack (a bare ProseMirror editor).
const spellLines = [
  "| §§ | processing p95 spell on / off (ms) | typing p95 spell on / off (ms) | typing on ÷ off | bare ProseMirror processing / typing p95 (ms) | our processing ÷ bare | whole document in the worker (words, ms) | real documents' words in the worker (words, ms) | first pass after open (ms) |",
  "|---|---|---|---|---|---|---|---|---|",
];
for (const r of results) {
  const b = r.browser ?? null;
  if (!b) continue;
  spellLines.push(
    `| ${r.items} | ${f(b.processing.p95)} / ${f(b.spellOff.processing.p95)} | ${f(b.typing.p95)} / ${f(b.spellOff.typing.p95)} | ${f(b.spellTypingRatioP95)} | ${f(b.bare.processing.p95)} / ${f(b.bare.typing.p95)} | ${f(b.processingVsBareP95)} | ${f(b.spellWholeDocument?.words)}, ${f(b.spellWholeDocument?.ms)} | ${f(b.spellRealVocabulary?.words)}, ${f(b.spellRealVocabulary?.ms)} | ${f(b.spellFirstPassMs)} |`,
  );
}
if (spellLines.length > 2) lines.push("", ...spellLines);
// The processing per key in its two parts: the key's way to the page, and the page's work.
const partLines = [
  "| §§ | input delay p50 / p95, spell on (ms) | in the page p50 / p95: spell on / off / bare ProseMirror (ms) |",
  "|---|---|---|",
];
for (const r of results) {
  const parts = r.browser?.processingParts;
  if (!parts) continue;
  const pp = (d: { p50: number | null; p95: number | null }) => `${f(d.p50)} / ${f(d.p95)}`;
  partLines.push(
    `| ${r.items} | ${pp(parts.on.inputDelay)} | ${pp(parts.on.inPage)}; ${pp(parts.off.inPage)}; ${pp(parts.bare.inPage)} |`,
  );
}
if (partLines.length > 2) lines.push("", ...partLines);
if (corpusImport)
  lines.push(
    "",
    "| corpus PDF | pages | §§ | import (ms) | pdfjs text only (ms) | import ÷ text | pdftotext -layout (ms) |",
    "|---|---|---|---|---|---|---|",
    `| ${corpusImport.file} (${corpusImport.sizeKB} KB) | ${f(corpusImport.pages)} | ${f(corpusImport.items)} | ${f(corpusImport.importMs)} | ${f(corpusImport.extractMs)} | ${f(corpusImport.ratioImportToExtract)}× | ${f(corpusImport.pdftotextMs)} |`,
  );
const startupLines = [
  "| command | median (ms) | p95 (ms) | ÷ `node -e 0` | target |",
  "|---|---|---|---|---|",
  `| \`node -e 0\` (baseline) | ${f(startup.nodeBaseline.median)} | ${f(startup.nodeBaseline.p95)} | 1 | |`,
  `| \`protokoll --help\` | ${f(startup.help.median)} | ${f(startup.help.p95)} | ${f(startup.help.ratio)} | ≤ 300 ms |`,
  `| \`protokoll validate\` seed 002 | ${f(startup.validate.median)} | ${f(startup.validate.p95)} | ${f(startup.validate.ratio)} | ≤ 500 ms |`,
];
const d = reviewDiff;
const diffLines = [
  "| review diff | ms (median) | baseline in the same run | target |",
  "|---|---|---|---|",
  `| \`changesSince\`, § of ${d.words} words, 2 edits: first look / refresh | ${f(d.changesSinceFirstMs)} / ${f(d.changesSinceMs)} (CPU ${f(d.cpuMs.first)} / ${f(d.cpuMs.refresh)}) | | ≤ 20 ms |`,
  `| \`diffWords\` alone, same § | ${f(d.diffWordsMs)} | plain word-by-word pass ${f(d.plainPassMs)} ms (× ${f(d.ratioToPlainPass)}) | |`,
  `| \`diffWords\`, § of ${d.oldLcs.words} words, 2 edits | ${f(d.oldLcs.newMs)} | old LCS diff ${f(d.oldLcs.ms)} ms (${f(d.oldLcs.speedup)}× slower) | |`,
];
process.stdout.write(
  `\nMachine: ${machine.cpus}, ${machine.memoryGB} GB, ${machine.os}, Node ${machine.node}, ${machine.chromium ?? "no Chromium"}\n` +
    `${startup.compiled ? "" : "\nNOTE: the CLI ran through tsx (not built): run npm run build:main first.\n"}` +
    `\n${startupLines.join("\n")}\n\n${diffLines.join("\n")}\n` +
    (results.length || corpusImport ? `\n${lines.join("\n")}\n` : ""),
);
