/** A small element builder for the panels: h("button", {class: "x", onclick}, "Text"). */
type Child = Node | string | null | undefined | false;
type Attrs = Record<
  string,
  string | number | boolean | null | undefined | EventListener | ((e: never) => void)
>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function")
      el.addEventListener(k.slice(2), v as EventListener);
    else if (k === "class") el.className = String(v);
    else if (k === "value" && el instanceof HTMLInputElement) el.setAttribute("value", String(v));
    else if (k === "value" && "value" in el) (el as unknown as { value: string }).value = String(v);
    else if (k === "checked" && "checked" in el)
      (el as unknown as { checked: boolean }).checked = Boolean(v);
    else if (k === "selected" && "selected" in el)
      (el as unknown as { selected: boolean }).selected = Boolean(v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A <select> of options [value, label], with the current value selected. */
export function select(
  options: [string, string][],
  value: string | null,
  attrs: Attrs = {},
): HTMLSelectElement {
  const s = h("select", attrs, ...options.map(([v, l]) => h("option", { value: v }, l)));
  s.value = value ?? "";
  return s;
}

let uid = 0;
export const nextId = (prefix: string) => `${prefix}-${++uid}`;

/** A labelled form field. */
export function field(label: string, control: HTMLElement): HTMLElement {
  const id = control.id || nextId("f");
  control.id = id;
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}

/** A checkbox with its label after it; `change` gets the new state. */
export function checkbox(
  id: string,
  label: string,
  checked: boolean,
  change: (checked: boolean) => void,
): HTMLElement {
  return h(
    "label",
    { class: "check" },
    h("input", {
      type: "checkbox",
      id,
      checked,
      onchange: (e: Event) => change((e.target as HTMLInputElement).checked),
    }),
    ` ${label}`,
  );
}
