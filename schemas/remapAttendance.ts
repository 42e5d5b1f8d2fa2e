/**
 * Attendance follows the meeting's time order: who served when an ärende was handled does not
 * change when the secretary later moves its § in the protocol. The ledger stores ranges from one
 * § id to another, so a move would silently change the §§ between those ids. `remapAttendance`
 * rewrites the ledger for a new order of the same §§ so that every § keeps exactly the persons it
 * had: an entry whose §§ are no longer adjacent is split into one entry per run of adjacent §§.
 * It also says, in Swedish, which entries it split (shown in the Problem panel after a move).
 */
import type { AttendanceEntry } from "./meta.js";

export interface AttendanceRemap {
  attendance: AttendanceEntry[];
  /** One Swedish sentence per ledger entry that the move split; empty when nothing changed. */
  changes: string[];
}

/**
 * `before` and `after` are the § ids in the old and the new order (the same ids); `numberOf`
 * gives a § id's new number and `personLabel` a person's name (with party), for the sentences.
 */
export function remapAttendance(
  ledger: readonly AttendanceEntry[],
  before: readonly string[],
  after: readonly string[],
  numberOf: (id: string) => number | undefined,
  personLabel: (person: string) => string,
): AttendanceRemap {
  const oldIndex = new Map(before.map((id, i) => [id, i]));
  const attendance: AttendanceEntry[] = [];
  const changes: string[] = [];
  for (const entry of ledger) {
    if (!before.length) {
      attendance.push(entry);
      continue;
    }
    const from = entry.from === null ? 0 : (oldIndex.get(entry.from) ?? 0);
    const to =
      entry.to === null ? before.length - 1 : (oldIndex.get(entry.to) ?? before.length - 1);
    const covered = new Set(before.slice(from, to + 1));
    // Runs of adjacent covered §§ in the new order.
    const runs: [number, number][] = [];
    after.forEach((id, i) => {
      if (!covered.has(id)) return;
      const last = runs[runs.length - 1];
      if (last && last[1] === i - 1) last[1] = i;
      else runs.push([i, i]);
    });
    if (!runs.length) {
      attendance.push(entry);
      continue;
    }
    const pieces = runs.map(([a, b]) => ({
      ...entry,
      from: a === 0 && entry.from === null ? null : after[a]!,
      to: b === after.length - 1 && entry.to === null ? null : after[b]!,
    }));
    const same =
      pieces.length === 1 && pieces[0]!.from === entry.from && pieces[0]!.to === entry.to;
    attendance.push(...(same ? [entry] : pieces));
    if (pieces.length > 1) {
      const span = ([a, b]: [number, number]) =>
        a === b ? `§ ${numberOf(after[a]!)}` : `§§ ${numberOf(after[a]!)}–${numberOf(after[b]!)}`;
      const role =
        entry.status === "serving"
          ? entry.replaces
            ? `tjänstgör för ${personLabel(entry.replaces)}`
            : "tjänstgör"
          : "är närvarande";
      changes.push(
        `${personLabel(entry.person)} ${role} fortfarande i samma ärenden; efter flyttningen är det ${runs.map(span).join(" och ")}.`,
      );
    }
  }
  return { attendance, changes };
}
