/**
 * `protokoll validate <file> [--json]`: checks a `.protokoll` file against the rules of RULES.md
 * (schemas/rules) and lists the problems grouped by §. Exit 0 when there are no errors (warnings
 * allowed), 1 when there are errors, 2 when the file could not be read or the usage is wrong.
 * Messages about the command are English and Swedish; the problems themselves are Swedish.
 */
import type { ProtokollFile } from "../../schemas/file.js";
import { numberedItems } from "../../schemas/numbering.js";
import { hasErrors, validateFile, type Problem } from "../../schemas/rules/index.js";
import type { CliIO, Command } from "./command.js";
import { readProtocolFile } from "./readProtocolFile.js";
import { parseCommandArgs } from "./args.js";
import { commandInfo } from "./usage.js";
import { itemTitleText } from "../../schemas/titleText.js";

const { usage: USAGE, summary } = commandInfo.validate;

const shorten = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

interface Group {
  /** "§ 5 Motion om …", or the whole document. */
  heading: string;
  number: number | null;
  problems: Problem[];
}

/** Problems grouped: the whole document first, then each § in document order. */
export function groupByItem(file: ProtokollFile, problems: Problem[]): Group[] {
  const items = numberedItems(file.doc, file.meta);
  const byId = new Map(items.map((i) => [i.id, i]));
  const whole: Group = {
    heading:
      file.kind === "interpellationssvar"
        ? "Svaret / The answer"
        : "Hela protokollet / Whole document",
    number: null,
    problems: [],
  };
  const groups = new Map<string, Group>();
  for (const p of problems) {
    const it = p.item ? byId.get(p.item) : undefined;
    if (!it) {
      whole.problems.push(p);
      continue;
    }
    let g = groups.get(it.id);
    if (!g) {
      const title = itemTitleText(it.node).trim();
      g = {
        heading: `§ ${it.number}${title ? ` ${shorten(title)}` : ""}`,
        number: it.number,
        problems: [],
      };
      groups.set(it.id, g);
    }
    g.problems.push(p);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  return whole.problems.length ? [whole, ...ordered] : ordered;
}

function printText(path: string, file: ProtokollFile, problems: Problem[], io: CliIO): void {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const meeting = file.meta.meeting.date ? `, ${file.meta.meeting.date}` : "";
  io.out(`${file.meta.body.name}${meeting} — ${path}`);
  for (const g of groupByItem(file, problems)) {
    io.out(`${g.heading}:`);
    for (const p of g.problems)
      io.out(
        `  ${p.severity === "error" ? "fel" : "varning"}: ${p.message} (${p.rule}${p.reference ? `; ${p.reference}` : ""})`,
      );
  }
  if (problems.length === 0) io.out("OK: no problems / inga problem");
  else
    io.out(
      `${errors} error(s), ${warnings} warning(s) / ${errors} fel, ${warnings} varning${warnings === 1 ? "" : "ar"}`,
    );
}

export const validateCommand: Command = {
  name: "validate",
  summary,
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { json: { type: "boolean" } });
    if (!parsed.ok) {
      io.err(`${parsed.error}\nUsage / Användning: ${USAGE}`);
      return 2;
    }
    const json = parsed.values.json === true;
    const files = parsed.positionals;
    if (files.length !== 1) {
      io.err(
        `${files.length === 0 ? "No file given / Ingen fil angiven" : "One file at a time / En fil i taget"}\nUsage / Användning: ${USAGE}`,
      );
      return 2;
    }
    const path = files[0]!;
    const read = await readProtocolFile(path);
    if (!read.ok) {
      for (const l of read.lines) io.err(l);
      return 2;
    }
    const problems = validateFile(read.file);
    const code = hasErrors(problems) ? 1 : 0;
    if (json) {
      const items = new Map(numberedItems(read.file.doc, read.file.meta).map((i) => [i.id, i]));
      io.out(
        JSON.stringify(
          {
            file: path,
            kind: read.file.kind,
            errors: problems.filter((p) => p.severity === "error").length,
            warnings: problems.filter((p) => p.severity === "warning").length,
            problems: problems.map((p) => {
              const it = p.item ? items.get(p.item) : undefined;
              return {
                ...p,
                itemNumber: it?.number ?? null,
                itemTitle: it?.node.firstChild?.textContent ?? null,
              };
            }),
          },
          null,
          2,
        ),
      );
    } else printText(path, read.file, problems, io);
    return code;
  },
};
