/**
 * interpellation-parties: an answer names the interpellant and the addressee (KL 5:59–63); an
 * answer signed by someone other than the addressee says that answering was handed over
 * (arbetsordning) — `handoverSentence` gives the sentence to add.
 */
import type { Meta } from "../meta.js";
import { nameOf, problem } from "./helpers.js";
import { answerParts } from "./interpellation.js";
import type { Problem } from "./problem.js";
import type { DocumentRule } from "./types.js";

/** "Interpellationen har överlämnats till Eva Berg (S) för besvarande." */
export function handoverSentence(meta: Pick<Meta, "persons" | "interpellation">): string | null {
  const ip = meta.interpellation;
  if (!ip?.signatory || !ip.addressee || ip.signatory === ip.addressee) return null;
  const who = meta.persons.find((p) => p.id === ip.signatory);
  const from = meta.persons.find((p) => p.id === ip.addressee);
  if (!who) return null;
  const name = `${who.name}${who.party ? ` (${who.party})` : ""}`;
  return from?.title
    ? `Interpellationen har överlämnats från ${from.title} ${from.name} till ${name} för besvarande.`
    : `Interpellationen har överlämnats till ${name} för besvarande.`;
}

const handedOver =
  /överlämna|lämnats över|besvara[rs]? (?:den |interpellationen )?i stället|i ställe för/i;

export const interpellationParties: DocumentRule = {
  id: "interpellation-parties",
  severity: "error",
  scope: "document",
  kinds: ["interpellationssvar"],
  check(ctx) {
    const out: Problem[] = [];
    const ip = ctx.meta.interpellation;
    const at = (message: string, severity?: "warning") =>
      problem(this, { message, item: null, from: 0, to: 0, ...(severity ? { severity } : {}) });
    if (!ip?.interpellant)
      out.push(at("Svaret anger inte vem som har ställt interpellationen (interpellanten)."));
    if (!ip?.addressee) out.push(at("Svaret anger inte vem interpellationen är ställd till."));
    if (ip?.signatory && ip.addressee && ip.signatory !== ip.addressee) {
      const parts = answerParts(ctx.doc);
      if (!handedOver.test(`${parts.prose}\n${parts.answer?.textContent ?? ""}`))
        out.push(
          at(
            `Svaret undertecknas av ${nameOf(ctx.persons, ip.signatory)}, men interpellationen är ställd till ${nameOf(ctx.persons, ip.addressee)}. Skriv att den har överlämnats för besvarande, t.ex. ”${handoverSentence(ctx.meta)}”`,
            "warning",
          ),
        );
    }
    return out;
  },
};
