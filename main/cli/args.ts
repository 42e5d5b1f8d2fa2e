/**
 * Command-line arguments through `node:util` parseArgs (strict: unknown options and stray values
 * are errors), with its errors worded in English and Swedish for the terminal.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

export type ParsedCommandArgs<O extends Options> =
  | {
      ok: true;
      values: ReturnType<
        typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
      >["values"];
      positionals: string[];
    }
  | { ok: false; error: string };

export function parseCommandArgs<O extends Options>(
  args: string[],
  options: O,
): ParsedCommandArgs<O> {
  try {
    const { values, positionals } = parseArgs({
      args,
      options,
      allowPositionals: true,
      strict: true,
    });
    return { ok: true, values, positionals };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const option = /'(-{1,2}[^' ]+)/.exec((e as Error).message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
      return { ok: false, error: `Unknown option / Okänt alternativ: ${option}` };
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      return {
        ok: false,
        error: `${option} needs a value, or takes none / ${option} behöver ett värde, eller tar inget`,
      };
    return { ok: false, error: `Invalid arguments / Ogiltiga argument: ${(e as Error).message}` };
  }
}
