/**
 * `protokoll from-agenda <kallelse.protokoll> -o <protokoll.protokoll> [--force]`: the protocol of
 * the meeting a kallelse calls (schemas/agenda/fromAgenda.ts). Never overwrites an existing file
 * unless --force (and then keeps a .bak). Exit codes: 0 written, 1 not written, 2 bad input.
 */
import { resolve } from "node:path";
import { fromAgenda } from "../../schemas/agenda/fromAgenda.js";
import { serialize } from "../../schemas/file.js";
import { writeOutputFile } from "../files/safeOutput.js";
import { parseCommandArgs } from "./args.js";
import type { CliIO, Command } from "./command.js";
import { readProtocolFile } from "./readProtocolFile.js";
import { commandInfo } from "./usage.js";

const { usage: USAGE, summary } = commandInfo["from-agenda"];

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(args, {
    output: { type: "string", short: "o" },
    force: { type: "boolean", short: "f" },
  });
  const usage = (m: string) => {
    io.err(`${m}\nUsage / Användning: ${USAGE}`);
    return 2;
  };
  if (!parsed.ok) return usage(parsed.error);
  const [input, extra] = parsed.positionals;
  if (!input) return usage("No kallelse given / Ingen kallelse angiven");
  if (extra !== undefined) return usage("One kallelse at a time / En kallelse åt gången");
  const out = parsed.values.output;
  if (!out) return usage("Missing -o <protokoll> / -o <protokoll> saknas");
  if (resolve(out) === resolve(input))
    return usage("The output would replace the kallelse / Utfilen skulle ersätta kallelsen");
  const read = await readProtocolFile(input);
  if (!read.ok) {
    for (const l of read.lines) io.err(l);
    return 2;
  }
  if (read.file.kind !== "kallelse") {
    io.err(
      `Not a kallelse (kind ${read.file.kind}) / Inte en kallelse (sort ${read.file.kind}): ${input}`,
    );
    return 2;
  }
  const protocol = fromAgenda(read.file);
  try {
    const written = await writeOutputFile(resolve(out), serialize(protocol), {
      replace: parsed.values.force === true,
      backup: true,
    });
    if (written === "exists") {
      io.err(
        `Output exists, not overwritten / Filen finns redan och skrivs inte över: ${out} (use / använd --force)`,
      );
      return 1;
    }
  } catch (e) {
    io.err(
      `Could not write / Kunde inte skriva ${out}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return 1;
  }
  let items = 0;
  protocol.doc.forEach(() => void items++);
  io.out(
    `Protocol / Protokoll: ${resolve(out)} (${items} §§, ${protocol.meta.unconfirmed?.length ?? 0} beslut to confirm / att bekräfta)`,
  );
  return 0;
}

export const fromAgendaCommand: Command = { name: "from-agenda", summary, usage: USAGE, run };
