/**
 * One export in a fresh process, so its time and peak memory (max RSS) are its own:
 *   node --import tsx bench/exportWorker.ts <file.protokoll> <docx|pdf> <out>
 * Prints {"ms": …, "cpuMs": …, "maxRssMB": …, "bytes": …}.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { exportDocument } from "../main/export/exportDocument.js";
import { parse } from "../schemas/file.js";
import { templates } from "../templates/index.js";

const [path, format, out] = process.argv.slice(2) as [string, "docx" | "pdf", string];
const parsed = parse(readFileSync(path, "utf8"));
if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
// Warm the module graph (fonts, docx, pdfkit) on the template's two-§ document, so the timing is
// the export itself and not the first call's start-up.
await exportDocument(templates.socialnamnd!.create({ date: "2026-11-17" }), {
  format,
  output: "full",
  draft: true,
});
const t0 = performance.now();
const c0 = process.cpuUsage();
const r = await exportDocument(parsed.file, { format, output: "full", draft: true });
const ms = performance.now() - t0;
// CPU time of the export itself: on a shared, loaded machine the wall time mostly measures the others.
const cpu = process.cpuUsage(c0);
const cpuMs = (cpu.user + cpu.system) / 1000;
if (!r.ok) throw new Error(r.error);
writeFileSync(out, r.bytes);
process.stdout.write(
  JSON.stringify({
    ms,
    cpuMs,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    bytes: r.bytes.length,
  }) + "\n",
);
