/**
 * A file of the workspace in a dialog's list (Öppna, Hämta granskning): its path and when it was
 * changed; a click chooses it and submits the dialog.
 */
import { h } from "./dom.js";

export function fileChoice(
  file: { path: string; modified: string },
  choose: (path: string) => void,
): HTMLElement {
  return h(
    "li",
    {},
    h(
      "button",
      {
        type: "button",
        class: "file-choice",
        "data-path": file.path,
        onclick: (e: Event) => {
          choose(file.path);
          (e.currentTarget as HTMLElement).closest("form")?.requestSubmit();
        },
      },
      h("span", { class: "file-name" }, file.path),
      h("span", { class: "file-date" }, new Date(file.modified).toLocaleString("sv-SE")),
    ),
  );
}
