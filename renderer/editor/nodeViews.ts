/**
 * Node views for the atoms whose text is derived: a §-reference shows the current number of its §
 * ("§ 7"), a reference to a bilaga its current number ("bilaga 3"), the signature of an answer shows place, date, name and title from the metadata. Both
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

/** How a kind of reference is shown: its element's class and attribute, and its label when lost. */
interface RefKind {
  className: string;
  /** The attribute carrying the target's id (for styles and tests). */
  attribute: string;
  /** The label when the target is gone. */
  missing: string;
  title(label: string): string;
}

const refKinds: Record<"item_ref" | "attachment_ref", RefKind> = {
  item_ref: {
    className: "item-ref",
    attribute: "data-item-ref",
    missing: "§ ?",
    title: (label) => `Hänvisning till ${label}`,
  },
  attachment_ref: {
    className: "item-ref attachment-ref",
    attribute: "data-attachment-ref",
    missing: "bilaga ?",
    title: (label) => `Hänvisning till ${label.replace(/^b/, "B")} (Bilagor i sidopanelen)`,
  },
};

/** A reference to a § or a bilaga: its current label ("§ 7", "bilaga 3") from derivedPlugin. */
class RefView implements NodeView {
  dom: HTMLElement;
  constructor(
    private readonly type: keyof typeof refKinds,
    node: Node,
    decorations: readonly Decoration[],
  ) {
    const kind = refKinds[type];
    this.dom = document.createElement("span");
    this.dom.className = kind.className;
    this.dom.contentEditable = "false";
    this.dom.setAttribute(kind.attribute, node.attrs.target as string);
    this.render(decorations);
  }
  private render(decorations: readonly Decoration[]) {
    const kind = refKinds[this.type];
    const label = specOf<string>(decorations, "label") ?? kind.missing;
    if (this.dom.textContent !== label) this.dom.textContent = label;
    this.dom.title = kind.title(label);
  }
  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (node.type.name !== this.type) return false;
    this.dom.setAttribute(refKinds[this.type].attribute, node.attrs.target as string);
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
  item_ref: (node, _view: EditorView, _getPos, decorations) =>
    new RefView("item_ref", node, decorations),
  attachment_ref: (node, _view, _getPos, decorations) =>
    new RefView("attachment_ref", node, decorations),
  signature: (node, _view, _getPos, decorations) => new SignatureView(node, decorations),
};
