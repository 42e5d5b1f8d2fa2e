/**
 * The importer measured on the shared corpus of real protocols from other municipalities: every
 * document is imported (its original PDF where there is one, else its text) and scored against its
 * hand-checked `.expected.json` with the counting of shared/tools/score-import.py (ported in
 * scoreImport.testkit.ts; checked against the Python script on some documents). The per-document
 * table is printed. Set PROTOKOLL_CORPUS to the corpus folder, or to "none" to skip on purpose;
 * otherwise a missing corpus fails the test.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serialize } from "../../schemas/file.js";
import { importDocument } from "./importDocument.js";
import { scoreProtocol, type ProtocolScore } from "./scoreImport.testkit.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const fromEnv = process.env.PROTOKOLL_CORPUS;
const skip = fromEnv === "none";
/** The corpus beside the checkout (CI), or beside the worktrees' folder (a worktree of the repository). */
const corpusDir = skip
  ? null
  : ([fromEnv, join(repoRoot, "../shared/corpus"), join(repoRoot, "../../shared/corpus")].find(
      (d): d is string => !!d && existsSync(join(d, "INDEX.md")),
    ) ?? null);

interface Row {
  name: string;
  source: "pdf" | "txt";
  seconds: number;
  score: ProtocolScore;
  outFile: string;
}

describe.skipIf(skip)(
  "the corpus of other municipalities' protocols imports with the expected structure",
  () => {
    const rows: Row[] = [];
    let work = "";

    beforeAll(async () => {
      if (!corpusDir) return;
      work = mkdtempSync(join(tmpdir(), "protokoll-corpus-"));
      const names = readdirSync(corpusDir)
        .filter((f) => f.endsWith(".expected.json"))
        .map((f) => f.slice(0, -".expected.json".length))
        .sort();
      for (const name of names) {
        const pdf = join(corpusDir, `${name}.pdf`);
        const source = existsSync(pdf) ? "pdf" : "txt";
        const path = source === "pdf" ? pdf : join(corpusDir, `${name}.txt`);
        const started = performance.now();
        const result = await importDocument(new Uint8Array(readFileSync(path)), path);
        const seconds = (performance.now() - started) / 1000;
        if (!result.ok) throw new Error(`${name}: ${result.error}`);
        const text = serialize(result.file);
        const outFile = join(work, `${name}.protokoll`);
        writeFileSync(outFile, text);
        const expected = JSON.parse(
          readFileSync(join(corpusDir, `${name}.expected.json`), "utf8"),
        ) as Record<string, unknown>;
        rows.push({
          name,
          source,
          seconds,
          score: scoreProtocol(expected, JSON.parse(text) as Record<string, unknown>),
          outFile,
        });
      }
      const pad = (s: string | number, n: number) => String(s).padEnd(n);
      const table = [
        `${pad("document", 48)}${pad("from", 5)}${pad("score", 7)}${pad("§§ F1", 7)}${pad("titles", 7)}${pad("dnr", 7)}${pad("counts", 7)}${pad("meta", 6)}seconds`,
        ...rows.map(
          (r) =>
            `${pad(r.name.slice(0, 47), 48)}${pad(r.source, 5)}${pad(r.score.score.toFixed(3), 7)}${pad(r.score.sections_f1.toFixed(3), 7)}${pad(r.score.titles.toFixed(3), 7)}${pad(r.score.dnr.toFixed(3), 7)}${pad(r.score.counts.toFixed(3), 7)}${pad(r.score.meta.toFixed(3), 6)}${r.seconds.toFixed(1)}`,
        ),
        ...rows
          .filter((r) => r.score.misses.length)
          .map((r) => `  ${r.name.slice(0, 2)} misses: ${r.score.misses.slice(0, 12).join(", ")}`),
      ];
      console.log(table.join("\n"));
    }, 600_000);

    afterAll(() => {
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it("finds the corpus (set PROTOKOLL_CORPUS=none to leave this test out on purpose)", () => {
      expect(
        corpusDir,
        `corpus not found beside the checkout (${join(repoRoot, "../shared/corpus")}) and PROTOKOLL_CORPUS not set`,
      ).not.toBeNull();
      expect(rows.length).toBe(12);
    });

    it("imports the original PDF of documents 01–09 to a mean score of at least 0.95, none below 0.85", () => {
      const pdfs = rows.filter((r) => /^0\d-/.test(r.name));
      expect(pdfs.length).toBe(9);
      expect(pdfs.every((r) => r.source === "pdf")).toBe(true);
      const mean = pdfs.reduce((s, r) => s + r.score.score, 0) / pdfs.length;
      expect(mean).toBeGreaterThanOrEqual(0.95);
      for (const r of pdfs) expect(r.score.score, r.name).toBeGreaterThanOrEqual(0.85);
    });

    it("imports the text conversions 10–12 (light Markdown) to at least 0.85 each", () => {
      const texts = rows.filter((r) => /^1\d-/.test(r.name));
      expect(texts.length).toBe(3);
      for (const r of texts) expect(r.score.score, r.name).toBeGreaterThanOrEqual(0.85);
    });

    it("scores with the same counting as shared/tools/score-import.py", () => {
      const script = join(corpusDir!, "../tools/score-import.py");
      expect(existsSync(script)).toBe(true);
      // one PDF with votes and reservations, one Markdown text
      for (const r of rows.filter((x) => /^(01|11)-/.test(x.name))) {
        const py = JSON.parse(
          execFileSync(
            "python3",
            [script, join(corpusDir!, `${r.name}.expected.json`), r.outFile],
            { encoding: "utf8" },
          ),
        ) as ProtocolScore;
        expect({
          score: r.score.score,
          f1: r.score.sections_f1,
          titles: r.score.titles,
          dnr: r.score.dnr,
          counts: r.score.counts,
          meta: r.score.meta,
          misses: r.score.misses,
        }).toEqual({
          score: py.score,
          f1: py.sections_f1,
          titles: py.titles,
          dnr: py.dnr,
          counts: py.counts,
          meta: py.meta,
          misses: py.misses,
        });
      }
    });
  },
);
