/**
 * numbering: § numbers are consecutive from the body's first number of the year, with no gaps or
 * duplicates, and references to §§ point to existing §§ (practice).
 *
 * § numbers are derived (schemas/numbering.ts), so gaps cannot occur. What can go wrong, and is
 * checked here:
 * - item scope: an `item_ref` whose target § is gone (error); a "§ N" typed in plain text where N
 *   is outside this meeting's §§ (warning: it may refer to another meeting, so text that names
 *   another body, a date or a year near it is left alone); a § number typed into the title
 *   (warning: it will not follow renumbering).
 * - document scope: two §§ with the same id (a copied §: references become ambiguous; error, fix
 *   gives the copy a new id); numbers typed into titles that are consistently offset from the
 *   derived ones (error: the first number of the meeting is wrong; fix sets firstItemNumber).
 */
import { atItem, problem } from "./helpers.js";
import type { Problem } from "./problem.js";
import type { DocumentRule, ItemRule } from "./types.js";
import { itemTitleText } from "../titleText.js";

/** "§ 12", "§§ 4–6", "§12" — a § sign before the number (laws write "4 kap. 1 §", number first). */
const plainRef = /§§?\s*(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?/g;
/** Words near a reference that say it is about another meeting or body. */
const elsewhere =
  /\b(?:KF|KS|kommunfullmäktige|fullmäktige|kommunstyrelsen|nämndens\s+protokoll|protokoll|sammanträde(?:t)?\s+den|beslut\s+den|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2})\b/i;
/** A § number at the start of a title: "§ 5 Motion …" */
const numberedTitle = /^\s*§\s*(\d{1,4})\b/;

export const numberingRefs: ItemRule = {
  id: "numbering",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const start = ctx.item.pos;
    ctx.item.node.descendants((node, offset) => {
      const pos = start + 1 + offset;
      if (node.type.name === "item_ref") {
        const target = node.attrs.target as string;
        if (!ctx.itemIds.has(target))
          out.push(
            problem(this, {
              message: `Hänvisningen i ${ctx.label} pekar på en paragraf som inte längre finns i protokollet.`,
              item: ctx.item.id,
              from: pos,
              to: pos + node.nodeSize,
            }),
          );
        return false;
      }
      if (!node.isText) return true;
      const text = node.text ?? "";
      if (node === ctx.item.node.firstChild?.firstChild) return false; // the title: checked below
      plainRef.lastIndex = 0;
      for (let m = plainRef.exec(text); m; m = plainRef.exec(text)) {
        const numbers = [Number(m[1]), ...(m[2] ? [Number(m[2])] : [])];
        const missing = numbers.filter((n) => n < ctx.firstNumber || n > ctx.lastNumber);
        if (missing.length === 0) continue;
        const around = text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 40);
        if (elsewhere.test(around)) continue;
        out.push(
          problem(this, {
            message: `${ctx.label} hänvisar till § ${missing.join(", ")}, som inte finns i protokollet (§ ${ctx.firstNumber}–${ctx.lastNumber}). Gäller hänvisningen ett annat sammanträde, skriv vilket.`,
            item: ctx.item.id,
            from: pos + m.index,
            to: pos + m.index + m[0].length,
            severity: "warning",
          }),
        );
      }
      return false;
    });
    const titled = numberedTitle.exec(itemTitleText(ctx.item.node));
    if (titled && Number(titled[1]) === ctx.item.number)
      out.push(
        atItem(
          this,
          ctx,
          `Rubriken i ${ctx.label} innehåller paragrafnumret. Numret sätts automatiskt – ta bort det ur rubriken så att det följer med om paragraferna flyttas.`,
          {
            severity: "warning",
          },
        ),
      );
    return out;
  },
};

export const numberingDocument: DocumentRule = {
  id: "numbering",
  severity: "error",
  scope: "document",
  kinds: ["protokoll"],
  check(ctx) {
    const out: Problem[] = [];
    const seen = new Set<string>();
    const all = new Set(ctx.items.map((i) => i.id));
    /** A new id, deterministic so validation stays a pure function: "<old>-<number>", suffixed while taken. */
    const freshId = (old: string, n: number) => {
      let id = `${old || "p"}-${n}`;
      while (all.has(id)) id += "b";
      all.add(id);
      return id;
    };
    for (const it of ctx.items) {
      if (it.id && !seen.has(it.id)) {
        seen.add(it.id);
        continue;
      }
      out.push(
        problem(this, {
          message: `§ ${it.number} har samma id som en annan paragraf (troligen en kopia). Hänvisningar till den blir tvetydiga.`,
          item: it.id || null,
          from: it.pos,
          to: it.pos + it.node.nodeSize,
          fix: {
            label: "Ge paragrafen ett nytt id",
            action: { type: "set-attrs", pos: it.pos, attrs: { id: freshId(it.id, it.number) } },
          },
        }),
      );
    }
    // numbers typed into titles (imported text) that disagree with the derived ones by a constant offset
    const offsets = new Set<number>();
    let typed = 0;
    let firstWrong: (typeof ctx.items)[number] | null = null;
    for (const it of ctx.items) {
      const m = numberedTitle.exec(itemTitleText(it.node));
      if (!m) continue;
      typed++;
      offsets.add(Number(m[1]) - it.number);
      if (Number(m[1]) !== it.number) firstWrong ??= it;
    }
    const only = [...offsets][0];
    if (firstWrong && typed >= 1) {
      const first = ctx.meta.body.reglemente.firstItemNumber;
      const consistent = offsets.size === 1 && only !== undefined && first + only >= 1;
      out.push(
        problem(this, {
          message: consistent
            ? `Paragrafnumren i rubrikerna börjar på § ${first + only!}, men protokollet numreras från § ${first}. Ange rätt första paragrafnummer för sammanträdet.`
            : `Paragrafnumren i rubrikerna stämmer inte med paragrafernas ordning (§ ${firstWrong.number} har ett annat nummer i rubriken).`,
          item: firstWrong.id,
          from: firstWrong.pos,
          to: firstWrong.pos + firstWrong.node.nodeSize,
          ...(consistent
            ? {
                fix: {
                  label: `Numrera från § ${first + only!}`,
                  action: {
                    type: "set-meta" as const,
                    path: ["body", "reglemente", "firstItemNumber"],
                    value: first + only!,
                  },
                },
              }
            : {}),
        }),
      );
    }
    return out;
  },
};
