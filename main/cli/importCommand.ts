/**
 * `protokoll import <file> [-o out.protokoll] [--json] [--force]`: an existing protocol or
 * interpellation answer (.pdf, .docx, .txt) → a `.protokoll` document beside it (same name, the
 * extension replaced). Never overwrites an existing file unless --force (and then keeps a .bak).
 * Exit codes: 0 imported, 1 output not written (exists, cannot write), 2 bad usage or unreadable input.
 */
import { randomBytes } from "node:crypto";
import { link, open, stat, unlink } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { serialize } from "../../schemas/file.js";
import { atomicWrite } from "../files/atomicWrite.js";
import { importDocument, MAX_IMPORT_BYTES } from "../import/importDocument.js";
import type { CliIO, Command } from "./command.js";

const USAGE = "protokoll import <file.pdf|.docx|.txt> [-o out.protokoll] [--json] [--force]";

interface Options {
  input: string;
  output: string | null;
  json: boolean;
  force: boolean;
}

function parseArgs(args: string[]): Options | string {
  let input: string | null = null;
  let output: string | null = null;
  let json = false;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-o" || a === "--output") {
      const v = args[++i];
      if (!v) return "Missing file name after -o / Filnamn saknas efter -o";
      output = v;
    } else if (a.startsWith("--output=")) output = a.slice(9);
    else if (a === "--json") json = true;
    else if (a === "--force" || a === "-f") force = true;
    else if (a.startsWith("-") && a !== "-") return `Unknown option ${a} / Okänt alternativ ${a}`;
    else if (input === null) input = a;
    else return `Only one file can be imported at a time / Bara en fil kan importeras åt gången: ${a}`;
  }
  if (!input) return "No file given / Ingen fil angiven";
  return { input, output, json, force };
}

/** `protokoll.pdf` → `protokoll.protokoll` in the same folder. */
export function defaultOutput(input: string): string {
  const ext = extname(input);
  const base = basename(input, ext) || basename(input);
  return join(dirname(input), `${base}.protokoll`);
}

/** Write a new file without ever replacing one: a temporary file hard-linked to the name (fails if it exists). */
async function writeNew(path: string, text: string): Promise<"written" | "exists"> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const h = await open(tmp, "wx", 0o644);
  try {
    await h.writeFile(text, "utf8");
    await h.sync();
  } finally {
    await h.close();
  }
  try {
    await link(tmp, path);
    return "written";
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return "exists";
    // no hard links on this file system: check, then rename atomically
    if (await stat(path).then(() => true, () => false)) return "exists";
    await atomicWrite(path, text, { backup: false });
    return "written";
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

async function run(args: string[], io: CliIO): Promise<number> {
  const opts = parseArgs(args);
  if (typeof opts === "string") {
    io.err(`${opts}\nUsage / Användning: ${USAGE}`);
    return 2;
  }
  const fail = (code: number, message: string) => {
    if (opts.json) io.out(JSON.stringify({ ok: false, error: message }));
    io.err(message);
    return code;
  };
  const input = resolve(opts.input);
  const info = await stat(input).catch((e: NodeJS.ErrnoException) => e);
  if (info instanceof Error) {
    if (info.code === "ENOENT") return fail(2, `File not found / Filen finns inte: ${opts.input}`);
    if (info.code === "EACCES" || info.code === "EPERM") return fail(2, `No permission to read / Behörighet saknas att läsa: ${opts.input}`);
    return fail(2, `Cannot read / Kan inte läsa ${opts.input}: ${info.message}`);
  }
  if (info.isDirectory()) return fail(2, `Is a folder, not a file / Är en mapp, inte en fil: ${opts.input}`);
  if (info.size > MAX_IMPORT_BYTES) return fail(2, `File too large / Filen är för stor (${Math.round(info.size / 1048576)} MB): ${opts.input}`);
  let bytes: Uint8Array;
  try {
    const h = await open(input, "r");
    try {
      bytes = new Uint8Array(await h.readFile());
    } finally {
      await h.close();
    }
  } catch (e) {
    return fail(2, `Cannot read / Kan inte läsa ${opts.input}: ${e instanceof Error ? e.message : String(e)}`);
  }

  const result = await importDocument(bytes, basename(input));
  if (!result.ok) return fail(2, `Could not import / Kunde inte importera ${opts.input}: ${result.error}`);

  const output = resolve(opts.output ?? defaultOutput(opts.input));
  if (output === input) return fail(1, `The output would replace the input / Utfilen skulle ersätta originalet: ${output}. Use / Använd -o.`);
  const text = serialize(result.file);
  try {
    if (opts.force) await atomicWrite(output, text);
    else if ((await writeNew(output, text)) === "exists")
      return fail(1, `Output exists, not overwritten / Filen finns redan och skrivs inte över: ${output} (use / använd --force)`);
  } catch (e) {
    return fail(1, `Could not write / Kunde inte skriva ${output}: ${e instanceof Error ? e.message : String(e)}`);
  }

  const r = result.report;
  if (opts.json) io.out(JSON.stringify({ ok: true, output, ...r }, null, 2));
  else {
    const what = r.kind === "protokoll" ? `${r.items} § / paragrafer` : `${r.items} questions / frågor`;
    io.out(`Imported / Importerad: ${opts.input} → ${output} (${r.kind}, ${what})`);
    for (const m of r.mergedNames) io.out(`  Merged names / Sammanslagna namn: ${m.kept} ← ${m.variants.join(", ")}`);
    if (r.uncertain.length) {
      io.out(`  Check these / Kontrollera (${r.uncertain.length}):`);
      for (const u of r.uncertain) io.out(`  - ${u.item !== null ? `§ ${u.item}: ` : ""}${u.message}`);
    }
  }
  return 0;
}

export const importCommand: Command = {
  name: "import",
  summary: "Import a protocol or interpellation answer (.pdf, .docx, .txt) / Importera ett protokoll eller interpellationssvar",
  usage: USAGE,
  run,
};
