/**
 * decision-required: every § that is not purely informational has a decision (KL 5:67 p4); an
 * informational § says so ("läggs till handlingarna", "Nämnden tackade för informationen").
 * A § passes with a non-empty decision block, or with prose that states the outcome (protocols
 * of procedural §§ often write "Dagordningen godkändes", "X utsågs att justera" as prose).
 */
import { schema } from "../schema.js";
import { atBlock, atItem, ofType, textOf } from "./helpers.js";
import type { ItemRule } from "./types.js";
import { itemTitleText } from "../titleText.js";

const words = [
  "(?:läggs|lades|lägges)\\s+till\\s+handlingarna",
  "tackade?\\s+för\\s+(?:informationen|redovisningen|dragningen|svaret|svaren)",
  "informationen\\s+(?:noteras|antecknas|noterades|antecknades)",
  "till\\s+protokollet",
  "noterades",
  "antecknades",
  "godkän(?:des|ns|ner|de)",
  "beslut(?:ade|ar)",
  "beslöt",
  "utsågs",
  "utses",
  "valdes",
  "väljs",
  "fastställ(?:des|s|er)",
  "bifölls?",
  "avslogs?",
  "återremitter(?:ades|as)",
  "bordlades",
  "bordläggs",
];
/** Phrases that record an outcome or that the § was information only (whole words, Swedish letters included). */
export const outcomePhrase = new RegExp(`(?<!\\p{L})(?:${words.join("|")})(?!\\p{L})`, "iu");

/** Titles of §§ that are usually information only. */
const informational =
  /informera|information|rapport|redovisning|uppföljning|meddelande|delgivning/i;

const proseBlocks = new Set([
  "paragraph",
  "ordered_list",
  "bullet_list",
  "quote",
  "decision_procedure",
]);

export const decisionRequired: ItemRule = {
  id: "decision-required",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const decisions = ofType(ctx, "decision");
    if (decisions.some((d) => d.node.textContent.trim() !== "")) return [];
    const firstBody = ctx.blocks.find(
      (b) => !["item_title", "item_subtitle", "dnr"].includes(b.type),
    );
    const insertAt = firstBody ? firstBody.pos : ctx.item.pos + ctx.item.node.nodeSize - 1;
    // an information or anmälan § gets the customary sentence; any other § an empty beslut to write
    const title = itemTitleText(ctx.item.node);
    const phrase = /anmäl/i.test(title)
      ? "Anmälan läggs till handlingarna."
      : informational.test(title)
        ? "Informationen läggs till handlingarna."
        : null;
    const point = schema.nodes.decision_point.create(null, phrase ? schema.text(phrase) : null);
    const fix = {
      label: phrase ? `Lägg till beslut: ”${phrase}”` : "Lägg till beslut",
      action: {
        type: "insert-block" as const,
        pos: insertAt,
        node: schema.nodes.decision.create(null, [point]).toJSON() as Record<string, unknown>,
      },
    };
    const empty = decisions[0];
    if (empty)
      return [
        atBlock(this, ctx, empty, `Beslutet i ${ctx.label} är tomt. Skriv vad nämnden beslutade.`),
      ];
    // the § text itself and the beslutsordning; not the background ("förvaltningen föreslår att nämnden godkänner …"),
    // yrkanden, reservations or statements, which say what someone wanted rather than what was decided
    const prose = ctx.blocks
      .filter((b) => proseBlocks.has(b.type))
      .map((b) => textOf(b.node))
      .join("\n");
    if (outcomePhrase.test(prose)) return [];
    return [
      atItem(
        this,
        ctx,
        `${ctx.label} saknar beslut. Skriv vad som beslutades, eller – om ärendet bara var information – att informationen läggs till handlingarna.`,
        { fix },
      ),
    ];
  },
};
