/**
 * `protokoll <command>`: import, validate, export, verify, keys. Each command is one module; this file
 * only dispatches. Messages are English with the Swedish after them, for scripts and people alike.
 */
import type { CliIO, Command } from "./command.js";

const commands: Record<string, () => Promise<Command>> = {
  import: async () => (await import("./importCommand.js")).importCommand,
  validate: async () => (await import("./validateCommand.js")).validateCommand,
  export: async () => (await import("./exportCommand.js")).exportCommand,
  verify: async () => (await import("./verifyCommand.js")).verifyCommand,
  keys: async () => (await import("./keysCommand.js")).keysCommand,
};

const stdio: CliIO = { out: (l) => process.stdout.write(l + "\n"), err: (l) => process.stderr.write(l + "\n") };

export async function main(argv: string[], io: CliIO = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out("Usage / Användning: protokoll <command> [options]\n");
    for (const load of Object.values(commands)) {
      const c = await load();
      io.out(`  ${c.usage}\n      ${c.summary}`);
    }
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.err(`Unknown command "${name}" / Okänt kommando "${name}". Try / Prova: protokoll --help`);
    return 2;
  }
  const command = await load();
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.err(`Unexpected error / Oväntat fel: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}
