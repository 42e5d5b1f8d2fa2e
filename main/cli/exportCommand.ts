/**
 * `protokoll export <file> [--docx out.docx] [--pdf out.pdf] [--extract 5,7-9] [--notice]
 * [--public] [--draft] [--pdfa-1b] [--workspace dir]`
 * The municipality profile (profile.json) comes from --workspace, else from the file's folder upwards.
 * Bilagor (meta.attachments) are read from bilagor/ beside the file, checked against their SHA-256
 * and written into `<output>-bilagor/` beside each output; a missing or changed one refuses the export.
 * Exit codes: 0 written; 1 refused by the export gate (the problems are printed, grouped by §);
 * 2 the file cannot be read, or wrong arguments.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { ProtokollFile } from "../../schemas/file.js";
import { MAX_AGENDA_ITEMS, MAX_ITEM_NUMBER } from "../../schemas/limits.js";
import { numberedItems } from "../../schemas/numbering.js";
import type { Problem } from "../../schemas/rules/problem.js";
import { exportDocument, type ExportOptions } from "../export/exportDocument.js";
import { findProfile, loadProfile } from "../export/loadProfile.js";
import { writeOutputFile } from "../files/safeOutput.js";
import { parseCommandArgs } from "./args.js";
import { attachmentsInOutput } from "../../schemas/render/renderAttachments.js";
import {
  AttachmentError,
  attachmentsFolderFor,
  verifiedAttachments,
  type VerifiedAttachment,
  writeAttachmentsBeside,
} from "../files/attachmentFiles.js";
import type { CliIO, Command } from "./command.js";
import { readProtocolFile } from "./readProtocolFile.js";
import { commandInfo } from "./usage.js";

const { usage: USAGE, summary } = commandInfo.export;

interface Args {
  input: string;
  docx: string | null;
  pdf: string | null;
  extract: string | null;
  notice: boolean;
  public: boolean;
  draft: boolean;
  pdfa1b: boolean;
  /** The workspace whose profile.json to use (else found from the file's folder upwards). */
  workspace: string | null;
}

type Parsed = { ok: true; args: Args } | { ok: false; error: string };

function parseArgs(argv: string[]): Parsed {
  const parsed = parseCommandArgs(argv, {
    docx: { type: "string" },
    pdf: { type: "string" },
    extract: { type: "string" },
    notice: { type: "boolean" },
    public: { type: "boolean" },
    draft: { type: "boolean" },
    "pdfa-1b": { type: "boolean" },
    workspace: { type: "string" },
  });
  if (!parsed.ok) return parsed;
  const v = parsed.values;
  const [input, extra] = parsed.positionals;
  if (extra !== undefined)
    return {
      ok: false,
      error: "Only one file can be exported at a time / Bara en fil kan exporteras åt gången",
    };
  if (!input) return { ok: false, error: "No file given / Ingen fil angiven" };
  if (v.docx === "" || v.pdf === "")
    return { ok: false, error: "An output needs a file name / En utfil behöver ett filnamn" };
  const a: Args = {
    input,
    docx: v.docx ?? null,
    pdf: v.pdf ?? null,
    extract: v.extract ?? null,
    notice: v.notice === true,
    public: v.public === true,
    draft: v.draft === true,
    pdfa1b: v["pdfa-1b"] === true,
    workspace: v.workspace ?? null,
  };
  if ([a.extract !== null, a.notice, a.public].filter(Boolean).length > 1)
    return {
      ok: false,
      error:
        "Choose one of --extract, --notice, --public / Välj ett av --extract, --notice, --public",
    };
  return { ok: true, args: a };
}

/**
 * "5,7-9" → [5, 7, 8, 9]; null when it is not a list of § numbers. Numbers are at most
 * MAX_ITEM_NUMBER and the list at most MAX_AGENDA_ITEMS §§ (schemas/limits.ts), so no list can
 * make the loop run away (`--extract 99999999999999999999`).
 */
export function parseSectionList(s: string): number[] | null {
  if (s.length > 20 * MAX_AGENDA_ITEMS) return null;
  const out = new Set<number>();
  for (const part of s.split(",").map((p) => p.trim().replace(/^§+\s*/, ""))) {
    const m = /^(\d{1,9})(?:\s*[-–]\s*(\d{1,9}))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (
      from > MAX_ITEM_NUMBER ||
      to > MAX_ITEM_NUMBER ||
      to < from ||
      to - from >= MAX_AGENDA_ITEMS
    )
      return null;
    for (let n = from; n <= to; n++) out.add(n);
    if (out.size > MAX_AGENDA_ITEMS) return null;
  }
  return out.size ? [...out] : null;
}

/** The gate's problems, grouped by §, document-wide first. */
export function printProblems(problems: readonly Problem[], file: ProtokollFile, io: CliIO): void {
  const numbers = new Map(numberedItems(file.doc, file.meta).map((i) => [i.id, i.number]));
  const groups = new Map<string, Problem[]>();
  const key = (p: Problem) =>
    p.item ? `§ ${numbers.get(p.item) ?? "?"}` : "Whole document / Hela dokumentet";
  const sorted = [...problems].sort(
    (x, y) =>
      (x.item ? (numbers.get(x.item) ?? 0) : -1) - (y.item ? (numbers.get(y.item) ?? 0) : -1),
  );
  for (const p of sorted) groups.set(key(p), [...(groups.get(key(p)) ?? []), p]);
  for (const [label, ps] of groups) {
    io.err(`  ${label}`);
    for (const p of ps)
      io.err(
        `    ${p.severity === "error" ? "error / fel" : "warning / varning"} [${p.rule}] ${p.message}${p.reference ? ` (${p.reference})` : ""}`,
      );
  }
}

export const exportCommand: Command = {
  name: "export",
  summary,
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseArgs(argv);
    if (!parsed.ok) {
      io.err(`${parsed.error}\nUsage / Användning: ${USAGE}`);
      return 2;
    }
    const a = parsed.args;
    // Read, checked and worded like validate and verify (missing, folder, too large, not UTF-8, …).
    const read = await readProtocolFile(a.input);
    if (!read.ok) {
      for (const l of read.lines) io.err(l);
      return 2;
    }
    const file = read.file;

    let items: string[] | undefined;
    if (a.extract !== null) {
      const wanted = parseSectionList(a.extract);
      if (!wanted) {
        io.err(
          `Not a list of § numbers (at most ${MAX_AGENDA_ITEMS}, each at most ${MAX_ITEM_NUMBER}) / Inte en lista med paragrafnummer: "${a.extract.slice(0, 100)}" (e.g. / t.ex. 5,7-9)`,
        );
        return 2;
      }
      const byNumber = new Map(numberedItems(file.doc, file.meta).map((i) => [i.number, i.id]));
      const missing = wanted.filter((n) => !byNumber.has(n));
      if (missing.length) {
        io.err(
          `No such § in the protocol / Paragrafen finns inte i protokollet: ${missing.map((n) => `§ ${n}`).join(", ")}`,
        );
        return 2;
      }
      items = wanted.map((n) => byNumber.get(n)!);
    }
    // The municipality profile (issue 15): --workspace, else the nearest profile.json from the file's folder upwards.
    if (a.workspace !== null && !existsSync(a.workspace)) {
      io.err(`Workspace not found / Arbetsmappen finns inte: ${a.workspace}`);
      return 2;
    }
    const profileRoot = a.workspace ?? findProfile(dirname(resolve(a.input)));
    const loaded = profileRoot ? await loadProfile(profileRoot) : null;
    if (loaded && !loaded.ok) {
      io.err(`The municipality profile cannot be used / ${loaded.error}`);
      return 2;
    }
    const profile = loaded?.profile ?? null;
    const output: ExportOptions["output"] =
      a.extract !== null ? "extract" : a.notice ? "notice" : a.public ? "public" : "full";

    // Bilagor (issue 17): every file is read from bilagor/ beside the document and checked against
    // its hash before anything is written; a missing or changed file refuses the export.
    let attachments: VerifiedAttachment[];
    try {
      attachments = await verifiedAttachments(
        resolve(a.input),
        attachmentsInOutput(file.doc, file.meta, { output, items }),
      );
    } catch (e) {
      if (!(e instanceof AttachmentError)) throw e;
      io.err(`Export refused / Exporten stoppades: ${e.text.en}\n  ${e.text.sv}`);
      return 1;
    }

    const targets: { format: "docx" | "pdf"; path: string | null }[] = [];
    if (a.docx) targets.push({ format: "docx", path: a.docx });
    if (a.pdf) targets.push({ format: "pdf", path: a.pdf });
    if (targets.length === 0) targets.push({ format: "pdf", path: null });

    const attachmentFolders = new Set<string>();
    for (const t of targets) {
      const r = await exportDocument(file, {
        format: t.format,
        output,
        items,
        draft: a.draft,
        pdfa: a.pdfa1b ? "1b" : "2a",
        profile,
      });
      if (!r.ok) {
        if (r.refused)
          io.err(`Export refused / Exporten stoppades: ${r.refused.en}\n  ${r.refused.sv}`);
        if (r.problems?.length) {
          io.err(
            `Export refused: the document has errors / Exporten stoppades: dokumentet har fel (${r.problems.length}). Fix them or use --draft / Rätta dem eller använd --draft.`,
          );
          printProblems(r.problems, file, io);
        }
        if (r.refused || r.problems?.length) return 1;
        io.err(`Export failed / Exporten misslyckades: ${r.error}`);
        return 2;
      }
      const path = t.path ?? join(dirname(a.input), r.fileName);
      try {
        // A regular file or a new name only; never through a link, never over a device or the input.
        await writeOutputFile(path, r.bytes, { replace: true, input: a.input });
      } catch (e) {
        io.err(
          `Cannot write / Kan inte skriva ${basename(path)}: ${e instanceof Error ? e.message : String(e)}`,
        );
        return 2;
      }
      io.out(`Wrote / Skrev ${path} (${r.bytes.length} bytes)`);
      // The PDF and the DOCX of one name share their bilagor folder: written once.
      const folder = attachmentsFolderFor(path);
      if (attachmentFolders.has(folder)) continue;
      attachmentFolders.add(folder);
      try {
        for (const w of await writeAttachmentsBeside(path, attachments, { replace: true }))
          io.out(`Wrote / Skrev ${w.path} (bilaga ${w.number})`);
      } catch (e) {
        io.err(
          `Cannot write the attachments / Kan inte skriva bilagorna: ${e instanceof AttachmentError ? `${e.text.en} / ${e.text.sv}` : e instanceof Error ? e.message : String(e)}`,
        );
        return 2;
      }
    }
    return 0;
  },
};
