/**
 * `protokoll verify <file> [--key FINGERPRINT]… [--trusted-keys FILE] [--require-signature]
 * [--pdf FILE] [--json] [--today YYYY-MM-DD]`: checks the seal of a justerad protocol on the file
 * as stored — its hash, the chain of seals in the history, the Ed25519 signature of every seal of
 * form 2 — and whether the signing key is one the user trusts: the `--key`s and the
 * `--trusted-keys` file when given, else the default trusted-keys file (trusted-keys.txt in the
 * user's Protokoll settings folder, outside any workspace) and the user's own keys. With `--pdf` it also checks that the PDF is an export
 * of that file, by comparing the text of every page with a fresh export.
 *
 * Exit 0: the file agrees with its seal, signed by a trusted key; or it agrees with an unsigned
 * seal of the old form (form 1, reported as such; refused by `--require-signature` and `--key`).
 * Exit 1: anything else (changed, chain broken, not justerad, a seal of the new form without a
 * valid signature, an untrusted key, a PDF that does not match). Exit 2: unreadable or bad usage.
 */
import { readFile, stat } from "node:fs/promises";
import { serialize, type ProtokollFile } from "../../schemas/file.js";
import { statusLabel } from "../../schemas/labels.js";
import { immediateAdjustments, immediateUnchanged } from "../../schemas/review/adjust.js";
import { deadlineStatus } from "../../schemas/review/deadlineStatus.js";
import { itemLabel } from "../../schemas/review/items.js";
import type { StoredFile, VerifyReason } from "../../schemas/review/seal.js";
import { parseIsoDate } from "../../schemas/dates.js";
import { pdfMatchesFile, type PdfMatch } from "../review/pdfMatchesFile.js";
import {
  defaultKeyDir,
  defaultTrustedKeysFile,
  formatFingerprint,
  KeyError,
  normalizeFingerprint,
  readTrustedKeys,
  SealKeyStore,
} from "../review/sealKeys.js";
import { checkSeal, sealKeyLabel, type SealVerdict } from "../review/signSeal.js";
import type { CliIO, Command } from "./command.js";
import { readProtocolFile } from "./readProtocolFile.js";
import { parseCommandArgs } from "./args.js";
import { commandInfo } from "./usage.js";

const { usage: USAGE, summary } = commandInfo.verify;

/** Largest PDF `--pdf` reads. */
const MAX_PDF_BYTES = 200 * 1024 * 1024;

const reasonEnglish: Record<VerifyReason, string> = {
  not_adjusted: "NOT JUSTERAD: the document has not been justerad, so it has no seal to check",
  no_seal: "NO SEAL: the document is marked justerad but has no seal",
  changed: "CHANGED since justering: the seal does not match the content",
  history_broken:
    "SEAL CHAIN BROKEN: the seals recorded in the history do not lead to the document's seal",
};
const reasonSwedish: Record<VerifyReason, string> = {
  not_adjusted: "INTE JUSTERAT",
  no_seal: "SIGILL SAKNAS",
  changed: "ÄNDRAT sedan justeringen",
  history_broken: "SIGILLKEDJAN ÄR BRUTEN",
};

type Read =
  | { ok: true; file: ProtokollFile; stored: StoredFile; canonical: boolean }
  | { ok: false; lines: string[] };

/** The file, its stored JSON (the seal is checked on it: before migration and defaults), and whether its bytes are the canonical form. */
async function readProtocol(path: string): Promise<Read> {
  const read = await readProtocolFile(path);
  if (!read.ok) return read;
  const text = read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
  return {
    ok: true,
    file: read.file,
    stored: JSON.parse(text) as StoredFile,
    canonical: serialize(read.file) === text,
  };
}

/**
 * The §§ justerade at the meeting and whether they still read as then. Once the whole protocol is
 * justerad and its seal holds, a § that differs can only have changed by a recorded rättelse.
 */
function immediateStates(
  file: ProtokollFile,
  sealHolds: boolean,
): { item: string; at: string; state: "unchanged" | "corrected" | "changed" }[] {
  return immediateAdjustments(file).map((e) => {
    const same = immediateUnchanged(file, e.item!) === true;
    return {
      item: e.item!,
      at: e.at,
      state: same ? "unchanged" : sealHolds ? "corrected" : "changed",
    };
  });
}

interface Options {
  requireSignature: boolean;
  keys: string[];
}

/** The verdict in one sentence, English / Swedish, and whether it passes. */
function headline(v: SealVerdict, o: Options): { line: string; pass: boolean } {
  switch (v.result) {
    case "signed":
      return {
        line: `OK: the file agrees with its seal, signed by key ${sealKeyLabel(v.key, v.holder)} / Filen stämmer med sitt sigill, signerat med nyckel ${sealKeyLabel(v.key, v.holder)}`,
        pass: true,
      };
    case "old-form": {
      const what =
        "the file agrees with its seal of the old form, which is NOT SIGNED (anyone able to change the file could have recomputed it) / filen stämmer med sitt sigill av den gamla formen, som INTE ÄR SIGNERAT (den som kan ändra filen kan ha räknat om det)";
      return o.requireSignature || o.keys.length
        ? { line: `REFUSED: ${what}; a signature was required / en signatur krävdes`, pass: false }
        : { line: `OK (UNSIGNED, OLD FORM): ${what}`, pass: true };
    }
    case "unsigned":
      return {
        line: "NOT SIGNED: the file agrees with its seal, but the seal has no signature / INTE SIGNERAT: filen stämmer med sitt sigill, men sigillet saknar signatur",
        pass: false,
      };
    case "bad-signature":
      return {
        line: "BAD SIGNATURE: the seal's signature is not valid, so the seal may have been recomputed after a change / OGILTIG SIGNATUR: sigillets signatur stämmer inte, så sigillet kan ha räknats om efter en ändring",
        pass: false,
      };
    case "untrusted-key": {
      const k = v.signatures.find((s) => s.form === 2 && !s.trusted);
      const label = k?.key ? sealKeyLabel(k.key, k.holder) : "?";
      return {
        line: `UNTRUSTED KEY: the file agrees with its seal, signed by key ${label}, which is not a key you trust (give --key with its fingerprint as published, or add it to the trusted-keys file) / OKÄND NYCKEL: filen stämmer med sitt sigill, signerat med nyckel ${label}, som inte är en nyckel du litar på (ange --key med det publicerade fingeravtrycket, eller lägg till det i filen över betrodda nycklar)`,
        pass: false,
      };
    }
    case "seal-failed":
      return {
        line: `${reasonEnglish[v.seal.reason]} / ${reasonSwedish[v.seal.reason]}: ${v.seal.message}`,
        pass: false,
      };
  }
}

function report(
  path: string,
  file: ProtokollFile,
  v: SealVerdict,
  o: Options,
  canonical: boolean,
  today: string | null,
  pdf: { path: string; match: PdfMatch } | null,
  io: CliIO,
): number {
  const head = headline(v, o);
  io.out(`${head.line} — ${path}`);
  const meeting = `${file.meta.body.name}${file.meta.meeting.date ? `, ${file.meta.meeting.date}` : ""}`;
  if (v.result !== "seal-failed") {
    const s = v.seal;
    io.out(`  ${meeting}`);
    const adjustedBy = file.history.find((h) => h.kind === "adjusted" && h.item === null)?.by;
    io.out(`  Justerad / Adjusted: ${s.adjustedAt}${adjustedBy ? `, av / by ${adjustedBy}` : ""}`);
    io.out(`  Seal / Sigill (SHA-256, form ${s.form}): ${s.sha256} (${s.sealedAt})`);
    const key = v.signatures[v.signatures.length - 1]?.key;
    if (key) io.out(`  Key / Nyckel: ${formatFingerprint(key)}`);
    if (s.corrections.length === 0) io.out("  Rättelser / Corrections: none / inga");
    else {
      io.out(`  Rättelser / Corrections: ${s.corrections.length}`);
      s.corrections.forEach((c, i) => {
        const where = c.item ? ` (${itemLabel(file, c.item)})` : "";
        io.out(
          `    ${i + 1}. ${c.at} ${c.by}${where}: ${c.what}${c.why ? ` (Skäl / Reason: ${c.why})` : ""}`,
        );
      });
    }
    for (const n of s.notices) io.out(`  Anslag / Notice: ${n.at} ${n.by}: ${n.what}`);
    if (s.form === 1 && file.meta.notice.posted)
      io.out(
        `  Note / Obs: the anslag date (${file.meta.notice.posted}) is not covered by a seal of the old form / anslagsdatumet omfattas inte av ett sigill av den gamla formen`,
      );
  } else {
    io.out(`  ${meeting}; status: ${file.meta.status} / ${statusLabel[file.meta.status]}`);
    if (v.seal.expected) io.out(`  Stored seal / Lagrat sigill:   ${v.seal.expected}`);
    if (v.seal.reason !== "not_adjusted")
      io.out(`  Recomputed / Beräknat sigill: ${v.seal.actual}`);
  }
  const sealHolds = v.result !== "seal-failed";
  const immediate = immediateStates(file, sealHolds);
  for (const i of immediate) {
    const state =
      i.state === "unchanged"
        ? "unchanged / oförändrad"
        : i.state === "corrected"
          ? "changed by a recorded rättelse / ändrad genom rättelse"
          : "CHANGED / ÄNDRAD";
    io.out(
      `  ${itemLabel(file, i.item)} omedelbart justerad / immediately adjusted ${i.at}: ${state}`,
    );
  }
  if (pdf)
    io.out(
      pdf.match.ok
        ? `  PDF: ${pdf.path} is an export of this file (${pdf.match.output}, ${pdf.match.pages} pages, every page's text the same) / är en export av den här filen (varje sidas text densamma)`
        : `  PDF DOES NOT MATCH / PDF:EN STÄMMER INTE: ${pdf.path}: ${pdf.match.message}`,
    );
  if (!canonical)
    io.out(
      "  Note / Obs: the file is not in canonical form (written by another program) / filen är inte i kanonisk form (skriven av ett annat program)",
    );
  if (today) {
    const d = deadlineStatus(file.meta, today);
    io.out(`  Frister / Deadlines (${today}):`);
    for (const line of [d.adjustment, d.notice, d.appeal]) io.out(`    ${line.sentence}`);
  }
  return exitCode(head.pass, immediate, pdf);
}

const exitCode = (
  pass: boolean,
  immediate: { state: string }[],
  pdf: { match: PdfMatch } | null,
) => (pass && immediate.every((i) => i.state !== "changed") && (!pdf || pdf.match.ok) ? 0 : 1);

/**
 * Fingerprints the user trusts for this check: exactly the `--key`s and the `--trusted-keys` file
 * when given (the question is then "signed by this key?"), else the default trusted-keys file and
 * the user's own keys.
 */
async function trustedKeys(keys: string[], trustedFile: string | undefined): Promise<Set<string>> {
  if (keys.length || trustedFile !== undefined) {
    const out = trustedFile !== undefined ? await readTrustedKeys(trustedFile) : new Set<string>();
    for (const k of keys) out.add(k);
    return out;
  }
  const out = await readTrustedKeys(defaultTrustedKeysFile());
  for (const own of await new SealKeyStore(defaultKeyDir()).list()) out.add(own.fingerprint);
  return out;
}

export const verifyCommand: Command = {
  name: "verify",
  summary,
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      json: { type: "boolean" },
      today: { type: "string" },
      key: { type: "string", multiple: true },
      "trusted-keys": { type: "string" },
      "require-signature": { type: "boolean" },
      pdf: { type: "string" },
    });
    if (!parsed.ok) {
      io.err(`${parsed.error}\nUsage / Användning: ${USAGE}`);
      return 2;
    }
    const { values, positionals } = parsed;
    let today = values.today ?? null;
    if (today !== null && !parseIsoDate(today)) {
      io.err(
        `Invalid date for --today (use YYYY-MM-DD) / Ogiltigt datum för --today (skriv ÅÅÅÅ-MM-DD): ${today.slice(0, 40)}`,
      );
      return 2;
    }
    const keys: string[] = [];
    for (const k of values.key ?? []) {
      const fp = normalizeFingerprint(k);
      if (!fp) {
        io.err(
          `Not a key fingerprint (32 hex digits) / Inget nyckelfingeravtryck (32 hexadecimala siffror): ${k.slice(0, 80)}`,
        );
        return 2;
      }
      keys.push(fp);
    }
    if (positionals.length !== 1) {
      io.err(`Usage / Användning: ${USAGE}`);
      return 2;
    }
    const path = positionals[0]!;
    // Deadlines are shown for --today, or else for today's local date.
    today ??= new Date().toLocaleDateString("sv-SE");
    const read = await readProtocol(path);
    if (!read.ok) {
      if (values.json)
        io.out(JSON.stringify({ file: path, result: "unreadable", errors: read.lines }));
      else for (const l of read.lines) io.err(l);
      return 2;
    }
    let pdf: { path: string; match: PdfMatch } | null = null;
    if (values.pdf !== undefined) {
      const info = await stat(values.pdf).catch(() => null);
      if (!info || !info.isFile()) {
        io.err(
          `${info ? "Not a regular file / Inte en vanlig fil" : "File not found / Filen finns inte"}: ${values.pdf}`,
        );
        return 2;
      }
      if (info.size > MAX_PDF_BYTES) {
        io.err(`File too large / Filen är för stor: ${values.pdf}`);
        return 2;
      }
      pdf = {
        path: values.pdf,
        match: await pdfMatchesFile(read.file, new Uint8Array(await readFile(values.pdf))),
      };
    }
    const trustedFile = values["trusted-keys"];
    if (trustedFile !== undefined && !(await stat(trustedFile).catch(() => null))) {
      io.err(`File not found / Filen finns inte: ${trustedFile}`);
      return 2;
    }
    let trusted: Set<string>;
    try {
      trusted = await trustedKeys(keys, trustedFile);
    } catch (e) {
      if (!(e instanceof KeyError)) throw e;
      io.err(e.message);
      return 2;
    }
    const options: Options = { requireSignature: values["require-signature"] === true, keys };
    const verdict = checkSeal(read.file, read.stored, trusted);
    if (values.json) {
      const head = headline(verdict, options);
      const immediate = immediateStates(read.file, verdict.result !== "seal-failed");
      const s = verdict.seal;
      io.out(
        JSON.stringify({
          file: path,
          result: verdict.result === "seal-failed" ? verdict.seal.reason : verdict.result,
          pass: head.pass,
          message: head.line,
          status: read.file.meta.status,
          ...(s.ok
            ? {
                form: s.form,
                adjustedAt: s.adjustedAt,
                sealedAt: s.sealedAt,
                sha256: s.sha256,
                corrections: s.corrections,
                notices: s.notices,
                key: "key" in verdict ? verdict.key : null,
              }
            : { expected: s.expected, actual: s.actual }),
          immediate,
          ...(pdf ? { pdf: pdf.match } : {}),
          canonical: read.canonical,
          ...(today ? { deadlines: deadlineStatus(read.file.meta, today) } : {}),
        }),
      );
      return exitCode(head.pass, immediate, pdf);
    }
    return report(path, read.file, verdict, options, read.canonical, today, pdf, io);
  },
};
