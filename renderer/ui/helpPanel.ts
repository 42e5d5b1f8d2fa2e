/** The keyboard help (F1, Ctrl+/): every shortcut, from the same list that builds the keymap. */
import type { Shortcut } from "../editor/keymap.js";
import { keyLabel } from "../editor/keymap.js";
import { modal } from "./dialogs.js";
import { h } from "./dom.js";

export async function showHelp(shortcuts: Shortcut[]): Promise<void> {
  const groups = new Map<string, Shortcut[]>();
  const seen = new Set<string>();
  for (const s of shortcuts) {
    if (seen.has(s.key + s.label)) continue;
    seen.add(s.key + s.label);
    groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  }
  const extra: [string, string][] = [
    ["//", "Standardfraser: skriv // och några bokstäver, välj med ↑/↓ och Enter"],
    ["Ctrl+Mellanslag", "Standardfraser utan //"],
    ["F6 / Shift+F6", "Nästa / föregående område (paragrafer, text, paneler)"],
    ["Alt+↑ / Alt+↓", "I paragraflistan: flytta den markerade paragrafen"],
  ];
  await modal(
    "Kortkommandon",
    [
      ...[...groups].map(([group, list]) =>
        h(
          "section",
          { class: "help-group" },
          h("h3", {}, group),
          h(
            "dl",
            {},
            ...list.flatMap((s) => [
              h("dt", {}, h("kbd", {}, keyLabel(s.key))),
              h("dd", {}, s.label),
            ]),
          ),
        ),
      ),
      h(
        "section",
        { class: "help-group" },
        h("h3", {}, "Övrigt"),
        h("dl", {}, ...extra.flatMap(([k, l]) => [h("dt", {}, h("kbd", {}, k)), h("dd", {}, l)])),
      ),
      h(
        "p",
        { class: "hint" },
        "Ctrl+Alt används inte med bokstäver som är AltGr-tecken på svenskt tangentbord (E = €, M = µ).",
      ),
    ],
    [{ label: "Stäng", value: true, primary: true }],
    { id: "help-dialog", wide: true },
  );
}
