/**
 * `protokoll import <tjänsteskrivelse…> --agenda out.protokoll [--force] [--json]`: tjänsteskrivelser
 * (.pdf, .docx, .txt) → agenda entries of a kallelse (a `.protokoll` file of kind kallelse). When
 * the output is an existing kallelse, the entries are added to it (after a .bak copy); another
 * existing file is never overwritten. A file that cannot be read is reported; the others come in.
 * Exit codes: 0 written, 1 output not written, 2 bad usage or no readable tjänsteskrivelse.
 */
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { serialize } from "../../schemas/file.js";
import { Body } from "../../schemas/meta.js";
import { agendaEntries } from "../../schemas/agenda/agendaEntries.js";
import {
  bodyOfReportText,
  entriesOf,
  newKallelse,
  readOfficerReports,
  withEntries,
  type ReportSource,
} from "../agenda/importReports.js";
import { writeOutputFile } from "../files/safeOutput.js";
import { MAX_IMPORT_BYTES } from "../import/importDocument.js";
import { extractText } from "../import/extractText.js";
import { parseCommandArgs } from "./args.js";
import type { CliIO } from "./command.js";
import { readProtocolFile } from "./readProtocolFile.js";

export const AGENDA_IMPORT_USAGE =
  "protokoll import <tjänsteskrivelse.pdf|.docx|.txt …> --agenda out.protokoll [--force] [--json]";

async function readInput(
  path: string,
): Promise<{ ok: true; source: ReportSource } | { ok: false; error: string }> {
  const full = resolve(path);
  const info = await stat(full).catch((e: NodeJS.ErrnoException) => e);
  if (info instanceof Error)
    return {
      ok: false,
      error:
        info.code === "ENOENT"
          ? `File not found / Filen finns inte: ${path}`
          : `Cannot read / Kan inte läsa ${path}: ${info.message}`,
    };
  if (!info.isFile())
    return { ok: false, error: `Not a regular file / Inte en vanlig fil: ${path}` };
  if (info.size > MAX_IMPORT_BYTES)
    return { ok: false, error: `File too large / Filen är för stor: ${path}` };
  const h = await open(full, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const now = await h.stat();
    if (!now.isFile() || now.size > MAX_IMPORT_BYTES)
      return { ok: false, error: `Not a regular file / Inte en vanlig fil: ${path}` };
    return {
      ok: true,
      source: { name: basename(full), bytes: new Uint8Array(await h.readFile()) },
    };
  } finally {
    await h.close();
  }
}

export async function runAgendaImport(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(args, {
    agenda: { type: "string" },
    json: { type: "boolean" },
    force: { type: "boolean", short: "f" },
  });
  const usage = (m: string) => {
    io.err(`${m}\nUsage / Användning: ${AGENDA_IMPORT_USAGE}`);
    return 2;
  };
  if (!parsed.ok) return usage(parsed.error);
  const out = parsed.values.agenda;
  if (!out) return usage("Missing file name after --agenda / Filnamn saknas efter --agenda");
  if (!parsed.positionals.length)
    return usage("No tjänsteskrivelse given / Ingen tjänsteskrivelse angiven");
  const json = parsed.values.json === true;

  const sources: ReportSource[] = [];
  const failures: { name: string; message: string }[] = [];
  const output = resolve(out);
  for (const p of parsed.positionals) {
    if (resolve(p) === output)
      return usage(`The output would replace an input / Utfilen skulle ersätta en indatafil: ${p}`);
    const r = await readInput(p);
    if (r.ok) sources.push(r.source);
    else failures.push({ name: p, message: r.error });
  }
  const outcomes = await readOfficerReports(sources, (p) => {
    if (!json) io.err(`[${p.done}/${p.total}] ${p.name}`);
  });
  for (const o of outcomes) if (!o.ok) failures.push({ name: o.name, message: o.message });
  const entries = entriesOf(outcomes);
  if (!entries.length) {
    for (const f of failures) io.err(`Not imported / Inte importerad: ${f.name}: ${f.message}`);
    if (json) io.out(JSON.stringify({ ok: false, failures }));
    return 2;
  }

  // An existing kallelse gets the entries added; any other existing file is left alone.
  const existing = await stat(output).then(
    () => true,
    () => false,
  );
  let file;
  if (existing) {
    const read = await readProtocolFile(output);
    if (!read.ok || read.file.kind !== "kallelse") {
      io.err(
        `Output exists and is not a kallelse, not overwritten / Filen finns redan och är ingen kallelse; den skrivs inte över: ${out}`,
      );
      return 1;
    }
    file = withEntries(read.file, entries);
  } else {
    const first = sources.find((s) => s.name === outcomes.find((o) => o.ok)?.name);
    const text = first ? await extractText(first.bytes, first.name) : null;
    // A nämnd with the reglemente's defaults (schemas/meta.ts) when no report names its body.
    const body = (text?.ok ? bodyOfReportText(text.text) : null) ?? Body.parse({ name: "Nämnden" });
    file = newKallelse(body, entries);
  }
  try {
    const written = await writeOutputFile(output, serialize(file), {
      replace: existing || parsed.values.force === true,
      backup: true,
    });
    if (written === "exists") {
      io.err(`Output exists, not overwritten / Filen finns redan och skrivs inte över: ${out}`);
      return 1;
    }
  } catch (e) {
    io.err(
      `Could not write / Kunde inte skriva ${out}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return 1;
  }
  const list = agendaEntries(file.doc);
  if (json)
    io.out(
      JSON.stringify(
        {
          ok: true,
          output,
          entries: list.map((e) => ({
            number: e.number,
            title: e.title,
            dnr: e.dnr,
            proposal: e.proposal,
          })),
          failures,
        },
        null,
        2,
      ),
    );
  else {
    io.out(`Kallelse / Kallelse: ${output} (${list.length} ärenden)`);
    for (const e of list)
      io.out(
        `  ${e.number}. ${e.title}${e.dnr ? ` (${e.dnr})` : ""} – ${e.proposal.length} förslag till beslut`,
      );
    for (const f of failures) io.err(`Not imported / Inte importerad: ${f.name}: ${f.message}`);
  }
  return 0;
}
