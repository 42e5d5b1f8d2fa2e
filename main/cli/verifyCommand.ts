/**
 * `protokoll verify <file> [--json] [--today YYYY-MM-DD]`: recomputes the seal of a justerad
 * protocol and says whether it is unchanged since justering, listing the recorded rättelser and
 * the §§ justerade at the meeting, then the deadlines as of `--today` (default: today).
 * Exit 0 unchanged; 1 changed, seal chain broken, or not justerad; 2 unreadable or bad usage.
 * The seal and what it covers are defined in schemas/review/seal.ts.
 */
import { serialize, type ProtokollFile } from "../../schemas/file.js";
import { statusLabel } from "../../schemas/labels.js";
import { immediateAdjustments, immediateUnchanged } from "../../schemas/review/adjust.js";
import { deadlineStatus } from "../../schemas/review/deadlineStatus.js";
import { itemLabel } from "../../schemas/review/items.js";
import { verifySeal, type VerifyReason } from "../../schemas/review/seal.js";
import { parseIsoDate } from "../../schemas/dates.js";
import type { CliIO, Command } from "./command.js";
import { readProtocolFile } from "./readProtocolFile.js";
import { parseCommandArgs } from "./args.js";
import { commandInfo } from "./usage.js";

const { usage: USAGE, summary } = commandInfo.verify;

const reasonEnglish: Record<VerifyReason, string> = {
  not_adjusted: "NOT JUSTERAD: the document has not been justerad, so it has no seal to check",
  no_seal: "NO SEAL: the document is marked justerad but has no seal",
  changed: "CHANGED since justering: the seal does not match the content",
  history_broken: "SEAL CHAIN BROKEN: the seals recorded in the history do not lead to the document's seal",
};
const reasonSwedish: Record<VerifyReason, string> = {
  not_adjusted: "INTE JUSTERAT",
  no_seal: "SIGILL SAKNAS",
  changed: "ÄNDRAT sedan justeringen",
  history_broken: "SIGILLKEDJAN ÄR BRUTEN",
};

type Read = { ok: true; file: ProtokollFile; canonical: boolean } | { ok: false; lines: string[] };

/** The file, and whether its bytes are the canonical form (a seal is computed over the document as read). */
async function readProtocol(path: string): Promise<Read> {
  const read = await readProtocolFile(path);
  if (!read.ok) return read;
  const text = read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
  return { ok: true, file: read.file, canonical: serialize(read.file) === text };
}

/**
 * The §§ justerade at the meeting and whether they still read as then. Once the whole protocol is
 * justerad and its seal holds, a § that differs can only have changed by a recorded rättelse.
 */
function immediateStates(file: ProtokollFile, sealHolds: boolean): { item: string; at: string; state: "unchanged" | "corrected" | "changed" }[] {
  return immediateAdjustments(file).map((e) => {
    const same = immediateUnchanged(file, e.item!) === true;
    return { item: e.item!, at: e.at, state: same ? "unchanged" : sealHolds ? "corrected" : "changed" };
  });
}

function report(path: string, file: ProtokollFile, canonical: boolean, today: string | null, io: CliIO): number {
  const v = verifySeal(file);
  const meeting = `${file.meta.body.name}${file.meta.meeting.date ? `, ${file.meta.meeting.date}` : ""}`;
  if (v.ok) {
    io.out(`OK: unchanged since justering / oförändrat sedan justeringen — ${path}`);
    io.out(`  ${meeting}`);
    const adjustedBy = file.history.find((h) => h.kind === "adjusted" && h.item === null)?.by;
    io.out(`  Justerad / Adjusted: ${v.adjustedAt}${adjustedBy ? `, av / by ${adjustedBy}` : ""}`);
    io.out(`  Seal / Sigill (SHA-256): ${v.sha256} (${v.sealedAt})`);
    if (v.corrections.length === 0) io.out("  Rättelser / Corrections: none / inga");
    else {
      io.out(`  Rättelser / Corrections: ${v.corrections.length}`);
      v.corrections.forEach((c, i) => {
        const where = c.item ? ` (${itemLabel(file, c.item)})` : "";
        io.out(`    ${i + 1}. ${c.at} ${c.by}${where}: ${c.what}${c.why ? ` (Skäl / Reason: ${c.why})` : ""}`);
      });
    }
  } else {
    io.out(`${reasonEnglish[v.reason]} / ${reasonSwedish[v.reason]}: ${v.message} — ${path}`);
    io.out(`  ${meeting}; status: ${file.meta.status} / ${statusLabel[file.meta.status]}`);
    if (v.expected) io.out(`  Stored seal / Lagrat sigill:   ${v.expected}`);
    if (v.reason !== "not_adjusted") io.out(`  Recomputed / Beräknat sigill: ${v.actual}`);
  }
  for (const i of immediateStates(file, v.ok)) {
    const state = i.state === "unchanged" ? "unchanged / oförändrad" : i.state === "corrected" ? "changed by a recorded rättelse / ändrad genom rättelse" : "CHANGED / ÄNDRAD";
    io.out(`  ${itemLabel(file, i.item)} omedelbart justerad / immediately adjusted ${i.at}: ${state}`);
  }
  if (!canonical) io.out("  Note / Obs: the file is not in canonical form (written by another program) / filen är inte i kanonisk form (skriven av ett annat program)");
  if (today) {
    const d = deadlineStatus(file.meta, today);
    io.out(`  Frister / Deadlines (${today}):`);
    for (const line of [d.adjustment, d.notice, d.appeal]) io.out(`    ${line.sentence}`);
  }
  return v.ok && immediateStates(file, v.ok).every((i) => i.state !== "changed") ? 0 : 1;
}

export const verifyCommand: Command = {
  name: "verify",
  summary,
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { json: { type: "boolean" }, today: { type: "string" } });
    if (!parsed.ok) {
      io.err(`${parsed.error}\nUsage / Användning: ${USAGE}`);
      return 2;
    }
    const json = parsed.values.json === true;
    let today: string | null = parsed.values.today ?? null;
    if (today !== null && !parseIsoDate(today)) {
      io.err(`Invalid date for --today (use YYYY-MM-DD) / Ogiltigt datum för --today (skriv ÅÅÅÅ-MM-DD): ${today.slice(0, 40)}`);
      return 2;
    }
    const rest = parsed.positionals;
    if (rest.length !== 1) {
      io.err(`Usage / Användning: ${USAGE}`);
      return 2;
    }
    const path = rest[0]!;
    // Deadlines are shown for --today, or else for today's local date.
    today ??= new Date().toLocaleDateString("sv-SE");
    const read = await readProtocol(path);
    if (!read.ok) {
      if (json) io.out(JSON.stringify({ file: path, result: "unreadable", errors: read.lines }));
      else for (const l of read.lines) io.err(l);
      return 2;
    }
    if (json) {
      const v = verifySeal(read.file);
      const immediate = immediateStates(read.file, v.ok);
      const code = v.ok && immediate.every((i) => i.state !== "changed") ? 0 : 1;
      io.out(
        JSON.stringify({
          file: path,
          result: v.ok ? "unchanged" : v.reason,
          status: read.file.meta.status,
          ...(v.ok ? { adjustedAt: v.adjustedAt, sealedAt: v.sealedAt, sha256: v.sha256, corrections: v.corrections } : { message: v.message, expected: v.expected, actual: v.actual }),
          immediate,
          canonical: read.canonical,
          ...(today ? { deadlines: deadlineStatus(read.file.meta, today) } : {}),
        }),
      );
      return code;
    }
    return report(path, read.file, read.canonical, today, io);
  },
};
