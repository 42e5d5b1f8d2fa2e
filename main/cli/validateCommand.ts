import type { Command } from "./command.js";

/** Placeholder until the validate command lands; replaced by its own issue's work. */
export const validateCommand: Command = {
  name: "validate",
  summary: "(not yet available / ännu inte tillgängligt)",
  usage: "protokoll validate <file>",
  async run(_args, io) {
    io.err("protokoll validate: not yet available / ännu inte tillgängligt");
    return 2;
  },
};
