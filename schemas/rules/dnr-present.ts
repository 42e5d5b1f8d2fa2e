/** dnr-present: the Dnr of the interpellation is given (practice). */
import { problem } from "./helpers.js";
import type { DocumentRule } from "./types.js";

export const dnrPresent: DocumentRule = {
  id: "dnr-present",
  severity: "warning",
  scope: "document",
  kinds: ["interpellationssvar"],
  check(ctx) {
    if (ctx.meta.interpellation?.dnr?.trim()) return [];
    const title = ctx.doc.firstChild?.firstChild;
    return [
      problem(this, {
        message: "Diarienummer (Dnr) för interpellationen saknas.",
        item: null,
        from: 1,
        to: 1 + (title?.nodeSize ?? 0),
      }),
    ];
  },
};
