/**
 * Keyboard shortcuts of the editor. One list (`editorShortcuts`) drives both the keymap and the
 * help panel (F1), so the help can never disagree with the keys. Structured blocks use Ctrl+Alt
 * with letters that are not AltGr characters on a Swedish keyboard (AltGr+E is €, AltGr+M is µ).
 */
import { baseKeymap, chainCommands, exitCode, toggleMark } from "prosemirror-commands";
import { redo, undo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import type { Schema } from "prosemirror-model";
import { liftListItem, sinkListItem, splitListItem, wrapInList } from "prosemirror-schema-list";
import type { Command, Plugin } from "prosemirror-state";
import {
  defaultAttrs,
  insertBlock,
  insertHeaderPart,
  insertItem,
  insertQuestion,
  moveItem,
} from "./commands.js";
import { recipientEnter } from "./recipientList.js";
import { insertTable, tableKeys } from "./tableCommands.js";

export interface Shortcut {
  /** ProseMirror key name, e.g. "Mod-Alt-b". */
  key: string;
  /** Swedish description for the help panel and menus. */
  label: string;
  /** Group heading in the help panel. */
  group: "Paragrafer" | "Block" | "Text" | "Arkiv" | "Redigera" | "Visa";
  command: Command;
}

/** How a key name is shown to people: "Ctrl+Alt+B". */
export function keyLabel(key: string): string {
  return key
    .split("-")
    .map(
      (k) =>
        ({
          Mod: "Ctrl",
          Alt: "Alt",
          Shift: "Shift",
          ArrowUp: "↑",
          ArrowDown: "↓",
          Enter: "Enter",
          Space: "Mellanslag",
        })[k] ?? (k.length === 1 ? k.toUpperCase() : k),
    )
    .join("+");
}

/** The insertable blocks: schema node name → shortcut key and Swedish label. */
export const blockShortcuts = [
  { node: "decision", key: "Mod-Alt-b", label: "Beslut" },
  { node: "background", key: "Mod-Alt-a", label: "Ärendet (bakgrund)" },
  { node: "proposal", key: "Mod-Alt-y", label: "Yrkande" },
  { node: "decision_procedure", key: "Mod-Alt-p", label: "Beslutsordning (propositionsordning)" },
  { node: "vote", key: "Mod-Alt-o", label: "Omröstning" },
  { node: "reservation", key: "Mod-Alt-r", label: "Reservation" },
  { node: "special_statement", key: "Mod-Alt-s", label: "Särskilt uttalande" },
  { node: "protocol_note", key: "Mod-Alt-n", label: "Protokollsanteckning" },
  { node: "substitute_statement", key: "Mod-Alt-t", label: "Ersättaryttrande" },
  { node: "recusal", key: "Mod-Alt-j", label: "Jäv" },
  { node: "distribution", key: "Mod-Alt-x", label: "Expedieras till" },
] as const;

export function editorShortcuts(schema: Schema): Shortcut[] {
  const n = schema.nodes;
  const item = n.agenda_item!;
  const list: Shortcut[] = [
    {
      key: "Mod-Enter",
      label: "Ny paragraf (§) efter denna",
      group: "Paragrafer",
      command: insertItem(item, n.item_title!),
    },
    {
      key: "Alt-ArrowUp",
      label: "Flytta paragrafen uppåt",
      group: "Paragrafer",
      command: moveItem(item, -1),
    },
    {
      key: "Alt-ArrowDown",
      label: "Flytta paragrafen nedåt",
      group: "Paragrafer",
      command: moveItem(item, 1),
    },
    {
      key: "Mod-Alt-u",
      label: "Underrubrik",
      group: "Paragrafer",
      command: insertHeaderPart(item, n.item_subtitle!),
    },
    {
      key: "Mod-Alt-d",
      label: "Diarienummer (Dnr)",
      group: "Paragrafer",
      command: insertHeaderPart(item, n.dnr!),
    },
  ];
  for (const b of blockShortcuts)
    list.push({
      key: b.key,
      label: b.label,
      group: "Block",
      command: insertBlock(item, n[b.node]!, defaultAttrs(b.node)),
    });
  list.push({
    key: "Mod-Alt-f",
    label: "Fråga (svar på interpellation)",
    group: "Block",
    command: insertQuestion(n.answer!, n.ip_question!),
  });
  list.push({
    key: "Mod-Alt-g",
    label: "Tabell (3 × 3 med rubrikrad)",
    group: "Block",
    command: insertTable(schema),
  });
  list.push(
    { key: "Mod-b", label: "Fetstil", group: "Text", command: toggleMark(schema.marks.strong!) },
    { key: "Mod-i", label: "Kursiv", group: "Text", command: toggleMark(schema.marks.em!) },
    {
      key: "Mod-Alt-l",
      label: "Numrerad lista",
      group: "Text",
      command: wrapInList(n.ordered_list!),
    },
    { key: "Mod-Alt-k", label: "Punktlista", group: "Text", command: wrapInList(n.bullet_list!) },
    { key: "Mod-z", label: "Ångra", group: "Redigera", command: undo },
    { key: "Mod-y", label: "Gör om", group: "Redigera", command: redo },
    { key: "Mod-Shift-z", label: "Gör om", group: "Redigera", command: redo },
  );
  return list;
}

/** Keys that are not listed in the help (list editing, line breaks): standard behaviour. */
function structuralKeys(schema: Schema): Record<string, Command> {
  const n = schema.nodes;
  const hardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
    if (dispatch) dispatch(state.tr.replaceSelectionWith(n.hard_break!.create()).scrollIntoView());
    return true;
  });
  return {
    Enter: chainCommands(recipientEnter, splitListItem(n.list_item!)),
    Tab: sinkListItem(n.list_item!),
    "Shift-Tab": liftListItem(n.list_item!),
    "Shift-Enter": hardBreak,
  };
}

export function buildKeymaps(schema: Schema, extra: Shortcut[]): Plugin[] {
  const bindings: Record<string, Command> = {};
  for (const s of [...extra, ...editorShortcuts(schema)]) {
    const prev = bindings[s.key];
    bindings[s.key] = prev ? chainCommands(prev, s.command) : s.command;
  }
  return [keymap(bindings), keymap(tableKeys), keymap(structuralKeys(schema)), keymap(baseKeymap)];
}
