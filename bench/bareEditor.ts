/**
 * The floor of our stack, for the benchmark: a bare ProseMirror editor — the minimal schema of
 * prosemirror-schema-basic's paragraphs (doc, paragraph, text, strong/em; that package is not
 * installed, so it is written out here from prosemirror-model), with history and keymaps only —
 * holding the same text as paragraphs. Bundled by bench/browser.ts and run in the same browser.
 */
import { baseKeymap } from "prosemirror-commands";
import { history, redo, undo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import { Schema } from "prosemirror-model";
import { EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";

const schema = new Schema({
  nodes: {
    doc: { content: "block+" },
    paragraph: {
      group: "block",
      content: "inline*",
      parseDOM: [{ tag: "p" }],
      toDOM: () => ["p", 0],
    },
    text: { group: "inline" },
  },
  marks: {
    strong: { parseDOM: [{ tag: "strong" }], toDOM: () => ["strong", 0] },
    em: { parseDOM: [{ tag: "em" }], toDOM: () => ["em", 0] },
  },
});

const paragraphs = (window as unknown as { __paragraphs: string[] }).__paragraphs;
const doc = schema.node(
  "doc",
  null,
  paragraphs.map((t) => schema.node("paragraph", null, t ? [schema.text(t)] : [])),
);
const view = new EditorView(document.getElementById("ed")!, {
  state: EditorState.create({
    doc,
    plugins: [
      history(),
      keymap({ "Mod-z": undo, "Mod-y": redo, "Mod-Shift-z": redo }),
      keymap(baseKeymap),
    ],
  }),
});
(window as unknown as { bareView: EditorView }).bareView = view;
