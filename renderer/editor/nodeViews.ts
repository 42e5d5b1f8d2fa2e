/**
 * Node views for the atoms whose text is derived: a §-reference shows the current number of its §
 * ("§ 7"), the signature of an answer shows place, date, name and title from the metadata. Both
 * read what to show from the decorations of `derivedPlugin`, so they update when it changes.
 */
import type { Node } from "prosemirror-model";
import type { Decoration, EditorView, NodeView, NodeViewConstructor } from "prosemirror-view";

function specOf<T>(decorations: readonly Decoration[], key: string): T | undefined {
  for (const d of decorations) {
    const spec = (d as unknown as { spec: Record<string, unknown> }).spec;
    if (spec && key in spec) return spec[key] as T;
  }
  return undefined;
}

class ItemRefView implements NodeView {
  dom: HTMLElement;
  constructor(node: Node, decorations: readonly Decoration[]) {
    this.dom = document.createElement("span");
    this.dom.className = "item-ref";
    this.dom.contentEditable = "false";
    this.dom.setAttribute("data-item-ref", node.attrs.target as string);
    this.render(decorations);
  }
  private render(decorations: readonly Decoration[]) {
    const label = specOf<string>(decorations, "label") ?? "§ ?";
    if (this.dom.textContent !== label) this.dom.textContent = label;
    this.dom.title = `Hänvisning till ${label}`;
  }
  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (node.type.name !== "item_ref") return false;
    this.dom.setAttribute("data-item-ref", node.attrs.target as string);
    this.render(decorations);
    return true;
  }
  ignoreMutation() {
    return true;
  }
}

class SignatureView implements NodeView {
  dom: HTMLElement;
  constructor(_node: Node, decorations: readonly Decoration[]) {
    this.dom = document.createElement("footer");
    this.dom.className = "signature";
    this.dom.contentEditable = "false";
    this.render(decorations);
  }
  private render(decorations: readonly Decoration[]) {
    const lines = specOf<string[]>(decorations, "lines") ?? [];
    this.dom.replaceChildren(
      ...lines.map((l) => Object.assign(document.createElement("div"), { textContent: l })),
    );
    this.dom.title = "Underskrift – ändras under Mötesuppgifter";
  }
  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (node.type.name !== "signature") return false;
    this.render(decorations);
    return true;
  }
  ignoreMutation() {
    return true;
  }
}

export const nodeViews: Record<string, NodeViewConstructor> = {
  item_ref: (node, _view: EditorView, _getPos, decorations) => new ItemRefView(node, decorations),
  signature: (node, _view, _getPos, decorations) => new SignatureView(node, decorations),
};
