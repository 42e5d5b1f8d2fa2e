/**
 * When §§ are reordered (Alt+↑/↓, drag in the outline), the attendance ledger is remapped in the
 * same undo step so that nobody's service in a § changes (`remapAttendance`), and what the remap
 * did is kept to show in the Problem panel until the next reorder or until the §§ are edited in
 * another way that changes their set.
 */
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import type { Node } from "prosemirror-model";
import { nameWithParty } from "../../schemas/generated.js";
import { itemNumbers } from "../../schemas/numbering.js";
import { remapAttendance } from "../../schemas/remapAttendance.js";
import { itemIds } from "../../schemas/review/items.js";
import { metaOf } from "./documentPlugin.js";
import { SetMetaStep } from "./metaStep.js";

export const attendanceMoveKey = new PluginKey<string[]>("attendance-move");

/**
 * Whether a transaction can have reordered §§: a reorder changes at least two top-level nodes of
 * a document with the same number of them. Typing changes one, so a keystroke costs one pass of
 * identity comparisons and nothing more.
 */
function mayReorder(before: Node, after: Node): boolean {
  if (before.childCount !== after.childCount) return false;
  let changed = 0;
  for (let i = 0; i < after.childCount && changed < 2; i++)
    if (before.child(i) !== after.child(i)) changed++;
  return changed >= 2;
}

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");

export function attendanceMovePlugin(): Plugin<string[]> {
  return new Plugin<string[]>({
    key: attendanceMoveKey,
    state: {
      init: () => [],
      apply(tr, value) {
        const notes = tr.getMeta(attendanceMoveKey) as string[] | undefined;
        if (notes) return notes;
        // Notes of an earlier move go when §§ are added or removed.
        if (value.length && tr.docChanged && !sameSet(itemIds(tr.before), itemIds(tr.doc)))
          return [];
        return value;
      },
    },
    appendTransaction(trs, oldState, newState) {
      // A change that set the metadata itself (undo and redo of a move carry the remap) is left alone.
      if (
        !trs.some((t) => t.docChanged) ||
        trs.some((t) => t.steps.some((s) => s instanceof SetMetaStep))
      )
        return null;
      if (!mayReorder(oldState.doc, newState.doc)) return null;
      const before = itemIds(oldState.doc);
      const after = itemIds(newState.doc);
      if (before.join("\u0000") === after.join("\u0000") || !sameSet(before, after)) return null;
      const meta = metaOf(newState);
      const numbers = itemNumbers(newState.doc, meta);
      const persons = new Map(meta.persons.map((p) => [p.id, p]));
      const { attendance, changes } = remapAttendance(
        meta.attendance,
        before,
        after,
        (id) => numbers.get(id),
        (p) => nameWithParty(persons.get(p)),
      );
      if (!changes.length && JSON.stringify(attendance) === JSON.stringify(meta.attendance))
        return null;
      return newState.tr
        .step(new SetMetaStep(meta, { ...meta, attendance }))
        .setMeta(attendanceMoveKey, changes);
    },
  });
}

/** What the last reorder of §§ changed in the ledger (Swedish sentences), for the Problem panel. */
export const attendanceMoveNotes = (state: EditorState): string[] =>
  attendanceMoveKey.getState(state) ?? [];
