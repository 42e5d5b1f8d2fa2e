import { TextSelection } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { decision, item, p, proposal, protocol, ref, reservation } from "../../schemas/build.js";
import { createFile } from "../../schemas/file.js";
import { proposalLeadIn } from "../../schemas/generated.js";
import { mapText, renderDocument } from "../../schemas/render/renderDocument.js";
import { IMMEDIATE_SENTENCE } from "../../schemas/render/renderNodes.js";
import { derivedOf } from "./derivedPlugin.js";
import { createEditorState } from "./setup.js";
import type { DecorationSet } from "prosemirror-view";

function file() {
  const doc = protocol(
    item({ id: "a", title: "Första" }, decision("A.")),
    item(
      { id: "b", title: "Andra" },
      proposal({ id: "y1", by: ["bo"] }, "Motivering."),
      reservation({ by: ["bo"], favouring: "y1" }),
      p("Se ", ref("a")),
    ),
    item({ id: "c", title: "Tredje" }, decision("C.")),
  );
  return createFile(
    "protokoll",
    {
      body: { name: "Socialnämnden" },
      persons: [{ id: "bo", name: "Bo Berg", party: "M", role: "member" }],
      attendance: [{ person: "bo", status: "serving" }],
    },
    doc,
  );
}

/** Comparable form of a decoration set: position, kind and what it shows. */
function describeSet(set: DecorationSet): string[] {
  return set
    .find()
    .map((d) => `${d.from}-${d.to}:${JSON.stringify(d.spec)}`)
    .sort();
}

describe("derived decorations", () => {
  it("shows the closing sentence of an omedelbart justerad § as generated, exactly as the export writes it, and not when the secretary wrote it", () => {
    const doc = protocol(
      item({ id: "a", title: "Första", immediate: true }, decision("A.")),
      item(
        { id: "b", title: "Andra", immediate: true },
        decision("B."),
        p("Paragrafen förklarades omedelbart justerad."),
      ),
      item({ id: "c", title: "Tredje" }, decision("C.")),
    );
    const f = createFile("protokoll", { body: { name: "Nämnden" } }, doc);
    const s = createEditorState(f);
    const shown = derivedOf(s)
      .decorations.find()
      .filter((d) => (d.spec as { key?: string }).key?.includes("-immediate"));
    expect(shown.map((d) => (d.spec as { key: string }).key)).toEqual([
      `a-immediate:${IMMEDIATE_SENTENCE}`,
    ]);
    expect(shown[0]!.from).toBe(s.doc.child(0).nodeSize - 1); // at the end of § a, after its blocks
    // The export of § a alone (an extract) ends with the same sentence, once.
    const r = renderDocument(f, { output: "extract", items: ["a"] });
    if (!r.ok) throw new Error(r.error);
    const exported: string[] = [];
    mapText(r.rendered, (t) => (exported.push(t), t));
    expect(exported.filter((t) => t === IMMEDIATE_SENTENCE)).toHaveLength(1);
  });

  it("shows the generated lead-ins, the decision heading and the § numbers", () => {
    const s = createEditorState(file());
    const specs = describeSet(derivedOf(s).decorations).join("\n");
    expect(specs).toContain("Socialnämndens beslut");
    expect(specs).toContain(
      "Ledamoten Bo Berg (M) yrkade bifall till förvaltningens förslag till beslut.",
    );
    expect(specs).toContain("reserverade sig mot beslutet");
    expect(specs).toContain('"label":"§ 1"');
    const proposalNode = s.doc.child(1).child(1);
    expect(specs).toContain(proposalLeadIn(proposalNode, s.doc.child(1), file().meta));
  });

  it("updates one § incrementally exactly as a full rebuild would", () => {
    let s = createEditorState(file());
    // Type in the proposal's paragraph of § 2, then change its attributes.
    const itemPos = s.doc.child(0).nodeSize;
    const proposalPos = itemPos + 1 + s.doc.child(1).child(0).nodeSize;
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, proposalPos + 2)));
    for (const ch of "Ny text ") s = s.apply(s.tr.insertText(ch));
    s = s.apply(s.tr.setNodeAttribute(proposalPos, "kind", "avslag"));
    const incremental = describeSet(derivedOf(s).decorations);
    const full = describeSet(
      derivedOf(createEditorState({ kind: "protokoll", meta: file().meta, doc: s.doc }))
        .decorations,
    );
    expect(incremental).toEqual(full);
    expect(incremental.join("\n")).toContain(
      "yrkade avslag på förvaltningens förslag till beslut.",
    );
  });

  it("keeps the later lead-ins' keys and the numbering while the secretary types earlier in the §", () => {
    let s = createEditorState(file());
    const keysOf = (state: typeof s) =>
      derivedOf(state)
        .decorations.find(
          state.doc.child(0).nodeSize,
          state.doc.child(0).nodeSize + state.doc.child(1).nodeSize,
        )
        .map((d) => (d.spec as { key?: string }).key)
        .filter((k): k is string => typeof k === "string")
        .sort();
    const before = derivedOf(s);
    const keysBefore = keysOf(s);
    // The reservation's lead-in follows the proposal: typing in the proposal moves it.
    const proposalPos = s.doc.child(0).nodeSize + 1 + s.doc.child(1).child(0).nodeSize;
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, proposalPos + 2)));
    for (const ch of "Mer text") s = s.apply(s.tr.insertText(ch));
    expect(keysBefore.some((k) => k.includes("reserverade sig"))).toBe(true);
    expect(keysOf(s)).toEqual(keysBefore);
    // Same §§ in the same order: the numbers are the same objects (the panels skip their work).
    expect(derivedOf(s).numbers).toBe(before.numbers);
    expect(derivedOf(s).ids).toBe(before.ids);
    // A new § renumbers.
    const end = s.doc.content.size;
    s = s.apply(s.tr.insert(end, s.doc.child(2).type.create({ id: "d" }, s.doc.child(2).content)));
    expect(derivedOf(s).numbers).not.toBe(before.numbers);
    expect(derivedOf(s).numbers.get("d")).toBe(4);
  });
});
