/**
 * no-rotation: a ledamot who stopped serving does not return in the same meeting
 * (växeltjänstgöring), except after jäv (practice, reglemente). From the ledger: for each ledamot,
 * the §§ where they serve must be one unbroken run, where §§ in which they were jäviga count as served.
 */
import { memberRoles, problem } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentRule } from "./types.js";

export const noRotation: DocumentRule = {
  id: "no-rotation",
  severity: "warning",
  scope: "document",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    if (!ctx.attendance.known) return out;
    for (const person of ctx.persons.values()) {
      if (!memberRoles.has(person.role)) continue;
      let state: "before" | "serving" | "stopped" = "before";
      for (const it of ctx.items) {
        const a = ctx.attendance.byItem.get(it.id);
        if (!a) continue;
        const serves = a.serving.has(person.id);
        if (a.recused.has(person.id)) continue;
        if (serves && state === "stopped") {
          out.push(
            problem(this, {
              message: `${person.name} slutade tjänstgöra men tjänstgör igen från § ${it.number} (växeltjänstgöring). Det är bara tillåtet efter jäv.`,
              item: it.id,
              from: it.pos,
              to: it.pos + it.node.nodeSize,
            }),
          );
          break;
        }
        if (serves) state = "serving";
        else if (state === "serving") state = "stopped";
      }
    }
    return out;
  },
};
