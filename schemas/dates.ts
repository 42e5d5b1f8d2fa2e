/** Dates: ISO in data, Swedish long form ("den 25 augusti 2020") where documents use it. */
export const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;
export const WEEKDAYS = [
  "söndag",
  "måndag",
  "tisdag",
  "onsdag",
  "torsdag",
  "fredag",
  "lördag",
] as const;

/** Parse an ISO date (2020-08-25) as a UTC date; null if it is not a real date. */
export function parseIsoDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! &&
    d.getUTCMonth() === +m[2]! - 1 &&
    d.getUTCDate() === +m[3]!
    ? d
    : null;
}

export function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`Ogiltigt datum: ${iso}`);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const da = parseIsoDate(a),
    db = parseIsoDate(b);
  if (!da || !db) throw new RangeError(`Ogiltigt datum: ${!da ? a : b}`);
  return Math.round((db.getTime() - da.getTime()) / 86400000);
}

/** "25 augusti 2020"; with `den`: "den 25 augusti 2020"; with `weekday`: "tisdag den 25 augusti 2020". */
export function swedishLongDate(
  iso: string,
  opts: { den?: boolean; weekday?: boolean } = {},
): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  const s = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const den = opts.den || opts.weekday ? `den ${s}` : s;
  return opts.weekday ? `${WEEKDAYS[d.getUTCDay()]} ${den}` : den;
}

/** The local calendar date as ISO (2026-11-23): "today" as the secretary sees it, not in UTC. */
export function localIsoDate(date = new Date()): string {
  return localIsoDateTime(date).slice(0, 10);
}

/** Local date and time to the minute, as the review records take it: "2026-11-23T14:05". */
export function localIsoDateTime(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
}
