/**
 * Where an export spends its time, phase by phase, on a generated protocol:
 *   node --import tsx bench/profileExport.ts docx|pdf [items=500] [reps=1]
 * Phases: generate (not part of an export), render model (schemas/render), writer build
 * (the `docx` Document / the pdfkit drawing), serialization (Packer + dc:language / pdfkit end),
 * and the whole `exportDocument` call. Add `node --cpu-prof --cpu-prof-dir=…` to see functions;
 * `node --import tsx bench/profileExport.ts --summarize <file.cpuprofile | folder>` sums self time
 * by file and by function (given a folder, its largest profile: tsx's loader thread writes a
 * small second one). Example:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profileExport.ts docx 500
 *   node --import tsx bench/profileExport.ts --summarize /tmp/prof
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { exportDocument } from "../main/export/exportDocument.js";
import { buildDocx, writeDocx } from "../main/export/writeDocx.js";
import { writePdf } from "../main/export/writePdf.js";
import { renderDocument } from "../schemas/render/renderDocument.js";
import { generateProtocol } from "./generate.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) per function and per file of a V8 .cpuprofile, the largest first. */
function summarize(target: string, top = 40) {
  const path = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((f) => f.endsWith(".cpuprofile"))
        .map((f) => join(target, f))
        .sort((a, b) => statSync(b).size - statSync(a).size)[0]!
    : target;
  console.log(`# ${path}`);
  const p = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  const byUrl = new Map<string, number>();
  const short = (url: string) =>
    url.replace(/^file:\/\/.*?\/node_modules\//, "nm/").replace(/^file:\/\/\/work\/main\//, "");
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const f = `${n.callFrame.functionName || "(anonymous)"} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    byFn.set(f, (byFn.get(f) ?? 0) + us);
    const u = short(n.callFrame.url) || n.callFrame.functionName;
    byUrl.set(u, (byUrl.get(u) ?? 0) + us);
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n## ${title} (total ${(total / 1000).toFixed(0)} ms)`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${(us / 1000).toFixed(1).padStart(9)} ms  ${k}`);
  };
  print("Self time by file", byUrl);
  print("Self time by function", byFn);
}

const ms = (t0: number) => Math.round(performance.now() - t0);

async function profile(format: "docx" | "pdf", items: number, reps: number) {
  let t0 = performance.now();
  const file = generateProtocol({ items, seed: 2026 });
  console.log(`generate ${items} §§: ${ms(t0)} ms`);
  for (let rep = 0; rep < reps; rep++) {
    t0 = performance.now();
    const r = renderDocument(file, { output: "full", draft: true });
    if (!r.ok) throw new Error(r.error);
    const render = ms(t0);
    const phases: Record<string, number> = { render };
    let bytes = 0;
    if (format === "docx") {
      t0 = performance.now();
      buildDocx(r.rendered);
      phases.build = ms(t0);
      // writeDocx = build + Packer + dc:language; its time minus the build is the serialization.
      t0 = performance.now();
      bytes = (await writeDocx(r.rendered)).length;
      phases.serialize = ms(t0) - phases.build;
    } else {
      // pdfkit draws and serializes in one pass (pages are flushed at the end).
      t0 = performance.now();
      bytes = (await writePdf(r.rendered)).length;
      phases.drawAndSerialize = ms(t0);
    }
    t0 = performance.now();
    const whole = await exportDocument(file, { format, output: "full", draft: true });
    if (!whole.ok) throw new Error(whole.error);
    phases.exportDocument = ms(t0);
    const rss = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(
      `${format} ${items} §§ #${rep + 1}: ${JSON.stringify(phases)} bytes=${bytes} maxRSS=${rss} MB`,
    );
  }
}

const args = process.argv.slice(2);
if (args[0] === "--summarize") summarize(args[1]!, Number(args[2] ?? 40));
else {
  const format = args[0] === "pdf" ? "pdf" : args[0] === "docx" ? "docx" : null;
  if (!format) {
    console.error(
      "Usage: node --import tsx bench/profileExport.ts docx|pdf [items] [reps]  |  --summarize <file.cpuprofile>",
    );
    process.exit(2);
  }
  await profile(format, Number(args[1] ?? 500), Number(args[2] ?? 1));
}
