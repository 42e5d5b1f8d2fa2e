/**
 * `protokoll keys <create|list|export|import|trust|sign>`: the Ed25519 keys that sign justeringar
 * (main/review/sealKeys.ts), kept in the user's Protokoll settings folder, never in a workspace.
 * In the CLI a private key is always protected by a passphrase: from `--passphrase-file FILE`
 * (its first line), the environment (`PROTOKOLL_PASSPHRASE`), or typed at a hidden prompt.
 *
 *   keys create --holder NAME            a new key pair; prints its fingerprint (publish it)
 *   keys list                            the keys held here
 *   keys export FINGERPRINT -o FILE      a passphrase-protected copy for another secretary
 *   keys import FILE [--holder NAME]     bring in such a copy
 *   keys trust FINGERPRINT [--holder NAME]   trust another body's key for `verify`
 *   keys sign FILE --key FINGERPRINT     sign the unsigned seal of a justerad file (in place)
 *
 * Exit 0 done; 1 refused (wrong passphrase, nothing to sign …); 2 bad usage or unreadable input.
 */
import { constants } from "node:fs";
import { appendFile, mkdir, open, readFile, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { atomicWrite } from "../files/atomicWrite.js";
import {
  defaultKeyDir,
  defaultTrustedKeysFile,
  formatFingerprint,
  KeyError,
  normalizeFingerprint,
  readTrustedKeys,
  SealKeyStore,
} from "../review/sealKeys.js";
import { signWithKey } from "../review/signSeal.js";
import type { CliIO, Command } from "./command.js";
import { parseCommandArgs } from "./args.js";
import { commandInfo } from "./usage.js";
import { readProtocolFile } from "./readProtocolFile.js";

const { usage: USAGE, summary } = commandInfo.keys;

/** A passphrase from a file, the environment, or a hidden prompt on the terminal; null when none can be had. */
async function passphrase(
  file: string | undefined,
  envName: string,
  question: string,
  io: CliIO,
): Promise<string | null> {
  if (file !== undefined) {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || info.size > 4096)
      throw new KeyError(
        `Lösenfrasfilen kan inte läsas (cannot read the passphrase file): ${file}`,
      );
    return (await readFile(file, "utf8")).split(/\r?\n/)[0] ?? "";
  }
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) return null;
  return hiddenPrompt(question, io);
}

function hiddenPrompt(question: string, io: CliIO): Promise<string> {
  io.err(question);
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Echo nothing of what is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  return new Promise((ok) =>
    rl.question("", (answer) => {
      rl.close();
      process.stderr.write("\n");
      ok(answer);
    }),
  );
}

const needPassphrase = (): never => {
  throw new KeyError(
    "Ingen lösenfras: ange --passphrase-file eller PROTOKOLL_PASSPHRASE (no passphrase given).",
  );
};

/** Write a new file only: never over an existing file, a link or a device. */
async function writeNewFile(path: string, text: string): Promise<void> {
  const h = await open(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
    0o600,
  );
  try {
    await h.writeFile(text, "utf8");
    await h.sync();
  } finally {
    await h.close();
  }
}

export const keysCommand: Command = {
  name: "keys",
  summary,
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      holder: { type: "string" },
      "passphrase-file": { type: "string" },
      "export-passphrase-file": { type: "string" },
      output: { type: "string", short: "o" },
      key: { type: "string" },
    });
    if (!parsed.ok) {
      io.err(`${parsed.error}\nUsage / Användning: ${USAGE}`);
      return 2;
    }
    const { values, positionals } = parsed;
    const [sub, target, ...extra] = positionals;
    const usage = (what: string) => {
      io.err(`${what}\nUsage / Användning: ${USAGE}`);
      return 2;
    };
    if (extra.length)
      return usage(`Too many arguments / För många argument: ${extra.join(" ").slice(0, 80)}`);
    const store = new SealKeyStore(defaultKeyDir());
    const fingerprint = (text: string | undefined) =>
      text === undefined ? null : normalizeFingerprint(text);
    try {
      switch (sub) {
        case "create": {
          if (!values.holder)
            return usage("Name the holder with --holder / Ange innehavaren med --holder");
          const pass =
            (await passphrase(
              values["passphrase-file"],
              "PROTOKOLL_PASSPHRASE",
              "Lösenfras för den nya nyckeln (passphrase for the new key):",
              io,
            )) ?? needPassphrase();
          const k = await store.create(values.holder, pass);
          io.out(`Created key / Nyckel skapad: ${formatFingerprint(k.fingerprint)} (${k.holder})`);
          io.out(
            `  Publish this fingerprint; it is printed on every protocol the key signs / Publicera fingeravtrycket; det trycks på varje protokoll nyckeln signerar.`,
          );
          io.out(`  Kept in / Förvaras i: ${store.dir}`);
          return 0;
        }
        case "list": {
          const keys = await store.list();
          const trusted = await readTrustedKeys(defaultTrustedKeysFile());
          if (!keys.length && !trusted.size)
            io.out(
              "No keys / Inga nycklar. Create one with / Skapa en med: protokoll keys create --holder NAME",
            );
          for (const k of keys)
            io.out(
              `${formatFingerprint(k.fingerprint)}  ${k.holder}  (own key / egen nyckel, ${k.protection === "platform" ? "protected by the computer / skyddad av datorn" : "passphrase / lösenfras"}, ${k.created.slice(0, 10)})`,
            );
          for (const fp of trusted)
            if (!keys.some((k) => k.fingerprint === fp))
              io.out(`${formatFingerprint(fp)}  (trusted / betrodd)`);
          return 0;
        }
        case "export": {
          const fp = fingerprint(target);
          if (!fp) return usage("Give the key's fingerprint / Ange nyckelns fingeravtryck");
          if (!values.output)
            return usage("Give the file to write with -o / Ange filen att skriva med -o");
          const pass = await passphrase(
            values["passphrase-file"],
            "PROTOKOLL_PASSPHRASE",
            "Lösenfras för nyckeln (the key's passphrase):",
            io,
          );
          const exportPass =
            (await passphrase(
              values["export-passphrase-file"],
              "PROTOKOLL_EXPORT_PASSPHRASE",
              "Lösenfras för den exporterade kopian (passphrase for the exported copy):",
              io,
            )) ??
            pass ??
            needPassphrase();
          const pem = await store.exportKey(fp, pass, exportPass);
          await writeNewFile(values.output, pem);
          io.out(`Exported / Exporterad: ${formatFingerprint(fp)} → ${values.output}`);
          return 0;
        }
        case "import": {
          if (!target)
            return usage("Give the exported key file / Ange den exporterade nyckelfilen");
          const info = await stat(target).catch(() => null);
          if (!info?.isFile() || info.size > 100_000) {
            io.err(`Not a key file / Inte en nyckelfil: ${target}`);
            return 2;
          }
          const pass =
            (await passphrase(
              values["passphrase-file"],
              "PROTOKOLL_PASSPHRASE",
              "Lösenfras för den exporterade nyckeln (passphrase of the exported key):",
              io,
            )) ?? needPassphrase();
          const k = await store.importKey(
            await readFile(target, "utf8"),
            pass,
            pass,
            values.holder,
          );
          io.out(`Imported / Importerad: ${formatFingerprint(k.fingerprint)} (${k.holder})`);
          return 0;
        }
        case "trust": {
          const fp = fingerprint(target);
          if (!fp)
            return usage(
              "Give the fingerprint as published (32 hex digits) / Ange fingeravtrycket som det publicerats (32 hexadecimala siffror)",
            );
          const file = defaultTrustedKeysFile();
          if ((await readTrustedKeys(file)).has(fp)) {
            io.out(`Already trusted / Redan betrodd: ${formatFingerprint(fp)}`);
            return 0;
          }
          await mkdir(dirname(file), { recursive: true, mode: 0o700 });
          await appendFile(
            file,
            `${formatFingerprint(fp)}${values.holder ? `  # ${values.holder.replace(/[\r\n]/g, " ").slice(0, 200)}` : ""}\n`,
            { mode: 0o600 },
          );
          io.out(`Trusted / Betrodd: ${formatFingerprint(fp)} (${file})`);
          return 0;
        }
        case "sign": {
          if (!target) return usage("Give the justerad file / Ange den justerade filen");
          const fp = fingerprint(values.key);
          if (!fp)
            return usage(
              "Give the key with --key FINGERPRINT / Ange nyckeln med --key FINGERAVTRYCK",
            );
          const read = await readProtocolFile(target);
          if (!read.ok) {
            for (const l of read.lines) io.err(l);
            return 2;
          }
          const pass = await passphrase(
            values["passphrase-file"],
            "PROTOKOLL_PASSPHRASE",
            "Lösenfras för nyckeln (the key's passphrase):",
            io,
          );
          const { key, info } = await store.unlock(fp, pass);
          const r = signWithKey(read.text, key, info);
          if (!r.ok) {
            io.err(`Not signed / Inte signerat: ${r.error}`);
            return 1;
          }
          await atomicWrite(target, r.text);
          io.out(
            `Signed / Signerat: ${target} with key / med nyckel ${formatFingerprint(r.fingerprint)} (${info.holder})`,
          );
          return 0;
        }
        default:
          return usage(
            sub
              ? `Unknown keys command / Okänt nyckelkommando: ${sub.slice(0, 40)}`
              : "Give a keys command / Ange ett nyckelkommando",
          );
      }
    } catch (e) {
      if (e instanceof KeyError) {
        io.err(e.message);
        return 1;
      }
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST" || code === "ELOOP") {
        io.err(
          `Will not write over an existing file or link / Skriver inte över en befintlig fil eller länk: ${values.output ?? ""}`,
        );
        return 2;
      }
      throw e;
    }
  },
};
