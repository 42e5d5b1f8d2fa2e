/**
 * Paste from Word keeps its lists: Word puts a list on the clipboard as paragraphs
 * (`class="MsoListParagraph…"`, `style="mso-list:l0 level1 lfo1"`) whose marker ("1.", "·") is a
 * span marked `mso-list:Ignore`. They are turned into real <ol>/<ul> before ProseMirror parses the
 * HTML, and Word's conditional comments and styles are dropped (the schema keeps no foreign styles).
 * Tables are left to the table paste.
 */
import { Plugin } from "prosemirror-state";

const isListParagraph = (el: Element) =>
  /mso-list:\s*l\d+/i.test(el.getAttribute("style") ?? "") ||
  /^MsoListParagraph/i.test(el.getAttribute("class") ?? "");

/** Word's list paragraphs as <ol>/<ul> (one list per run of adjacent list paragraphs). */
export function wordListsToHtmlLists(html: string): string {
  if (!/mso-list|MsoListParagraph/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const p of Array.from(doc.body.querySelectorAll("p"))) {
    if (!p.isConnected || !isListParagraph(p)) continue;
    // The run of adjacent list paragraphs starting here.
    const run: Element[] = [];
    for (
      let el: Element | null = p;
      el && el.tagName === "P" && isListParagraph(el);
      el = el.nextElementSibling
    )
      run.push(el);
    const marker = (el: Element) =>
      el
        .querySelector('span[style*="mso-list:Ignore" i], span[style*="mso-list: Ignore" i]')
        ?.textContent?.trim() ?? "";
    const ordered = /^[0-9a-z]+[.)]$/i.test(marker(run[0]!));
    const list = doc.createElement(ordered ? "ol" : "ul");
    for (const el of run) {
      for (const ignore of Array.from(
        el.querySelectorAll('span[style*="mso-list:Ignore" i], span[style*="mso-list: Ignore" i]'),
      ))
        ignore.remove();
      const li = doc.createElement("li");
      const para = doc.createElement("p");
      para.innerHTML = el.innerHTML;
      li.append(para);
      list.append(li);
    }
    run[0]!.replaceWith(list);
    for (const el of run.slice(1)) el.remove();
  }
  return doc.body.innerHTML;
}

export function wordPastePlugin(): Plugin {
  return new Plugin({ props: { transformPastedHTML: (html) => wordListsToHtmlLists(html) } });
}
