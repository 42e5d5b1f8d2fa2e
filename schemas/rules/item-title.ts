/** item-title: every § has a title (practice). */
import { atItem } from "./helpers.js";
import type { ItemRule } from "./types.js";

export const itemTitle: ItemRule = {
  id: "item-title",
  severity: "error",
  scope: "item",
  kinds: ["protokoll"],
  check(ctx) {
    const title = ctx.item.node.firstChild;
    if (title && title.textContent.trim() !== "") return [];
    return [atItem(this, ctx, `${ctx.label} saknar rubrik. Skriv vad ärendet gäller.`)];
  },
};
