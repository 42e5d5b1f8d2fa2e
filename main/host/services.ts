/**
 * The services the host handlers call, loaded when first needed: importing pulls in PDF and Word
 * readers and exporting pulls in pdfkit and docx, none of which the editor needs to start.
 */
import type { ProtokollFile } from "../../schemas/file.js";
import type { ExportOptions, ExportResult } from "../export/exportDocument.js";
import type { ImportReport, ImportResult } from "../import/importDocument.js";

export type { ExportOptions, ExportResult, ImportReport, ImportResult };

/** Imports run in a worker thread with a timeout and byte caps (importWorker.ts), never in the host itself. */
export async function importDocument(bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  const { importInWorker } = await import("./importWorker.js");
  return importInWorker(bytes, fileName);
}

export async function exportDocument(
  file: ProtokollFile,
  options: ExportOptions,
): Promise<ExportResult> {
  const { exportDocument: run } = await import("../export/exportDocument.js");
  return run(file, options);
}

/** The importer's report as the Swedish lines the editor shows after an import. */
export function reportLines(report: ImportReport): string[] {
  const lines = report.uncertain.map((u) =>
    u.item !== null ? `§ ${u.item}: ${u.message}` : u.message,
  );
  for (const m of report.mergedNames)
    lines.push(`Namnformer sammanslagna till ${m.kept}: ${m.variants.join(", ")}`);
  return lines;
}
