/**
 * substitute-order: a serving ersättare comes from the absent ledamot's party when an ersättare of
 * that party was present (inkallelseordning; reglemente, practice). A warning: the reglemente may
 * set another order, and a party may have agreed otherwise.
 */
import { atItem, nameOf } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

export const substituteOrder: ItemRule = {
  id: "substitute-order",
  severity: "warning",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    if (!ctx.known) return out;
    for (const [substitute, absent] of ctx.att.replaces) {
      const party = ctx.persons.get(absent)?.party;
      const own = ctx.persons.get(substitute)?.party;
      if (!party || !own || party === own) continue;
      const sameParty = [...ctx.att.present].filter((id) => {
        const p = ctx.persons.get(id);
        return p?.role === "substitute" && p.party === party;
      });
      if (sameParty.length)
        out.push(
          atItem(
            this,
            ctx,
            `${nameOf(ctx.persons, substitute)} (${own}) tjänstgjorde i ${ctx.label} för ${nameOf(ctx.persons, absent)} (${party}), fast ${nameOf(ctx.persons, sameParty[0]!)} (${party}) var närvarande. Ersättare ur den frånvarandes parti går före enligt inkallelseordningen.`,
          ),
        );
    }
    return out;
  },
};
