import { Slice } from "prosemirror-model";
import { EditorState, TextSelection, type Command } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { decision, distribution, item, p, protocol } from "../../schemas/build.js";
import { schema } from "../../schemas/schema.js";
import { insertBlock } from "./commands.js";
import { recipientEnter, recipientsSlice } from "./recipientList.js";

const n = schema.nodes;

/** A § with "Expedieras till" of `names`, the cursor at `offset` in the recipient at `index` (-1: in the decision). */
function at(names: string[], index: number, offset = names[index]?.length ?? 0): EditorState {
  const doc = protocol(
    item(
      { id: "a", title: "Budget" },
      decision("Budgeten antas."),
      ...(names.length ? [distribution(...names)] : []),
    ),
  );
  const state = EditorState.create({ schema, doc });
  let pos = -1;
  let seen = 0;
  doc.descendants((node, p) => {
    if (index === -1 && node.type.name === "decision") pos = p + 3;
    if (node.type.name === "recipient" && seen++ === index) pos = p + 1 + offset;
    return pos === -1;
  });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)));
}
function run(state: EditorState, cmd: Command): EditorState {
  let next = state;
  expect(cmd(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}
/** The § as [type, text] of its blocks, with the recipients of Expedieras till. */
const blocks = (s: EditorState) => {
  const out: (string | string[])[] = [];
  s.doc.firstChild!.forEach((b) => {
    if (b.type.name !== "distribution") return void out.push(`${b.type.name}: ${b.textContent}`);
    const names: string[] = [];
    b.forEach((r) => names.push(`${r.type.name}: ${r.textContent}`));
    out.push(names);
  });
  return out;
};

describe("editing Expedieras till", () => {
  it("inserts the block with one empty recipient to type in", () => {
    const s = run(at([], -1), insertBlock(n.agenda_item!, n.distribution!));
    expect(blocks(s)).toEqual(["item_title: Budget", "decision: Budgeten antas.", ["recipient: "]]);
    expect(s.selection.$from.parent.type.name).toBe("recipient");
  });

  it("makes a new recipient with Enter, splitting the line at the cursor", () => {
    const s = run(at(["KommunstyrelsenRevisionen"], 0, "Kommunstyrelsen".length), recipientEnter);
    expect(blocks(s)[2]).toEqual(["recipient: Kommunstyrelsen", "recipient: Revisionen"]);
    expect(s.selection.$from.parent.textContent).toBe("Revisionen");
  });

  it("leaves the list with Enter on an empty last recipient: a paragraph after the block", () => {
    const s = run(run(at(["Kommunstyrelsen"], 0), recipientEnter), recipientEnter);
    expect(blocks(s).slice(2)).toEqual([["recipient: Kommunstyrelsen"], "paragraph: "]);
    expect(s.selection.$from.parent.type.name).toBe("paragraph");
  });

  it("does not apply outside a recipient", () => {
    expect(recipientEnter(at(["Kommunstyrelsen"], -1))).toBe(false);
  });

  it("splits a pasted list of names into recipients: lines, commas and och", () => {
    const paste = (state: EditorState, text: string) => {
      const pasted = new Slice(
        schema.nodes.doc.create(
          null,
          text.split("\n").map((l) => p(l)),
        ).content,
        1,
        1,
      );
      return state.apply(state.tr.replaceSelection(recipientsSlice(pasted, schema)));
    };
    expect(blocks(paste(at([""], 0), "Kommunstyrelsen, Ekonomienheten och Revisionen"))[2]).toEqual(
      ["recipient: Kommunstyrelsen", "recipient: Ekonomienheten", "recipient: Revisionen"],
    );
    expect(blocks(paste(at(["Akten"], 0), "Miljönämnden\nVård- och omsorgsnämnden"))[2]).toEqual([
      "recipient: AktenMiljönämnden",
      "recipient: Vård- och omsorgsnämnden",
    ]);
    // one name: plain text at the cursor
    expect(blocks(paste(at(["Kommun"], 0), "styrelsen"))[2]).toEqual([
      "recipient: Kommunstyrelsen",
    ]);
  });
});
