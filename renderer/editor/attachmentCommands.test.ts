import { EditorState, NodeSelection, TextSelection, type Transaction } from "prosemirror-state";
import { closeHistory, undo } from "prosemirror-history";
import { describe, expect, it } from "vitest";
import type { Attachment } from "../../schemas/attachments.js";
import { background, item, protocol } from "../../schemas/build.js";
import { createFile, serialize } from "../../schemas/file.js";
import { schema } from "../../schemas/schema.js";
import {
  addAttachment,
  assignAttachment,
  attachmentQuickEntries,
  insertAttachmentRef,
  moveAttachment,
  removeAttachment,
  renameAttachment,
} from "./attachmentCommands.js";
import { derivedOf, derivedPlugin } from "./derivedPlugin.js";
import { metaOf, setMeta, updateMeta } from "./documentPlugin.js";
import { createEditorState } from "./setup.js";

const sha = "e".repeat(64);
const att = (id: string, title: string, item?: string): Attachment => ({
  id,
  title,
  file: `bilagor/${id}.pdf`,
  sha256: sha,
  ...(item ? { item } : {}),
});

function state(attachments?: Attachment[]) {
  const doc = protocol(
    item({ id: "a", title: "Första" }, background("Se bilagan.")),
    item({ id: "b", title: "Andra" }, background("Text.")),
  );
  return createEditorState(
    createFile(
      "protokoll",
      { body: { name: "Socialnämnden" }, ...(attachments ? { attachments } : {}) },
      doc,
    ),
  );
}

function run(
  s: EditorState,
  cmd: (s: EditorState, d?: (tr: Transaction) => void) => boolean,
): EditorState {
  let next = s;
  expect(cmd(s, (tr) => (next = s.apply(tr)))).toBe(true);
  return next;
}

/** The labels the editor shows for the references, in document order. */
function labels(s: EditorState): string[] {
  return derivedOf(s)
    .decorations.find()
    .filter((d) => s.doc.nodeAt(d.from)?.type.name === "attachment_ref")
    .sort((x, y) => x.from - y.from)
    .map((d) => (d.spec as { label: string }).label);
}

/** The cursor after the given text. */
function after(s: EditorState, text: string): EditorState {
  let at = -1;
  s.doc.descendants((n, pos) => {
    if (at < 0 && n.isText && n.text!.includes(text))
      at = pos + n.text!.indexOf(text) + text.length;
  });
  return s.apply(s.tr.setSelection(TextSelection.create(s.doc, at)));
}

describe("references to bilagor in the editor", () => {
  it("inserts a reference at the cursor that shows the bilaga's current number, and keeps it while typing beside it", () => {
    let s = after(state([att("v", "Voteringslista", "b"), att("n", "Närvarolista")]), "Se ");
    s = run(s, insertAttachmentRef(schema.nodes.attachment_ref, "v"));
    s = run(s, insertAttachmentRef(schema.nodes.attachment_ref, "v", true));
    expect(labels(s)).toEqual(["bilaga 2", "Bilaga 2 – Voteringslista"]);
    s = s.apply(s.tr.insertText(" och"));
    s = s.apply(s.tr.insertText("x", 3));
    expect(labels(s)).toEqual(["bilaga 2", "Bilaga 2 – Voteringslista"]);
    // A new bilaga for the whole protocol comes first: the references follow.
    s = s.apply(updateMeta(s, (m) => addAttachment(m, att("f", "Föredragningslista"))));
    expect(labels(s)).toEqual(["bilaga 3", "Bilaga 3 – Voteringslista"]);
    s = s.apply(updateMeta(s, (m) => renameAttachment(m, "v", "Voteringslista § 2")!));
    expect(labels(s)).toEqual(["bilaga 3", "Bilaga 3 – Voteringslista § 2"]);
    s = s.apply(updateMeta(s, (m) => removeAttachment(m, "v")!));
    expect(labels(s)).toEqual(["bilaga ?", "Bilaga ?"]);
    // One undo brings the bilaga back, with its number.
    s = run(s, undo);
    expect(labels(s)).toEqual(["bilaga 3", "Bilaga 3 – Voteringslista § 2"]);
  });

  it("a reference deleted and brought back by undo, or pasted, is labelled again", () => {
    let s = after(state([att("v", "Voteringslista")]), "Se ");
    s = run(s, insertAttachmentRef(schema.nodes.attachment_ref, "v"));
    const at = s.selection.from - 1;
    const slice = s.doc.slice(at, at + 1);
    s = s.apply(closeHistory(s.tr.delete(at, at + 1)));
    expect(labels(s)).toEqual([]);
    s = run(s, undo);
    expect(labels(s)).toEqual(["bilaga 1"]);
    s = s.apply(s.tr.replace(s.selection.from, s.selection.from, slice));
    expect(labels(s)).toEqual(["bilaga 1", "bilaga 1"]);
  });

  it("renumbers when the §§ are reordered", () => {
    let s = after(state([att("x", "För första", "a"), att("y", "För andra", "b")]), "Text.");
    s = run(s, insertAttachmentRef(schema.nodes.attachment_ref, "y"));
    expect(labels(s)).toEqual(["bilaga 2"]);
    const [a, b] = [s.doc.child(0), s.doc.child(1)];
    s = s.apply(s.tr.replaceWith(0, s.doc.content.size, [b, a]));
    expect(labels(s)).toEqual(["bilaga 1"]);
  });

  it("is not inserted where no text can stand", () => {
    const s = state([att("v", "Voteringslista")]);
    const onItem = s.apply(s.tr.setSelection(NodeSelection.create(s.doc, 0)));
    expect(insertAttachmentRef(schema.nodes.attachment_ref, "v")(onItem)).toBe(false);
  });

  it("offers one //bilaga entry per bilaga", () => {
    const s = state([att("v", "Voteringslista", "b"), att("n", "Närvarolista")]);
    expect(
      attachmentQuickEntries(s.doc, metaOf(s), schema.nodes.attachment_ref).map((e) => [
        e.key,
        e.label,
        e.text,
      ]),
    ).toEqual([
      ["bilaga1", "Hänvisning till bilaga 1", "Närvarolista"],
      ["bilaga2", "Hänvisning till bilaga 2", "Voteringslista"],
    ]);
  });

  it("the derived plugin alone starts from the document's bilagor", () => {
    const s0 = state([att("v", "Voteringslista")]);
    const s1 = run(after(s0, "Se "), insertAttachmentRef(schema.nodes.attachment_ref, "v"));
    const fresh = EditorState.create({
      doc: s1.doc,
      plugins: [s1.plugins[0]!, derivedPlugin()],
    });
    expect(labels(fresh)).toEqual(["bilaga 1"]);
  });
});

describe("the list of bilagor", () => {
  const doc = () => state().doc;
  const meta = (list: Attachment[]) => metaOf(state(list));

  it("moves a bilaga within its own group only", () => {
    const m = meta([
      att("p", "Hela 1"),
      att("x", "A 1", "a"),
      att("y", "A 2", "a"),
      att("q", "Hela 2"),
    ]);
    expect(moveAttachment(doc(), m, "y", -1)!.attachments!.map((a) => a.id)).toEqual([
      "p",
      "y",
      "x",
      "q",
    ]);
    expect(moveAttachment(doc(), m, "x", -1)).toBeNull(); // the first of § a's: the one above is the whole protocol's
    expect(moveAttachment(doc(), m, "q", -1)!.attachments!.map((a) => a.id)).toEqual([
      "q",
      "x",
      "y",
      "p",
    ]);
    expect(moveAttachment(doc(), m, "y", 1)).toBeNull();
  });

  it("assigns a bilaga to another § or the whole protocol", () => {
    const m = meta([att("x", "A", "a")]);
    expect(assignAttachment(m, "x", "b")!.attachments).toEqual([att("x", "A", "b")]);
    expect(assignAttachment(m, "x", null)!.attachments).toEqual([att("x", "A")]);
    expect(assignAttachment(m, "x", "a")).toBeNull();
  });

  it("an empty or unchanged title is not a rename", () => {
    const m = meta([att("x", "A")]);
    expect(renameAttachment(m, "x", "  ")).toBeNull();
    expect(renameAttachment(m, "x", "A")).toBeNull();
    expect(renameAttachment(m, "x", " Ny titel ")!.attachments![0]!.title).toBe("Ny titel");
  });

  it("removing the last bilaga leaves the document as it was without bilagor", () => {
    const before = state();
    const withOne = before.apply(updateMeta(before, (m) => addAttachment(m, att("x", "A"))));
    const after = withOne.apply(setMeta(withOne, removeAttachment(metaOf(withOne), "x")!));
    const file = (s: EditorState) =>
      serialize({
        kind: "protokoll",
        meta: metaOf(s),
        doc: s.doc,
        review: { comments: [], approvals: [], lastSeen: {} },
        history: [],
      });
    expect(file(after)).toBe(file(before));
    expect(file(withOne)).toContain('"attachments"');
  });
});
