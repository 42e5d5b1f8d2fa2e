/**
 * attendance-listed: the protocol lists who served (ledamöter and tjänstgörande ersättare) and which
 * ärenden were handled (KL 5:66, unverified). Reported once when the ledger is empty — the rules
 * that need the ledger stay silent then — and per § when the ledger leaves a § with nobody serving.
 */
import { problem } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentRule } from "./types.js";

export const attendanceListed: DocumentRule = {
  id: "attendance-listed",
  severity: "error",
  scope: "document",
  kinds: ["protokoll"],
  check(ctx) {
    if (ctx.items.length === 0) return [];
    if (!ctx.attendance.known)
      return [
        problem(this, {
          message:
            "Protokollet saknar närvaroförteckning: ange vilka ledamöter och tjänstgörande ersättare som deltog (och vilka övriga som var närvarande). Utan den kan inte kontrolleras vem som fick yrka, rösta och reservera sig.",
          item: null,
          from: 0,
          to: 0,
        }),
      ];
    const out: Problem[] = [];
    for (const it of ctx.items) {
      const a = ctx.attendance.byItem.get(it.id);
      if (a && a.serving.size === 0)
        out.push(
          problem(this, {
            message: `Enligt närvaroförteckningen tjänstgjorde ingen i § ${it.number}. Ange vilka som deltog i ärendet.`,
            item: it.id,
            from: it.pos,
            to: it.pos + it.node.nodeSize,
          }),
        );
    }
    return out;
  },
};
