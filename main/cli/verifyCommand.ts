import type { Command } from "./command.js";

/** Placeholder until the verify command lands; replaced by its own issue's work. */
export const verifyCommand: Command = {
  name: "verify",
  summary: "(not yet available / ännu inte tillgängligt)",
  usage: "protokoll verify <file>",
  async run(_args, io) {
    io.err("protokoll verify: not yet available / ännu inte tillgängligt");
    return 2;
  },
};
