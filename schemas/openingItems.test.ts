import { describe, expect, it } from "vitest";
import { kommunfullmaktige } from "../templates/kommunfullmaktige.js";
import { kommunstyrelse } from "../templates/kommunstyrelse.js";
import { interpellationssvar } from "../templates/interpellationssvar.js";
import { socialnamnd } from "../templates/socialnamnd.js";
import type { Meta } from "./meta.js";
import { adjustmentItemText, syncAdjustmentItem } from "./openingItems.js";
import { validateFile } from "./rules/index.js";

const persons = [
  { id: "ae", name: "Anna Ek", party: "M", role: "chair" as const, title: null },
  { id: "eb", name: "Eva Berg", party: "S", role: "member" as const, title: null },
  { id: "pl", name: "Per Lund", party: "V", role: "member" as const, title: null },
];
const withFacts = (meta: Meta, patch: Partial<Meta> = {}): Meta => ({
  ...meta,
  persons,
  chair: "ae",
  adjusters: ["eb"],
  adjustment: { date: "2025-03-14", place: "Kommunhuset" },
  ...patch,
});

describe("the opening § fills itself from the meeting facts", () => {
  it("starts as a placeholder that the placeholders rule flags", () => {
    const f = socialnamnd.create({ date: "2025-03-10" });
    expect(f.doc.child(0).textContent).toContain(
      "… utses att jämte ordföranden justera dagens protokoll. Tid och plats för justering: …, ….",
    );
    expect(validateFile(f).filter((p) => p.rule === "placeholders").length).toBe(3);
  });

  it("is rewritten when the justerare, day and place are set, and follows when they change", () => {
    const f = socialnamnd.create({ date: "2025-03-10" });
    const meta1 = withFacts(f.meta);
    const r1 = syncAdjustmentItem(f.doc, f.meta, meta1)!;
    expect(r1.text).toBe(
      "Eva Berg (S) utses att jämte ordföranden justera dagens protokoll. Tid och plats för justering: fredag den 14 mars 2025, Kommunhuset.",
    );
    expect(f.doc.textBetween(r1.from, r1.to)).toBe(adjustmentItemText(f.meta));
    const meta2 = withFacts(f.meta, { adjusters: ["eb", "pl"] });
    // Regenerated from the previous facts: it follows.
    expect(syncAdjustmentItem(docWith(f.doc, r1), meta1, meta2)?.text).toBe(
      "Eva Berg (S) och Per Lund (V) utses att jämte ordföranden justera dagens protokoll. Tid och plats för justering: fredag den 14 mars 2025, Kommunhuset.",
    );
  });

  it("leaves a § the secretary wrote herself, and a justerat protocol, alone", () => {
    const f = socialnamnd.create({ date: "2025-03-10" });
    const own = docWith(f.doc, {
      ...syncAdjustmentItem(f.doc, f.meta, withFacts(f.meta))!,
      text: "Eva Berg utses att justera protokollet på fredag.",
    });
    expect(
      syncAdjustmentItem(own, withFacts(f.meta), withFacts(f.meta, { adjusters: ["pl"] })),
    ).toBeNull();
    expect(syncAdjustmentItem(f.doc, f.meta, withFacts(f.meta, { status: "adjusted" }))).toBeNull();
  });
});

/** The document with one text range replaced. */
function docWith(
  doc: ReturnType<typeof socialnamnd.create>["doc"],
  r: { from: number; to: number; text: string },
) {
  const schema = doc.type.schema;
  return doc.replace(
    r.from,
    r.to,
    schema.nodes.paragraph!.create(null, schema.text(r.text)).slice(0, r.text.length),
  );
}

describe("templates hold no municipality's values", () => {
  it("leave the number of members, the Dnr pattern and the answer's place to the reglemente and the secretary", () => {
    for (const t of [socialnamnd, kommunstyrelse, kommunfullmaktige]) {
      const r = t.create().meta.body.reglemente;
      expect([t.id, r.members, r.dnrPattern, r.substituteStatements]).toEqual([
        t.id,
        null,
        null,
        false,
      ]);
    }
    expect(interpellationssvar.create().meta.interpellation?.place).toBeNull();
  });
  it("give a 41-member fullmäktige no quorum error from the template", () => {
    const f = kommunfullmaktige.create({ date: "2025-03-10" });
    expect(validateFile(f).filter((p) => p.rule === "quorum")).toEqual([]);
  });
  it("speak of the body they are for", () => {
    const texts = kommunstyrelse.phrases.map((p) => p.text).join("\n");
    expect(texts).toContain("Kommunstyrelsen beslutade enligt förslaget till beslut.");
    expect(texts).not.toMatch(/[Nn]ämnden|förvaltningens förslag/);
    expect(kommunfullmaktige.phrases.map((p) => p.text).join("\n")).toContain(
      "Fullmäktige beslutade enligt kommunstyrelsens förslag.",
    );
  });
  it("create a protocol for a body saved in the workspace", () => {
    const body = {
      name: "Tekniska nämnden",
      type: "nämnd" as const,
      municipality: null,
      reglemente: {
        adjusters: 2,
        substituteStatements: true,
        firstItemNumber: 40,
        members: 11,
        dnrPattern: "^TN \\d{4}/\\d+$",
      },
    };
    const f = socialnamnd.create({ date: "2025-03-10", body });
    expect(f.meta.body).toEqual(body);
  });
});
