/** The §§ of the document in the editor as options of a <select>: [id, "§ 12 Titel"]. */
import type { EditorState } from "prosemirror-state";
import { itemChoices } from "../../schemas/itemChoices.js";
import { metaOf } from "../editor/documentPlugin.js";

export function itemOptions(state: EditorState): [string, string][] {
  return itemChoices(state.doc, metaOf(state)).map((c) => [c.id, c.label]);
}
