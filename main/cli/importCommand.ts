import type { Command } from "./command.js";

/** Placeholder until the import command lands; replaced by its own issue's work. */
export const importCommand: Command = {
  name: "import",
  summary: "(not yet available / ännu inte tillgängligt)",
  usage: "protokoll import <file>",
  async run(_args, io) {
    io.err("protokoll import: not yet available / ännu inte tillgängligt");
    return 2;
  },
};
