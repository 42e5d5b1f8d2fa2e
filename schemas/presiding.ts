/**
 * Who presided (ledde sammanträdet) for a §: the one recorded in `meta.presiding` for it; otherwise
 * the chair, unless the chair had jäv or did not serve in the §, when the vice chair (or the 2nd
 * vice chair) presides. The presiding chair's vote decides a tie in a matter (utslagsröst, KL 4:26)
 * — and only if that chair voted.
 */
import type { ItemAttendance } from "./attendance.js";
import type { Meta } from "./meta.js";

export function presidingChair(
  meta: Pick<Meta, "presiding" | "chair" | "persons">,
  itemId: string,
  att?: ItemAttendance,
  known = true,
): string | null {
  const recorded = meta.presiding?.find((p) => p.item === itemId)?.person;
  if (recorded) return recorded;
  const available = (id: string | null | undefined): id is string =>
    !!id && (!att || !known || (!att.recused.has(id) && att.serving.has(id)));
  if (available(meta.chair)) return meta.chair;
  for (const role of ["vice_chair", "second_vice_chair"] as const) {
    const vice = meta.persons.find((p) => p.role === role && available(p.id));
    if (vice) return vice.id;
  }
  return meta.chair ?? null;
}
