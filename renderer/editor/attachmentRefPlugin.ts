/**
 * What a reference to a bilaga shows: its current number ("bilaga 3", or "Bilaga 3 – Voteringslista"),
 * which changes when bilagor are added, removed or moved or their §§ are reordered. Node
 * decorations carry the label to the node view; they are rebuilt when the numbers change, and
 * otherwise only in the §§ the text changed in, so typing in a long protocol stays cheap.
 */
import type { Node, Slice } from "prosemirror-model";
import { Plugin, PluginKey, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView, type NodeView } from "prosemirror-view";
import { attachmentRefLabel, attachmentRefs } from "../../schemas/render/renderAttachments.js";
import type { Meta } from "../../schemas/meta.js";
import { metaOf } from "./documentPlugin.js";

interface RefState {
  /** The numbers and titles the labels were made from. */
  key: string;
  labels: Map<string, { number: number; title: string }>;
  set: DecorationSet;
}

const refKey = new PluginKey<RefState>("attachmentRefs");

function labelsOf(doc: Node, meta: Meta): { key: string; labels: RefState["labels"] } {
  const labels = attachmentRefs(doc, meta);
  return { key: JSON.stringify([...labels]), labels };
}

function decorate(
  doc: Node,
  from: number,
  to: number,
  labels: RefState["labels"],
  out: Decoration[],
): void {
  doc.nodesBetween(from, to, (n, pos) => {
    if (n.type.name === "attachment_ref") {
      const label = attachmentRefLabel(n, labels);
      out.push(Decoration.node(pos, pos + n.nodeSize, { "data-label": label }, { label }));
    }
    return !n.isTextblock || n.childCount > 0;
  });
}

/** The ranges of the new document a transaction touched. */
function changedRanges(tr: Transaction): [number, number][] {
  const out: [number, number][] = [];
  tr.mapping.maps.forEach((map, i) => {
    map.forEach((_os, _oe, ns, ne) => {
      const rest = tr.mapping.slice(i + 1);
      out.push([rest.map(ns, -1), rest.map(ne, 1)]);
    });
  });
  return out;
}

/** Does the transaction put a reference into the document (typed, pasted, restored by undo)? */
function insertsRef(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    const slice = (step as { slice?: Slice }).slice;
    let found = false;
    slice?.content.descendants((n) => {
      if (n.type.name === "attachment_ref") found = true;
      return !found;
    });
    return found;
  });
}

class AttachmentRefView implements NodeView {
  dom: HTMLElement;
  constructor(node: Node, decorations: readonly Decoration[]) {
    this.dom = document.createElement("span");
    this.dom.className = "item-ref attachment-ref";
    this.dom.contentEditable = "false";
    this.dom.setAttribute("data-attachment-ref", node.attrs.target as string);
    this.render(decorations);
  }
  private render(decorations: readonly Decoration[]) {
    const spec = decorations
      .map((d) => (d as unknown as { spec: { label?: string } }).spec)
      .find((s) => s && typeof s.label === "string");
    const label = spec?.label ?? "bilaga ?";
    if (this.dom.textContent !== label) this.dom.textContent = label;
    this.dom.title = `Hänvisning till ${label.replace(/^b/, "B")} (Bilagor i sidopanelen)`;
  }
  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (node.type.name !== "attachment_ref") return false;
    this.dom.setAttribute("data-attachment-ref", node.attrs.target as string);
    this.render(decorations);
    return true;
  }
  ignoreMutation() {
    return true;
  }
}

export function attachmentRefPlugin(): Plugin<RefState> {
  return new Plugin<RefState>({
    key: refKey,
    state: {
      init(_config, state) {
        const { key, labels } = labelsOf(state.doc, metaOf(state));
        const out: Decoration[] = [];
        decorate(state.doc, 0, state.doc.content.size, labels, out);
        return {
          key,
          labels,
          set: out.length ? DecorationSet.create(state.doc, out) : DecorationSet.empty,
        };
      },
      apply(tr, value, _old, state) {
        const meta = metaOf(state);
        if (!tr.docChanged && meta === metaOf(_old)) return value;
        const { key, labels } = labelsOf(state.doc, meta);
        const out: Decoration[] = [];
        if (key !== value.key) {
          decorate(state.doc, 0, state.doc.content.size, labels, out);
          return { key, labels, set: DecorationSet.create(state.doc, out) };
        }
        // No reference anywhere and none typed or pasted (the usual keystroke): nothing to look at.
        if (value.set === DecorationSet.empty && !insertsRef(tr))
          return { key, labels, set: value.set };
        let set = value.set.map(tr.mapping, tr.doc);
        // Each changed range widened to its whole top-level node (a §): its references are all
        // labelled again, so one at the edge of an edit never loses its label.
        const doc = state.doc;
        const done = new Set<number>();
        for (const [from, to] of changedRanges(tr)) {
          const $a = doc.resolve(Math.max(0, Math.min(from, doc.content.size)));
          const $b = doc.resolve(Math.max(0, Math.min(to, doc.content.size)));
          const a = $a.depth >= 1 ? $a.before(1) : $a.pos;
          const b = $b.depth >= 1 ? $b.after(1) : $b.pos;
          if (done.has(a * 1e9 + b)) continue;
          done.add(a * 1e9 + b);
          set = set.remove(set.find(a, b));
          decorate(doc, a, b, labels, out);
        }
        return { key, labels, set: out.length ? set.add(state.doc, out) : set };
      },
    },
    props: {
      decorations: (state) => refKey.getState(state)?.set,
      nodeViews: {
        attachment_ref: (node, _view: EditorView, _getPos, decorations) =>
          new AttachmentRefView(node, decorations),
      },
    },
  });
}
