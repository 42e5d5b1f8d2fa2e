/**
 * `protokoll <command>`: import, validate, export, verify, keys. Each command is one module, imported
 * only when it runs (`--help` loads none of them); this file only dispatches. Messages are English
 * with the Swedish after them, for scripts and people alike.
 */
import type { CliIO, Command } from "./command.js";
import { commandInfo, EXIT_CODES, type CommandName } from "./usage.js";

const commands: Record<CommandName, () => Promise<Command>> = {
  import: async () => (await import("./importCommand.js")).importCommand,
  validate: async () => (await import("./validateCommand.js")).validateCommand,
  export: async () => (await import("./exportCommand.js")).exportCommand,
  verify: async () => (await import("./verifyCommand.js")).verifyCommand,
  keys: async () => (await import("./keysCommand.js")).keysCommand,
  "from-agenda": async () => (await import("./fromAgendaCommand.js")).fromAgendaCommand,
};

/**
 * The process's own output. A reader that stops early (`protokoll verify … | head -1`) closes the
 * pipe: the rest of the output is dropped quietly and the exit code stays the command's — never a
 * stack trace, never exit 1 for "changed" when nothing was checked wrong.
 */
function processIO(): CliIO {
  let closed = false;
  const onError = (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") closed = true;
    else process.stderr.write(`Output error / Utdatafel: ${e.message}\n`);
  };
  process.stdout.on("error", onError);
  process.stderr.on("error", onError);
  const write = (stream: NodeJS.WriteStream, line: string) => {
    if (closed) return;
    try {
      stream.write(line + "\n");
    } catch (e) {
      onError(e as NodeJS.ErrnoException);
    }
  };
  return { out: (l) => write(process.stdout, l), err: (l) => write(process.stderr, l) };
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out("Usage / Användning: protokoll <command> [options]\n");
    for (const c of Object.values(commandInfo)) io.out(`  ${c.usage}\n      ${c.summary}`);
    io.out(`\n${EXIT_CODES}`);
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(commands, name) ? commands[name as CommandName] : undefined;
  if (!load) {
    io.err(
      `Unknown command "${name.slice(0, 100)}" / Okänt kommando. Try / Prova: protokoll --help`,
    );
    return 2;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (e) {
    // A last resort: one line, never a stack trace.
    io.err(`Unexpected error / Oväntat fel: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}
