/** Modal dialogs (the native <dialog>, focus kept inside and returned afterwards) and toasts. */
import { h } from "./dom.js";

export interface DialogButton<T> {
  label: string;
  value: T;
  primary?: boolean;
}

/**
 * Show a modal dialog; resolves with the value of the button pressed, or null on Escape/Avbryt.
 * `validate` (optional) may keep the dialog open by returning an error message; it is asked only
 * when the primary button is pressed (or Enter), so Avbryt and Escape always close the dialog.
 */
export function modal<T>(
  title: string,
  body: Node | Node[],
  buttons: DialogButton<T>[],
  options: { validate?: (value: T) => string | null; id?: string; wide?: boolean } = {},
): Promise<T | null> {
  const previous = document.activeElement as HTMLElement | null;
  const error = h("p", { class: "dialog-error", role: "alert" });
  const titleId = `dlg-title-${Math.random().toString(36).slice(2)}`;
  const dialog = h("dialog", {
    class: `dialog${options.wide ? " wide" : ""}`,
    "aria-labelledby": titleId,
    id: options.id ?? null,
  });
  return new Promise<T | null>((resolve) => {
    let done = false;
    const finish = (value: T | null, validated = false) => {
      if (done) return;
      if (validated && value !== null && options.validate) {
        const problem = options.validate(value);
        if (problem) {
          error.textContent = problem;
          return;
        }
      }
      done = true;
      dialog.close();
      dialog.remove();
      previous?.focus?.();
      resolve(value);
    };
    const form = h(
      "form",
      {
        method: "dialog",
        onsubmit: (e: Event) => {
          e.preventDefault();
          const primary = buttons.find((b) => b.primary);
          if (primary) finish(primary.value, true);
        },
      },
      h("h2", { id: titleId }, title),
      h("div", { class: "dialog-body" }, ...(Array.isArray(body) ? body : [body])),
      error,
      h(
        "div",
        { class: "dialog-buttons" },
        ...buttons.map((b) =>
          h(
            "button",
            {
              type: b.primary ? "submit" : "button",
              class: b.primary ? "primary" : "",
              onclick: b.primary ? null : () => finish(b.value),
            },
            b.label,
          ),
        ),
      ),
    );
    dialog.append(form);
    dialog.addEventListener("cancel", (e) => {
      e.preventDefault();
      finish(null);
    });
    document.body.append(dialog);
    dialog.showModal();
    const first = dialog.querySelector<HTMLElement>(
      "[autofocus], input, select, textarea, button.primary, button",
    );
    first?.focus();
  });
}

/** An error the secretary must see: a dialog with the message (and details, one a line). */
export async function showError(
  title: string,
  message: string,
  details: string[] = [],
): Promise<void> {
  await modal(
    title,
    [
      h("p", { class: "error-message" }, message),
      details.length
        ? h("ul", { class: "error-details" }, ...details.map((d) => h("li", {}, d)))
        : h("span"),
    ],
    [{ label: "OK", value: true, primary: true }],
    { id: "error-dialog" },
  );
}

export async function confirmDialog(
  title: string,
  message: string,
  yes: string,
  no = "Avbryt",
): Promise<boolean> {
  return (
    (await modal(title, h("p", {}, message), [
      { label: no, value: false },
      { label: yes, value: true, primary: true },
    ])) === true
  );
}

/** A short notice in the corner, read out by screen readers; errors stay until closed. */
export function toast(message: string, kind: "info" | "success" | "error" = "info"): void {
  const region = document.getElementById("toasts");
  if (!region) return;
  const close = h(
    "button",
    { class: "toast-close", "aria-label": "Stäng", onclick: () => el.remove() },
    "×",
  );
  const el = h(
    "div",
    { class: `toast ${kind}`, role: kind === "error" ? "alert" : "status" },
    h("span", {}, message),
    close,
  );
  region.append(el);
  if (kind !== "error") setTimeout(() => el.remove(), 6000);
}
