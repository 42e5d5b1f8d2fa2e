/**
 * vote-result: the recorded result matches the tally; on a tie the presiding chair's vote decides
 * (utslagsröst) in a matter, lot (lottning) in an election — recorded as such. Only a presiding
 * chair who voted has an utslagsröst (KL 4:26; JO 2571-1999): the presiding chair of the § (the
 * vice chair when the chair is jävig or absent, schemas/presiding.ts) must have voted ja or nej.
 * The beslutsordning's adopted proposal must be the one the vote gave.
 */
import { ballotsOf, voteCount, voteWinner } from "../generated.js";
import { presidingChair } from "../presiding.js";
import { atBlock, lastVote, nameOf, ofType } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { ItemRule } from "./types.js";

export const voteResult: ItemRule = {
  id: "vote-result",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const votes = ofType(ctx, "vote");
    for (const v of votes) {
      const a = v.node.attrs;
      const c = voteCount(v.node);
      const result = a.result as "ja" | "nej" | null;
      const tieBreak = a.tieBreak as "chair" | "lot" | null;
      const set = (attrs: Record<string, unknown>, label: string) => ({
        label,
        action: { type: "set-attrs" as const, pos: v.pos, attrs },
      });
      if (c.ja + c.nej + c.avstår === 0 && !result) continue; // nothing recorded yet: vote-voters-serving says so
      if (c.ja !== c.nej) {
        const expected = c.ja > c.nej ? "ja" : "nej";
        if (result !== expected)
          out.push(
            atBlock(
              this,
              ctx,
              v,
              result
                ? `Omröstningen i ${ctx.label} gav ${c.ja} ja och ${c.nej} nej, men resultatet är angivet som ${result}.`
                : `Resultatet av omröstningen i ${ctx.label} är inte angivet (${c.ja} ja, ${c.nej} nej).`,
              {
                fix: set({ result: expected }, `Ange resultatet ${expected}`),
              },
            ),
          );
        if (tieBreak)
          out.push(
            atBlock(
              this,
              ctx,
              v,
              `Omröstningen i ${ctx.label} slutade inte lika, men ${tieBreak === "chair" ? "utslagsröst" : "lottning"} är angiven.`,
              { fix: set({ tieBreak: null }, "Ta bort utslagsröst/lottning") },
            ),
          );
      } else {
        const expectedBreak = a.election ? "lot" : "chair";
        if (tieBreak !== expectedBreak)
          out.push(
            atBlock(
              this,
              ctx,
              v,
              a.election
                ? `Valet i ${ctx.label} slutade lika (${c.ja}–${c.nej}); vid lika röstetal i val avgör lotten, och det ska antecknas.`
                : `Omröstningen i ${ctx.label} slutade lika (${c.ja}–${c.nej}); ordförandens utslagsröst avgör, och det ska antecknas.`,
              {
                fix: set(
                  { tieBreak: expectedBreak },
                  a.election ? "Ange lottning" : "Ange utslagsröst",
                ),
              },
            ),
          );
        if (!result)
          out.push(
            atBlock(this, ctx, v, `Resultatet av omröstningen i ${ctx.label} är inte angivet.`),
          );
        else if (!a.election) {
          const chair = presidingChair(ctx.meta, ctx.item.id, ctx.att, ctx.known);
          const ballots = ballotsOf(v.node);
          const chairVote = chair ? ballots.find((b) => b.person === chair)?.vote : undefined;
          if ((chairVote === "ja" || chairVote === "nej") && chairVote !== result)
            out.push(
              atBlock(
                this,
                ctx,
                v,
                `Vid lika röstetal i ${ctx.label} avgör ordförandens röst (${chairVote}), men resultatet är angivet som ${result}.`,
                { fix: set({ result: chairVote }, `Ange resultatet ${chairVote}`) },
              ),
            );
          else if (
            tieBreak === "chair" &&
            chair &&
            ballots.length > 0 &&
            chairVote !== "ja" &&
            chairVote !== "nej"
          )
            out.push(
              atBlock(
                this,
                ctx,
                v,
                `Omröstningen i ${ctx.label} avgjordes med utslagsröst, men ${nameOf(ctx.persons, chair)}, som ledde sammanträdet i paragrafen, ${chairVote === "avstår" ? "avstod från att rösta" : "röstade inte"}. Bara en ordförande som röstat har utslagsröst.`,
              ),
            );
        }
      }
    }
    const last = lastVote(ctx);
    if (last && last.node.attrs.result) {
      const winner = voteWinner(last.node);
      for (const p of ofType(ctx, "decision_procedure")) {
        const adopted = p.node.attrs.adopted as string | null;
        if (winner && adopted && adopted !== winner)
          out.push(
            atBlock(
              this,
              ctx,
              p,
              `Beslutsordningen i ${ctx.label} anger ett annat förslag som bifallet än det som vann omröstningen.`,
              {
                fix: {
                  label: "Ange förslaget som vann",
                  action: { type: "set-attrs", pos: p.pos, attrs: { adopted: winner } },
                },
              },
            ),
          );
      }
    }
    return out;
  },
};
