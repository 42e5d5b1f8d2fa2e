/**
 * decision-wording-changed: the wording of a decision changed after the protocol went for justering
 * (status "för justering"): the justerare must see it — justering may not reformulate what was
 * decided (JO 3339-2013).
 *
 * The reference text is what each reader last saw (`review.lastSeen`, recorded when a justerare
 * reads, schemas/review/changesSince.ts): a § whose beslut reads differently now from what a reader
 * saw is reported with the reader's name. Before anyone has read the draft there is nothing to
 * compare with, and the rule is silent; it needs the review part of the file (validateFile / CLI).
 */
import type { Node } from "prosemirror-model";
import { schema } from "../schema.js";
import { nameOf, problem, textOf } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentRule } from "./types.js";

/** The decision text of each § of a document, by § id. */
function decisions(doc: Node): Map<string, string> {
  const m = new Map<string, string>();
  doc.forEach((item) => {
    if (item.type.name !== "agenda_item") return;
    const parts: string[] = [];
    item.forEach((b) => {
      if (b.type.name === "decision") parts.push(textOf(b).replace(/\s+/g, " ").trim());
    });
    m.set(item.attrs.id as string, parts.join("\n"));
  });
  return m;
}

const seenCache = new WeakMap<object, Map<string, string> | null>();
function seenDecisions(seenDoc: unknown): Map<string, string> | null {
  if (seenDoc === null || typeof seenDoc !== "object") return null;
  if (!seenCache.has(seenDoc)) {
    let m: Map<string, string> | null = null;
    try {
      m = decisions(schema.nodeFromJSON(seenDoc));
    } catch {
      m = null;
    }
    seenCache.set(seenDoc, m);
  }
  return seenCache.get(seenDoc) ?? null;
}

export const decisionWordingChanged: DocumentRule = {
  id: "decision-wording-changed",
  severity: "warning",
  scope: "document",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    if (ctx.meta.status !== "in_review" || !ctx.review) return out;
    const readers = Object.entries(ctx.review.lastSeen);
    if (readers.length === 0) return out;
    const now = decisions(ctx.doc);
    for (const it of ctx.items) {
      const current = now.get(it.id) ?? "";
      const changedFor: string[] = [];
      for (const [reader, seen] of readers) {
        const before = seenDecisions(seen.doc)?.get(it.id);
        if (before !== undefined && before !== current)
          changedFor.push(ctx.persons.has(reader) ? nameOf(ctx.persons, reader) : reader);
      }
      if (changedFor.length)
        out.push(
          problem(this, {
            message: `Beslutet i § ${it.number} är omformulerat sedan ${changedFor.join(" och ")} läste protokollet. Justerarna måste se ändringen – vid justering får det som beslutades inte formuleras om.`,
            item: it.id,
            from: it.pos,
            to: it.pos + it.node.nodeSize,
          }),
        );
    }
    return out;
  },
};
