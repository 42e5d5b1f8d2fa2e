/**
 * vote-voters-serving: everyone who votes serves for that §, each exactly once; no jävig person
 * votes (reported by recusal-absent); in an open vote each member's vote is recorded (KL 5:67 p5).
 */
import { ballotsOf } from "../generated.js";
import { atBlock, namesOf, nameOf, ofType } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

export const voteVotersServing: ItemRule = {
  id: "vote-voters-serving",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    for (const v of ofType(ctx, "vote")) {
      const ballots = ballotsOf(v.node);
      const seen = new Set<string>();
      for (const b of ballots) {
        if (seen.has(b.person)) {
          out.push(
            atBlock(
              this,
              ctx,
              v,
              `${nameOf(ctx.persons, b.person)} har röstat mer än en gång i omröstningen i ${ctx.label}.`,
              {
                fix: {
                  label: "Behåll bara den första rösten",
                  action: {
                    type: "set-attrs",
                    pos: v.pos,
                    attrs: {
                      ballots: ballots.filter(
                        (x, i) => ballots.findIndex((y) => y.person === x.person) === i,
                      ),
                    },
                  },
                },
              },
            ),
          );
        }
        seen.add(b.person);
      }
      if (ctx.known) {
        const notServing = [...seen].filter(
          (p) => !ctx.att.serving.has(p) && !ctx.att.recused.has(p),
        );
        for (const p of notServing)
          out.push(
            atBlock(
              this,
              ctx,
              v,
              `${nameOf(ctx.persons, p)} röstade i ${ctx.label} men tjänstgjorde inte.`,
              {
                fix: {
                  label: `Ta bort rösten från ${nameOf(ctx.persons, p)}`,
                  action: {
                    type: "set-attrs",
                    pos: v.pos,
                    attrs: { ballots: ballots.filter((x) => x.person !== p) },
                  },
                },
              },
            ),
          );
      }
      if (!v.node.attrs.open) continue;
      if (ballots.length === 0) {
        out.push(
          atBlock(
            this,
            ctx,
            v,
            `Omröstningen i ${ctx.label} är öppen, men hur var och en röstade är inte antecknat.`,
          ),
        );
        continue;
      }
      if (ctx.known) {
        const missing = [...ctx.att.serving].filter((p) => !seen.has(p));
        if (missing.length)
          out.push(
            atBlock(
              this,
              ctx,
              v,
              `Röst saknas i omröstningen i ${ctx.label} för ${namesOf(ctx.persons, missing)}, som tjänstgjorde.`,
            ),
          );
      }
    }
    return out;
  },
};
