/**
 * `protokoll import <file> [-o out.protokoll] [--json] [--force]`: an existing protocol or
 * interpellation answer (.pdf, .docx, .txt) → a `.protokoll` document beside it (same name, the
 * extension replaced). Never overwrites an existing file unless --force (and then keeps a .bak).
 * Exit codes: 0 imported, 1 output not written (exists, cannot write), 2 bad usage or unreadable input.
 */
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { serialize } from "../../schemas/file.js";
import { writeOutputFile } from "../files/safeOutput.js";
import { importDocument, MAX_IMPORT_BYTES } from "../import/importDocument.js";
import { parseCommandArgs } from "./args.js";
import type { CliIO, Command } from "./command.js";
import { commandInfo } from "./usage.js";

const { usage: USAGE, summary } = commandInfo.import;

interface Options {
  input: string;
  output: string | null;
  json: boolean;
  force: boolean;
}

function parseArgs(args: string[]): Options | string {
  const parsed = parseCommandArgs(args, {
    output: { type: "string", short: "o" },
    json: { type: "boolean" },
    force: { type: "boolean", short: "f" },
  });
  if (!parsed.ok) return parsed.error;
  const [input, extra] = parsed.positionals;
  if (extra !== undefined)
    return "Only one file can be imported at a time / Bara en fil kan importeras åt gången";
  if (!input) return "No file given / Ingen fil angiven";
  const { output, json, force } = parsed.values;
  if (output === "") return "Missing file name after -o / Filnamn saknas efter -o";
  return { input, output: output ?? null, json: json === true, force: force === true };
}

/** `protokoll.pdf` → `protokoll.protokoll` in the same folder. */
export function defaultOutput(input: string): string {
  const ext = extname(input);
  const base = basename(input, ext) || basename(input);
  return join(dirname(input), `${base}.protokoll`);
}

async function run(args: string[], io: CliIO): Promise<number> {
  // Tjänsteskrivelser into a kallelse (issue 18): its own module.
  if (args.some((a) => a === "--agenda" || a.startsWith("--agenda=")))
    return (await import("./agendaImportCommand.js")).runAgendaImport(args, io);
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
    if (info.code === "EACCES" || info.code === "EPERM")
      return fail(2, `No permission to read / Behörighet saknas att läsa: ${opts.input}`);
    return fail(2, `Cannot read / Kan inte läsa ${opts.input}: ${info.message}`);
  }
  if (info.isDirectory())
    return fail(2, `Is a folder, not a file / Är en mapp, inte en fil: ${opts.input}`);
  // A named pipe or a device (/dev/zero) would block or never end: regular files only.
  if (!info.isFile()) return fail(2, `Not a regular file / Inte en vanlig fil: ${opts.input}`);
  if (info.size > MAX_IMPORT_BYTES)
    return fail(
      2,
      `File too large / Filen är för stor (${Math.round(info.size / 1048576)} MB, at most / högst ${MAX_IMPORT_BYTES / 1048576} MB): ${opts.input}`,
    );
  let bytes: Uint8Array;
  try {
    // Non-blocking, and checked again once open, in case the file was swapped for a pipe since.
    const h = await open(input, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const now = await h.stat();
      if (!now.isFile() || now.size > MAX_IMPORT_BYTES)
        return fail(
          2,
          `Not a regular file of at most ${MAX_IMPORT_BYTES / 1048576} MB / Inte en vanlig fil på högst ${MAX_IMPORT_BYTES / 1048576} MB: ${opts.input}`,
        );
      bytes = new Uint8Array(await h.readFile());
    } finally {
      await h.close();
    }
  } catch (e) {
    return fail(
      2,
      `Cannot read / Kan inte läsa ${opts.input}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }

  const result = await importDocument(bytes, basename(input));
  if (!result.ok)
    return fail(2, `Could not import / Kunde inte importera ${opts.input}: ${result.error}`);

  const output = resolve(opts.output ?? defaultOutput(opts.input));
  if (output === input)
    return fail(
      1,
      `The output would replace the input / Utfilen skulle ersätta originalet: ${output}. Use / Använd -o.`,
    );
  const text = serialize(result.file);
  try {
    // A regular file or a new name only; never through a symbolic link (issue 13, item 5).
    const written = await writeOutputFile(output, text, { replace: opts.force, backup: true });
    if (written === "exists")
      return fail(
        1,
        `Output exists, not overwritten / Filen finns redan och skrivs inte över: ${output} (use / använd --force)`,
      );
  } catch (e) {
    return fail(
      1,
      `Could not write / Kunde inte skriva ${output}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }

  const r = result.report;
  if (opts.json) io.out(JSON.stringify({ ok: true, output, ...r }, null, 2));
  else {
    const what =
      r.kind === "protokoll" ? `${r.items} § / paragrafer` : `${r.items} questions / frågor`;
    io.out(`Imported / Importerad: ${opts.input} → ${output} (${r.kind}, ${what})`);
    for (const m of r.mergedNames)
      io.out(`  Merged names / Sammanslagna namn: ${m.kept} ← ${m.variants.join(", ")}`);
    if (r.uncertain.length) {
      io.out(`  Check these / Kontrollera (${r.uncertain.length}):`);
      for (const u of r.uncertain)
        io.out(`  - ${u.item !== null ? `§ ${u.item}: ` : ""}${u.message}`);
    }
  }
  return 0;
}

export const importCommand: Command = {
  name: "import",
  summary,
  usage: USAGE,
  run,
};
