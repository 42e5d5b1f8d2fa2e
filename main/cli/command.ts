/** A CLI command: parses its own arguments, prints English+Swedish messages, returns the exit code. */
export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface Command {
  name: string;
  /** One line for `protokoll --help`. */
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}
