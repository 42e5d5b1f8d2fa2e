/**
 * Paragraph texts as the document's prose: a paragraph that opens with a list marker ("1.", "a)",
 * "B.", "–", "•") starts a list, and the run of paragraphs marked alike becomes that list.
 */
import type { Node } from "prosemirror-model";
import * as b from "../../schemas/build.js";

export type ListStyle = "decimal" | "upper-alpha" | "lower-alpha" | "bullet";

const LIST_RE: [RegExp, ListStyle][] = [
  [/^(\d{1,2})[.)]\s*(?=\S)/, "decimal"],
  [/^([A-Z])[.)]\s+(?=\S)/, "upper-alpha"],
  [/^([a-z])[.)]\s+(?=\S)/, "lower-alpha"],
  [/^([-–•*·])\s*(?=\S)/, "bullet"],
  // a minus sign as a dash, as text conversions write it ("− Redovisningen godkänns.")
  [/^(−)\s+(?=\S)/, "bullet"],
];

export interface ListMarker {
  style: ListStyle;
  /** The marker as written, with the space after it. */
  marker: string;
  /** Its place in an ordered list (1 for "1.", "a)" and "A."); 0 for a bullet. */
  ord: number;
  /** What tells lists apart where they nest: the style, and for a bullet its glyph (a dot or a dash). */
  key: string;
}

export function listMarker(text: string): ListMarker | null {
  for (const [re, style] of LIST_RE) {
    const m = re.exec(text);
    if (!m) continue;
    const ord =
      style === "decimal"
        ? +m[1]!
        : style === "bullet"
          ? 0
          : m[1]!.toLowerCase().charCodeAt(0) - 96;
    const key = style === "bullet" ? (/[-–−]/.test(m[1]!) ? "dash" : "dot") : style;
    return { style, marker: m[0], ord, key };
  }
  return null;
}

/** Paragraph texts → prose nodes; runs of list items become lists (A–D lists as upper-alpha). */
export function proseNodes(paragraphs: readonly string[]): Node[] {
  const out: Node[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const text = paragraphs[i]!;
    const m = listMarker(text);
    // a lettered list must start at A/a; a numbered one at its first number
    if (m && (m.style === "bullet" || m.style === "decimal" || m.ord === 1)) {
      const items: string[] = [];
      let expect = m.ord;
      while (i < paragraphs.length) {
        const n = listMarker(paragraphs[i]!);
        if (!n || n.style !== m.style || (m.style !== "bullet" && n.ord !== expect)) break;
        items.push(paragraphs[i]!.slice(n.marker.length).trim());
        expect++;
        i++;
      }
      if (m.style === "bullet") out.push(b.ul(...items));
      else {
        const list = b.ol(m.style, ...items);
        out.push(
          m.ord > 1 ? list.type.create({ ...list.attrs, start: m.ord }, list.content) : list,
        );
      }
      continue;
    }
    out.push(b.p(text));
    i++;
  }
  return out;
}
