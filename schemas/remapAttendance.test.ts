import { describe, expect, it } from "vitest";
import type { AttendanceEntry } from "./meta.js";
import { remapAttendance } from "./remapAttendance.js";

const entry = (
  person: string,
  from: string | null,
  to: string | null,
  replaces: string | null = null,
): AttendanceEntry => ({ person, status: "serving", from, to, replaces });
/** Who serves in each § under a ledger, in a given order (the resolver's range semantics). */
function servingBy(ledger: AttendanceEntry[], order: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = Object.fromEntries(order.map((id) => [id, []]));
  for (const e of ledger) {
    const from = e.from === null ? 0 : order.indexOf(e.from);
    const to = e.to === null ? order.length - 1 : order.indexOf(e.to);
    for (let i = from; i <= to; i++) out[order[i]!]!.push(e.person);
  }
  for (const id of order) out[id]!.sort();
  return out;
}

describe("the attendance ledger after §§ are moved", () => {
  const before = ["a", "b", "c", "d", "e"];
  const names = (p: string) => ({ x: "Ersättare Ek", y: "Ledamot Lind" })[p] ?? p;
  const numbers = (order: string[]) => (id: string) => order.indexOf(id) + 1;

  it("keeps who served in every § when a § is moved out of a substitute's range, and says how the range split", () => {
    const ledger = [entry("m", null, null), entry("x", "b", "d", "y")];
    const after = ["a", "c", "d", "e", "b"]; // § b moved to the end
    const r = remapAttendance(ledger, before, after, numbers(after), names);
    expect(servingBy(r.attendance, after)).toEqual(servingBy(ledger, before));
    expect(r.attendance).toEqual([
      entry("m", null, null),
      entry("x", "c", "d", "y"),
      entry("x", "b", "b", "y"),
    ]);
    expect(r.changes).toEqual([
      "Ersättare Ek tjänstgör för Ledamot Lind fortfarande i samma ärenden; efter flyttningen är det §§ 2–3 och § 5.",
    ]);
  });

  it("does not let a § moved into a range gain the person who served there", () => {
    const ledger = [entry("x", "a", "b")];
    const after = ["a", "e", "b", "c", "d"];
    const r = remapAttendance(ledger, before, after, numbers(after), names);
    expect(servingBy(r.attendance, after).e).toEqual([]);
    expect(servingBy(r.attendance, after)).toEqual(servingBy(ledger, before));
    expect(r.changes).toHaveLength(1);
  });

  it("moves an end of a range that stays whole, and leaves ranges the move does not touch as they were", () => {
    const ledger = [entry("x", "b", "d"), entry("m", null, null), entry("z", "a", "b")];
    const inside = ["a", "c", "b", "d", "e"]; // b and c swap inside x's range
    const r = remapAttendance(ledger, before, inside, numbers(inside), names);
    expect(servingBy(r.attendance, inside)).toEqual(servingBy(ledger, before));
    expect(r.attendance[0]).toEqual(entry("x", "c", "d"));
    const outside = ["a", "b", "c", "e", "d"];
    const untouched = [entry("x", "b", "c"), entry("m", null, null)];
    expect(remapAttendance(untouched, before, outside, numbers(outside), names)).toEqual({
      attendance: untouched,
      changes: [],
    });
  });
});
