/**
 * What `protokoll --help` prints, kept apart from the commands so that help needs none of them
 * loaded (each command, with the PDF and Word libraries it pulls in, is imported when it runs).
 */
export interface CommandInfo {
  usage: string;
  /** One line for `protokoll --help`. */
  summary: string;
}

export const commandInfo = {
  import: {
    usage:
      "protokoll import <file.pdf|.docx|.txt> [-o out.protokoll] [--json] [--force]\n       " +
      "protokoll import <tjänsteskrivelse…> --agenda out.protokoll [--force] [--json]",
    summary:
      "Import a protocol or interpellation answer (.pdf, .docx, .txt) / Importera ett protokoll eller interpellationssvar",
  },
  validate: {
    usage: "protokoll validate <file> [--json]",
    summary:
      "Check a protocol against the rules (Kommunallagen, practice) / Kontrollera ett protokoll mot reglerna",
  },
  export: {
    usage:
      "protokoll export <file> [--docx out.docx] [--pdf out.pdf] [--extract 5,7-9] [--notice] [--public] [--draft] [--pdfa-1b] [--workspace dir]",
    summary:
      "Export DOCX or PDF (PDF/A): protocol, extract, notice, public version / Exportera DOCX eller PDF",
  },
  verify: {
    usage:
      "protokoll verify <file> [--key FINGERPRINT] [--trusted-keys FILE] [--require-signature] [--pdf FILE] [--json] [--today YYYY-MM-DD]",
    summary:
      "check that a justerad protocol agrees with its signed seal (and a PDF with the protocol) / kontrollera att ett justerat protokoll stämmer med sitt signerade sigill (och en PDF med protokollet)",
  },
  keys: {
    usage:
      "protokoll keys create --holder NAME [--passphrase-file FILE]\n       " +
      "protokoll keys list\n       " +
      "protokoll keys export FINGERPRINT -o FILE [--passphrase-file FILE] [--export-passphrase-file FILE]\n       " +
      "protokoll keys import FILE [--holder NAME] [--passphrase-file FILE]\n       " +
      "protokoll keys trust FINGERPRINT [--holder NAME]\n       " +
      "protokoll keys sign FILE --key FINGERPRINT [--passphrase-file FILE]",
    summary:
      "create, share and trust the keys that sign justeringar / skapa, dela och lita på nycklarna som signerar justeringar",
  },
  // Kallelse (issue 18); `import … --agenda` is the import command's.
  "from-agenda": {
    usage: "protokoll from-agenda <kallelse.protokoll> -o <protokoll.protokoll> [--force]",
    summary:
      "Create the protocol of a meeting from its kallelse / Skapa protokollet från kallelsen",
  },
} satisfies Record<string, CommandInfo>;

export type CommandName = keyof typeof commandInfo;

/** The exit codes every command keeps to (README "The command line"). */
export const EXIT_CODES =
  "Exit codes / Slutkoder: 0 ok, 1 refused or changed (see each command), 2 unreadable input or bad arguments / oläsbar indata eller felaktiga argument";
