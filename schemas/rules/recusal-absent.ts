/**
 * recusal-absent: a member with jäv takes no part in the §: no yrkande, vote, reservation or
 * statement, and is not counted for it. What else jäv means depends on the body: in a nämnd
 * (and kommunstyrelsen) the jävig member may not be present either (KL 6:30); in fullmäktige a
 * jävig member may stay in the room and is only barred from taking part (KL 5 kap.). So a jäv
 * recorded as "stannade kvar i lokalen" is an error in a nämnd and nothing in fullmäktige. Jäv is recorded in two places —
 * the recusal block (the text) and `meta.recusals` (which the attendance resolver uses to take the
 * person out of those serving) — and they must agree, or the person is counted as serving.
 */
import { ballotsOf } from "../generated.js";
import { atBlock, idsOf, nameOf, ofType, textOf } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemContext, ItemRule } from "./types.js";

const roles: { type: string; attr: string; what: string }[] = [
  { type: "proposal", attr: "proposers", what: "yrkar" },
  { type: "reservation", attr: "reservants", what: "reserverar sig" },
  { type: "special_statement", attr: "persons", what: "lämnar särskilt uttalande" },
  { type: "protocol_note", attr: "persons", what: "lämnar protokollsanteckning" },
  { type: "substitute_statement", attr: "persons", what: "lämnar ersättaryttrande" },
];

/** The recusal's text says the person stayed in the room. */
const staysInRoom =
  /\b(?:stannade|var|satt|fanns)\s+kvar\b|\bnärvarade\b|\bkvar i (?:salen|lokalen|rummet)\b/i;

function recusedIn(ctx: ItemContext): Set<string> {
  const s = new Set(ctx.att.recused);
  for (const b of ofType(ctx, "recusal")) for (const id of idsOf(b.node, "persons")) s.add(id);
  return s;
}

export const recusalAbsent: ItemRule = {
  id: "recusal-absent",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const recused = recusedIn(ctx);
    if (recused.size === 0) return out;
    for (const b of ofType(ctx, "recusal"))
      for (const id of idsOf(b.node, "persons"))
        if (!ctx.meta.recusals.some((r) => r.person === id && r.item === ctx.item.id))
          out.push(
            atBlock(
              this,
              ctx,
              b,
              `Jävet för ${nameOf(ctx.persons, id)} i ${ctx.label} står i texten men inte i närvaroförteckningen, så ${nameOf(ctx.persons, id)} räknas som tjänstgörande.`,
              {
                fix: {
                  label: "För in jävet i närvaroförteckningen",
                  action: {
                    type: "set-meta",
                    path: ["recusals"],
                    value: [...ctx.meta.recusals, { person: id, item: ctx.item.id }],
                  },
                },
              },
            ),
          );
    // In a nämnd the jävig member leaves the room (KL 6:30); in fullmäktige they may stay.
    if (ctx.meta.body.type !== "kommunfullmäktige")
      for (const b of ofType(ctx, "recusal"))
        if (staysInRoom.test(textOf(b.node)))
          out.push(
            atBlock(
              this,
              ctx,
              b,
              `I en nämnd får den som är jävig inte vara närvarande när ärendet handläggs (${ctx.label}); det är bara i fullmäktige som en jävig ledamot får stanna kvar.`,
            ),
          );
    for (const { type, attr, what } of roles)
      for (const b of ofType(ctx, type))
        for (const id of idsOf(b.node, attr))
          // a reservant with jäv in the ledger is reported by reservant-eligible
          if (recused.has(id) && !(type === "reservation" && ctx.att.recused.has(id)))
            out.push(
              atBlock(
                this,
                ctx,
                b,
                `${nameOf(ctx.persons, id)} var jävig i ${ctx.label} men ${what} i ärendet.`,
                {
                  fix: {
                    label: `Ta bort ${nameOf(ctx.persons, id)}`,
                    action: { type: "remove-person", pos: b.pos, attr, person: id },
                  },
                },
              ),
            );
    for (const v of ofType(ctx, "vote"))
      for (const ballot of ballotsOf(v.node))
        if (recused.has(ballot.person))
          out.push(
            atBlock(
              this,
              ctx,
              v,
              `${nameOf(ctx.persons, ballot.person)} var jävig i ${ctx.label} men röstade.`,
              {
                fix: {
                  label: `Ta bort rösten från ${nameOf(ctx.persons, ballot.person)}`,
                  action: {
                    type: "set-attrs",
                    pos: v.pos,
                    attrs: {
                      ballots: ballotsOf(v.node).filter((x) => x.person !== ballot.person),
                    },
                  },
                },
              },
            ),
          );
    return out;
  },
};
