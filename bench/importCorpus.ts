/**
 * Import of a real protocol PDF: the largest PDF of the shared corpus (../shared/corpus beside the
 * checkout, or PROTOKOLL_CORPUS) through `importDocument`, next to two baselines measured in the
 * same run on the same file: pdfjs reading its text alone (`extractText`, the part of the import
 * the importer does not own) and Poppler's `pdftotext -layout` (a native reader, when installed).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { extractText } from "../main/import/extractText.js";
import { importDocument } from "../main/import/importDocument.js";
import { round, time } from "./measure.js";

export interface CorpusImportResult {
  file: string;
  pages: number | null;
  sizeKB: number;
  importMs: number | null;
  extractMs: number | null;
  pdftotextMs: number | null;
  /** import ÷ pdfjs text extraction: what the pipeline's own stages add. */
  ratioImportToExtract: number | null;
  items: number | null;
}

function findCorpus(): string | null {
  const candidates = [
    process.env.PROTOKOLL_CORPUS,
    join("..", "shared", "corpus"),
    join("..", "..", "shared", "corpus"),
  ];
  return (
    candidates.find((d): d is string => !!d && d !== "none" && existsSync(join(d, "INDEX.md"))) ??
    null
  );
}

export async function benchCorpusImport(): Promise<CorpusImportResult | null> {
  const dir = findCorpus();
  if (!dir) return null;
  const pdfs = readdirSync(dir)
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => ({ f, size: statSync(join(dir, f)).size }));
  const largest = pdfs.sort((a, b) => b.size - a.size)[0];
  if (!largest) return null;
  const path = join(dir, largest.f);
  const bytes = () => new Uint8Array(readFileSync(path)); // pdfjs takes ownership: a fresh copy each run
  let items: number | null = null;
  const imp = await time(
    async () => {
      const r = await importDocument(bytes(), largest.f);
      items = r.ok ? r.report.items : null;
    },
    3,
    1,
  );
  const ext = await time(() => extractText(bytes(), largest.f), 3, 1);
  let pdftotextMs: number | null = null;
  if (spawnSync("pdftotext", ["-v"]).status === 0) {
    const t = await time(
      () =>
        spawnSync("pdftotext", ["-layout", path, "-"], {
          encoding: "utf8",
          maxBuffer: 64 * 1024 * 1024,
        }),
      3,
      1,
    );
    pdftotextMs = round(t.median);
  }
  const info = spawnSync("pdfinfo", [path], { encoding: "utf8" });
  const pages =
    info.status === 0 ? Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? NaN) || null : null;
  return {
    file: largest.f,
    pages,
    sizeKB: round(largest.size / 1024, 0) ?? 0,
    importMs: round(imp.median),
    extractMs: round(ext.median),
    pdftotextMs,
    ratioImportToExtract: round(imp.median / ext.median),
    items,
  };
}
