/**
 * Imports run in a worker thread (issue 13, item 4): a hostile or broken PDF or Word file can then
 * at worst fail its own import — after IMPORT_TIMEOUT_MS, or when the worker's heap is full — and
 * never take the web host or the app down with it. The worker's resourceLimits do not count
 * ArrayBuffers, so the bytes are capped explicitly too: the input (MAX_IMPORT_BYTES), the inflated
 * DOCX (main/files/boundedUnzip.ts) and the PDF's pages (extractText).
 *
 * The worker sends the document back as its canonical text (a ProseMirror node does not cross
 * threads); it is parsed here with the same `parse` as every other boundary.
 */
import { Worker } from "node:worker_threads";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "../../schemas/file.js";
import type { ImportReport, ImportResult } from "../import/importDocument.js";

export const IMPORT_TIMEOUT_MS = 60_000;
/** The worker's own heap (the host's is separate). */
export const IMPORT_HEAP_MB = 1024;

/** In the built app the modules are .js; run from source (tests, `npm run web`) they are .ts, loaded through tsx. */
function modules(): { importer: string; file: string; tsx: string | null } {
  const here = import.meta.url;
  const fromSource = here.endsWith(".ts");
  const ext = fromSource ? "ts" : "js";
  const tsx = fromSource
    ? fileURLToPath(new URL("../../node_modules/tsx/dist/esm/api/index.mjs", here))
    : null;
  return {
    importer: new URL(`../import/importDocument.${ext}`, here).href,
    file: new URL(`../../schemas/file.${ext}`, here).href,
    tsx: tsx && existsSync(tsx) ? pathToFileURL(tsx).href : null,
  };
}

const WORKER_SOURCE = `
const { workerData, parentPort } = require("node:worker_threads");
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  const { importDocument } = await import(workerData.importer);
  const { serialize } = await import(workerData.file);
  const r = await importDocument(workerData.bytes, workerData.name);
  parentPort.postMessage(r.ok ? { ok: true, text: serialize(r.file), report: r.report } : { ok: false, error: r.error });
})().catch((e) => parentPort.postMessage({ ok: false, error: String((e && e.message) || e) }));
`;

type WorkerAnswer = { ok: true; text: string; report: ImportReport } | { ok: false; error: string };

export function importInWorker(
  bytes: Uint8Array,
  fileName: string,
  options: { timeoutMs?: number; heapMb?: number } = {},
): Promise<ImportResult> {
  const timeoutMs = options.timeoutMs ?? IMPORT_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: ImportResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...modules(), bytes, name: fileName },
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? IMPORT_HEAP_MB },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          error: `Importen av ”${fileName}” avbröts efter ${Math.round(timeoutMs / 1000)} sekunder – filen är för stor eller för komplicerad (import timed out).`,
        }),
      timeoutMs,
    );
    worker.on("message", (m: WorkerAnswer) => {
      if (!m.ok) return finish({ ok: false, error: m.error });
      const parsed = parse(m.text);
      if (!parsed.ok)
        return finish({
          ok: false,
          error: `Importen gav inget giltigt dokument (${parsed.errors[0]?.message ?? "okänt fel"}).`,
        });
      finish({ ok: true, file: parsed.file, report: m.report });
    });
    worker.on("error", (e) => {
      const memory =
        /memory|heap/i.test(e.message) ||
        (e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
      finish({
        ok: false,
        error: memory
          ? `Importen av ”${fileName}” behövde för mycket minne och avbröts (out of memory).`
          : `Importen misslyckades: ${e.message}`,
      });
    });
    worker.on("exit", () =>
      finish({ ok: false, error: "Importen avbröts oväntat (import worker exited)." }),
    );
  });
}
