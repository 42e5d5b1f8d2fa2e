/**
 * Where the benchmarks type: the caret `offset` characters into a paragraph of one of the page's
 * items (the middle one by default), scrolled to the middle of the view, the editor focused. Sent to
 * the page with `page.evaluate(placeCaret, where)`, so it uses nothing from outside its body.
 */
export interface CaretPlace {
  /** The items to choose from (§§, or paragraphs). */
  items: string;
  /** Which of them; "middle": the middle one. */
  index: number | "middle";
  /** The paragraph in the item to type in, before its first `p` (none: the item is the paragraph). */
  paragraph?: string;
  offset: number;
  /** The element that takes the keys. */
  focus: string;
}

export function placeCaret(where: CaretPlace): void {
  const items = document.querySelectorAll<HTMLElement>(where.items);
  const item = items[where.index === "middle" ? Math.floor(items.length / 2) : where.index];
  const para = !item
    ? null
    : !where.paragraph && item.matches("p")
      ? item
      : ((where.paragraph ? item.querySelector(where.paragraph) : null) ?? item.querySelector("p"));
  if (!para) throw new Error(`no paragraph to type in (${where.items})`);
  para.scrollIntoView({ block: "center" });
  const range = document.createRange();
  range.setStart(
    para.firstChild ?? para,
    Math.min(where.offset, para.firstChild?.textContent?.length ?? 0),
  );
  range.collapse(true);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  document.querySelector<HTMLElement>(where.focus)!.focus();
}

/** The editor's middle § (or ärende), in its background text (`bench/run.ts`, `profileTyping.ts`). */
export const EDITOR_MIDDLE = {
  items: ".ProseMirror > article, .ProseMirror > [data-item], .ProseMirror .agenda-item",
  paragraph: "section[data-block=background] p",
  offset: 5,
  focus: ".ProseMirror",
} as const;
