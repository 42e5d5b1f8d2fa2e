/**
 * The document's non-ProseMirror parts in the editor state: its kind and its metadata. Metadata
 * changes arrive as `SetMetaStep`s, so they are undoable and every plugin sees them in `apply`.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import type { Kind } from "../../schemas/file.js";
import type { Meta } from "../../schemas/meta.js";
import { SetMetaStep } from "./metaStep.js";

export interface DocumentInfo {
  kind: Kind;
  meta: Meta;
}

export const documentKey = new PluginKey<DocumentInfo>("document");

export function documentPlugin(initial: DocumentInfo): Plugin<DocumentInfo> {
  return new Plugin<DocumentInfo>({
    key: documentKey,
    state: {
      init: () => initial,
      apply(tr, value) {
        let meta = value.meta;
        for (const step of tr.steps) if (step instanceof SetMetaStep) meta = step.after;
        return meta === value.meta ? value : { kind: value.kind, meta };
      },
    },
  });
}

export function documentInfo(state: EditorState): DocumentInfo {
  const info = documentKey.getState(state);
  if (!info) throw new Error("documentPlugin saknas i editorns tillstånd");
  return info;
}

export const metaOf = (state: EditorState): Meta => documentInfo(state).meta;

/** A transaction that replaces the metadata (undoable). */
export function setMeta(state: EditorState, next: Meta): Transaction {
  return state.tr.step(new SetMetaStep(metaOf(state), next));
}

/** Change the metadata with a function of the current one. */
export function updateMeta(state: EditorState, change: (meta: Meta) => Meta): Transaction {
  return setMeta(state, change(metaOf(state)));
}

/** Did this transaction change the metadata? */
export function changesMeta(tr: Transaction): boolean {
  return tr.steps.some((s) => s instanceof SetMetaStep);
}
