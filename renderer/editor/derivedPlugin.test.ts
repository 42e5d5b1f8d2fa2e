import { TextSelection } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { decision, item, p, proposal, protocol, ref, reservation } from "../../schemas/build.js";
import { createFile } from "../../schemas/file.js";
import { proposalLeadIn } from "../../schemas/generated.js";
import { derivedOf } from "./derivedPlugin.js";
import { createEditorState } from "./setup.js";
import type { DecorationSet } from "prosemirror-view";

function file() {
  const doc = protocol(
    item({ id: "a", title: "Första" }, decision("A.")),
    item({ id: "b", title: "Andra" }, proposal({ id: "y1", by: ["bo"] }, "Motivering."), reservation({ by: ["bo"], favouring: "y1" }), p("Se ", ref("a"))),
    item({ id: "c", title: "Tredje" }, decision("C.")),
  );
  return createFile("protokoll", {
    body: { name: "Socialnämnden" },
    persons: [{ id: "bo", name: "Bo Berg", party: "M", role: "member" }],
    attendance: [{ person: "bo", status: "serving" }],
  }, doc);
}

/** Comparable form of a decoration set: position, kind and what it shows. */
function describeSet(set: DecorationSet): string[] {
  return set
    .find()
    .map((d) => `${d.from}-${d.to}:${JSON.stringify(d.spec)}`)
    .sort();
}

describe("derived decorations", () => {
  it("shows the generated lead-ins, the decision heading and the § numbers", () => {
    const s = createEditorState(file());
    const specs = describeSet(derivedOf(s).decorations).join("\n");
    expect(specs).toContain("Socialnämndens beslut");
    expect(specs).toContain("Ledamoten Bo Berg (M) yrkade bifall till förvaltningens förslag till beslut.");
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
    const full = describeSet(derivedOf(createEditorState({ kind: "protokoll", meta: file().meta, doc: s.doc })).decorations);
    expect(incremental).toEqual(full);
    expect(incremental.join("\n")).toContain("yrkade avslag på förslaget.");
  });
});
