/**
 * "§§ att kontrollera efter import": after an import, a bar above the document lists the §§ the
 * importer was unsure of (the first line of its report), each a button that goes to the §. The bar
 * stays until it is closed or the next import, so the secretary can work through the list.
 */
import type { EditorState } from "prosemirror-state";
import { IMPORT_CHECK_HEADING as CHECK_HEADING } from "../../schemas/labels.js";
import { h } from "./dom.js";

/** The § numbers of the report's check line ("§§ att kontrollera efter import: § 7, § 12"). */
export function itemsToCheck(report: readonly string[]): number[] {
  const line = report.find((l) => l.startsWith(`${CHECK_HEADING}:`));
  return line
    ? [...line.slice(CHECK_HEADING.length + 1).matchAll(/§\s*(\d+)/g)].map((m) => +m[1]!)
    : [];
}

interface Navigable {
  state: EditorState;
  goTo(pos: number): void;
}

/** Show (or replace) the bar; nothing when the report lists no § to check. */
export function showImportChecks(app: Navigable, report: readonly string[]): void {
  document.getElementById("import-checks")?.remove();
  const numbers = itemsToCheck(report);
  const area = document.querySelector(".editor-area");
  if (!numbers.length || !area) return;
  const goTo = (n: number) => {
    // imported §§ have the ids p-<number>
    app.state.doc.forEach((node, offset) => {
      if (node.type.name === "agenda_item" && node.attrs.id === `p-${n}`) app.goTo(offset + 1);
    });
  };
  const bar = h(
    "div",
    { id: "import-checks", class: "import-checks", role: "region", "aria-label": CHECK_HEADING },
    h("span", {}, `${CHECK_HEADING}:`),
    ...numbers.map((n) => {
      const b = h("button", { type: "button", class: "link" }, `§ ${n}`);
      b.addEventListener("click", () => goTo(n));
      return b;
    }),
  );
  const close = h("button", { type: "button", class: "close", title: "Stäng listan" }, "Klar");
  close.addEventListener("click", () => bar.remove());
  bar.append(close);
  area.insertBefore(bar, document.getElementById("editor"));
}
