import { EditorState, TextSelection, type Transaction } from "prosemirror-state";
import { undo } from "prosemirror-history";
import { describe, expect, it } from "vitest";
import { decision, item, p, proposal, protocol, ref } from "../../schemas/build.js";
import { createFile } from "../../schemas/file.js";
import { schema } from "../../schemas/schema.js";
import {
  defaultAttrs,
  insertBlock,
  insertHeaderPart,
  insertItem,
  insertItemRef,
  insertQuestion,
  moveItem,
  moveItemTo,
} from "./commands.js";
import { metaOf, updateMeta } from "./documentPlugin.js";
import { derivedOf } from "./derivedPlugin.js";
import { createEditorState } from "./setup.js";

const n = schema.nodes;

function sample() {
  const doc = protocol(
    item({ id: "a", title: "Första" }, decision("Beslut A.")),
    item({ id: "b", title: "Andra" }, p("Se ", ref("a"), ".")),
    item({ id: "c", title: "Tredje" }, proposal({ id: "y1", by: [] })),
  );
  return createFile(
    "protokoll",
    { body: { name: "Socialnämnden", reglemente: { firstItemNumber: 12 } } },
    doc,
  );
}

function run(
  state: EditorState,
  cmd: (s: EditorState, d?: (tr: Transaction) => void) => boolean,
): EditorState {
  let next = state;
  const ok = cmd(state, (tr) => (next = state.apply(tr)));
  expect(ok).toBe(true);
  return next;
}

/** Cursor at the end of the title of the index-th §. */
function inTitle(state: EditorState, index: number): EditorState {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += state.doc.child(i).nodeSize;
  const end = pos + 1 + state.doc.child(index).firstChild!.nodeSize - 1;
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
}

const titles = (s: EditorState) => {
  const out: string[] = [];
  s.doc.forEach((c) =>
    out.push(`${derivedOf(s).numbers.get(c.attrs.id as string)} ${c.firstChild!.textContent}`),
  );
  return out;
};

describe("editor commands", () => {
  it("inserts a new § after the current one with the cursor in its title, numbered from the body's first number", () => {
    let s = inTitle(createEditorState(sample()), 0);
    s = run(s, insertItem(n.agenda_item!, n.item_title!));
    s = s.apply(s.tr.insertText("Ny"));
    expect(titles(s)).toEqual(["12 Första", "13 Ny", "14 Andra", "15 Tredje"]);
    expect(s.doc.child(1).attrs.id).toMatch(/^p/);
  });

  it("inserts a block after the heading when the cursor is in the title, and gives a vote the §'s proposals", () => {
    let s = inTitle(createEditorState(sample()), 2);
    s = run(s, insertBlock(n.agenda_item!, n.vote!, defaultAttrs("vote")));
    const names: string[] = [];
    s.doc.child(2).forEach((c) => names.push(c.type.name));
    expect(names).toEqual(["item_title", "vote", "proposal"]);
    expect(s.doc.child(2).child(1).attrs.yes).toBe("y1");
    expect(s.selection.$from.parent.type.name).toBe("paragraph");
    expect(s.selection.$from.node(2).type.name).toBe("vote");
  });

  it("refuses to insert a block outside a §", () => {
    const s = createEditorState(sample());
    const all = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 0 + 1 + 1)));
    expect(insertBlock(n.agenda_item!, n.decision!)(all)).toBe(true);
    // No § around position 0 of an answer document.
    const answer = createEditorState({
      kind: "interpellationssvar",
      meta: sample().meta,
      doc: schema.nodes.doc.create(null, [
        n.answer!.create(null, [
          n.ip_title!.create(),
          n.paragraph!.create(),
          n.signature!.create(),
        ]),
      ]),
    });
    expect(insertBlock(n.agenda_item!, n.decision!)(answer)).toBe(false);
    expect(insertItem(n.agenda_item!, n.item_title!)(answer)).toBe(false);
  });

  it("adds a numbered question to an answer before its signature", () => {
    const answerDoc = schema.nodes.doc.create(null, [
      n.answer!.create(null, [
        n.ip_title!.create(null, schema.text("Svar")),
        n.paragraph!.create(null, schema.text("Inledning")),
        n.signature!.create(),
      ]),
    ]);
    let s = createEditorState({ kind: "interpellationssvar", meta: sample().meta, doc: answerDoc });
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 8)));
    s = run(s, insertQuestion(n.answer!, n.ip_question!));
    const names: string[] = [];
    s.doc.firstChild!.forEach((c) => names.push(c.type.name));
    expect(names).toEqual(["ip_title", "paragraph", "ip_question", "signature"]);
    expect(s.selection.$from.node(2).type.name).toBe("ip_question");
    expect(insertQuestion(n.answer!, n.ip_question!)(createEditorState(sample()))).toBe(false);
  });

  it("adds a Dnr after the subtitle, once", () => {
    let s = inTitle(createEditorState(sample()), 0);
    s = run(s, insertHeaderPart(n.agenda_item!, n.item_subtitle!));
    s = run(s, insertHeaderPart(n.agenda_item!, n.dnr!));
    s = run(s, insertHeaderPart(n.agenda_item!, n.dnr!));
    const names: string[] = [];
    s.doc.child(0).forEach((c) => names.push(c.type.name));
    expect(names).toEqual(["item_title", "item_subtitle", "dnr", "decision"]);
  });

  it("moves §§: numbers and §-references follow, and undo moves back", () => {
    let s = inTitle(createEditorState(sample()), 0);
    s = run(s, moveItem(n.agenda_item!, 1));
    expect(titles(s)).toEqual(["12 Andra", "13 Första", "14 Tredje"]);
    // The reference in "Andra" points to "Första", now § 13.
    const deco = derivedOf(s)
      .decorations.find()
      .find((d) => (d.spec as { label?: string }).label);
    expect((deco!.spec as { label: string }).label).toBe("§ 13");
    expect(s.selection.$from.node(1).attrs.id).toBe("a");
    s = run(s, moveItemTo(n.agenda_item!, 2, 0));
    expect(titles(s)).toEqual(["12 Tredje", "13 Andra", "14 Första"]);
    s = run(s, undo);
    expect(titles(s)).toEqual(["12 Andra", "13 Första", "14 Tredje"]);
    expect(moveItemTo(n.agenda_item!, 0, 5)(s)).toBe(false);
    expect(moveItem(n.agenda_item!, -1)(inTitle(s, 0))).toBe(false);
  });

  it("inserts a §-reference only where inline content goes", () => {
    let s = inTitle(createEditorState(sample()), 1);
    // Titles take text only.
    expect(insertItemRef(n.item_ref!, "c")(s)).toBe(false);
    let pos = 0;
    pos += s.doc.child(0).nodeSize;
    const paragraphStart = pos + 1 + s.doc.child(1).firstChild!.nodeSize + 1;
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, paragraphStart)));
    s = run(s, insertItemRef(n.item_ref!, "c"));
    const refs: string[] = [];
    s.doc.descendants((node) => {
      if (node.type.name === "item_ref") refs.push(node.attrs.target as string);
    });
    expect(refs).toEqual(["c", "a"]);
  });

  it("changes metadata as an undoable step that redraws the numbers", () => {
    let s = createEditorState(sample());
    s = s.apply(
      updateMeta(s, (m) => ({
        ...m,
        body: { ...m.body, reglemente: { ...m.body.reglemente, firstItemNumber: 40 } },
      })),
    );
    expect(titles(s)).toEqual(["40 Första", "41 Andra", "42 Tredje"]);
    s = run(s, undo);
    expect(metaOf(s).body.reglemente.firstItemNumber).toBe(12);
    expect(titles(s)).toEqual(["12 Första", "13 Andra", "14 Tredje"]);
  });
});

describe("insertPageBreak", () => {
  it("puts a page break after the paragraph the cursor is in, as one undo step, and not in a § title", async () => {
    const { insertPageBreak } = await import("./commands.js");
    const doc = protocol(item({ id: "a", title: "Första" }, p("Ett stycke.")));
    let state = createEditorState(createFile("protokoll", { body: { name: "Nämnden" } }, doc));
    // Cursor in the paragraph.
    let at = 0;
    state.doc.descendants((n, pos) => {
      if (n.type.name === "paragraph") at = pos + 2;
    });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
    const next = run(state, insertPageBreak(n.page_break!));
    const names: string[] = [];
    next.doc.child(0).forEach((c) => names.push(c.type.name));
    expect(names).toEqual(["item_title", "paragraph", "page_break"]);
    expect(run(next, undo).doc.eq(state.doc)).toBe(true);
    // In the title there is no place for a page break inside the heading, so it goes after it.
    const inTitle = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 2)));
    const afterTitle: string[] = [];
    run(inTitle, insertPageBreak(n.page_break!))
      .doc.child(0)
      .forEach((c) => afterTitle.push(c.type.name));
    expect(afterTitle).toEqual(["item_title", "page_break", "paragraph"]);
  });
});
