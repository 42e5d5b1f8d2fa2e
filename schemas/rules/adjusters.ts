/**
 * adjusters: the chair plus the number of justerare the reglemente asks for (practice; reglemente).
 * A justerare must have been present and served, or be a ledamot of the body; staff cannot justera.
 */
import { electedRoles, memberRoles, nameOf, problem } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentRule } from "./types.js";

export const adjusters: DocumentRule = {
  id: "adjusters",
  severity: "error",
  scope: "document",
  kinds: ["protokoll"],
  check(ctx) {
    const { meta } = ctx;
    const out: Problem[] = [];
    const at = (message: string, fix?: Problem["fix"]) =>
      problem(this, { message, item: null, from: 0, to: 0, ...(fix ? { fix } : {}) });
    if (!meta.chair) out.push(at("Ordförande är inte angiven. Ordföranden justerar protokollet."));
    const needed = meta.body.reglemente.adjusters;
    const list = meta.adjusters.filter((a) => a !== meta.chair);
    if (list.length < needed)
      out.push(
        at(
          `Reglementet kräver ${needed} justerare utöver ordföranden, men ${list.length === 0 ? "ingen är utsedd" : `bara ${list.length} är utsedd${list.length === 1 ? "" : "a"}`}.`,
        ),
      );
    if (meta.chair && meta.adjusters.includes(meta.chair))
      out.push(
        at(`${nameOf(ctx.persons, meta.chair)} är ordförande och kan inte också vara justerare.`, {
          label: "Ta bort ordföranden som justerare",
          action: {
            type: "set-meta",
            path: ["adjusters"],
            value: meta.adjusters.filter((a) => a !== meta.chair),
          },
        }),
      );
    const dup = meta.adjusters.filter((a, i) => meta.adjusters.indexOf(a) !== i);
    for (const d of new Set(dup))
      out.push(at(`${nameOf(ctx.persons, d)} står flera gånger som justerare.`));
    for (const id of new Set(list)) {
      const person = ctx.persons.get(id);
      if (!person) continue;
      if (!electedRoles.has(person.role)) {
        out.push(
          at(
            `${person.name} är inte ledamot eller ersättare i ${meta.body.name} och kan inte justera protokollet.`,
            {
              label: "Ta bort som justerare",
              action: {
                type: "set-meta",
                path: ["adjusters"],
                value: meta.adjusters.filter((a) => a !== id),
              },
            },
          ),
        );
        continue;
      }
      if (!ctx.attendance.known) continue;
      let served = false;
      let present = false;
      for (const a of ctx.attendance.byItem.values()) {
        if (a.serving.has(id)) served = true;
        if (a.present.has(id) || a.recused.has(id)) present = true;
      }
      if (served || (present && memberRoles.has(person.role))) continue;
      out.push(
        at(
          present
            ? `${person.name} var närvarande men tjänstgjorde inte och är inte ledamot – en ersättare som inte tjänstgjort kan inte justera.`
            : `${person.name} är utsedd till justerare men finns inte i närvaroförteckningen.`,
        ),
      );
    }
    return out;
  },
};
