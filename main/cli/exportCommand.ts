import type { Command } from "./command.js";

/** Placeholder until the export command lands; replaced by its own issue's work. */
export const exportCommand: Command = {
  name: "export",
  summary: "(not yet available / ännu inte tillgängligt)",
  usage: "protokoll export <file>",
  async run(_args, io) {
    io.err("protokoll export: not yet available / ännu inte tillgängligt");
    return 2;
  },
};
