/** signature: the answer ends with place and date and the name (and title) of the one who answers (practice). */
import { parseIsoDate } from "../dates.js";
import { problem } from "./helpers.js";
import { answerParts } from "./interpellation.js";
import type { DocumentRule } from "./types.js";

export const signature: DocumentRule = {
  id: "signature",
  severity: "error",
  scope: "document",
  kinds: ["interpellationssvar"],
  check(ctx) {
    const parts = answerParts(ctx.doc);
    const from = parts.signaturePos ?? 0;
    const to = parts.signaturePos === null ? 0 : parts.signaturePos + 1;
    const ip = ctx.meta.interpellation;
    const missing: string[] = [];
    if (!ip?.place?.trim()) missing.push("ort");
    if (!ip?.date || !parseIsoDate(ip.date)) missing.push("datum");
    if (!ip?.signatory) missing.push("vem som undertecknar");
    else if (!ctx.persons.has(ip.signatory)) missing.push("undertecknarens namn");
    if (missing.length === 0) return [];
    const list =
      missing.length === 1
        ? missing[0]!
        : `${missing.slice(0, -1).join(", ")} och ${missing[missing.length - 1]}`;
    return [
      problem(this, {
        message: `Svaret ska avslutas med ort, datum och namn på den som svarar – ${list} saknas.`,
        item: null,
        from,
        to,
      }),
    ];
  },
};
