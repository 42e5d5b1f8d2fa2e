import { describe, expect, it } from "vitest";
import { parse, serialize } from "../schemas/file.js";
import { generateProtocol } from "./generate.js";

describe("the synthetic protocol generator", () => {
  it("makes the same document from the same seed and a different one from another seed", () => {
    expect(serialize(generateProtocol({ items: 30, seed: 7 }))).toBe(
      serialize(generateProtocol({ items: 30, seed: 7 })),
    );
    expect(serialize(generateProtocol({ items: 30, seed: 8 }))).not.toBe(
      serialize(generateProtocol({ items: 30, seed: 7 })),
    );
  });
  it("makes valid files of the requested size with votes, reservations, attendance changes and jäv", () => {
    const file = generateProtocol({ items: 60, seed: 3 });
    expect(file.doc.childCount).toBe(60);
    const r = parse(serialize(file));
    expect(r.ok).toBe(true);
    const types = new Set<string>();
    file.doc.descendants((n) => {
      types.add(n.type.name);
    });
    for (const t of [
      "vote",
      "reservation",
      "proposal",
      "special_statement",
      "recusal",
      "decision_procedure",
      "item_ref",
    ])
      expect(types).toContain(t);
    expect(file.meta.attendance.some((a) => a.replaces)).toBe(true);
    expect(file.meta.recusals.length).toBeGreaterThan(0);
  });
});
