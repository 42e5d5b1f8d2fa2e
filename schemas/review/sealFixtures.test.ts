import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, serialize } from "../file.js";
import { immediateUnchanged } from "./adjust.js";
import { verifySeal } from "./seal.js";

/** Justerade files written by the program before seal form 2, frozen (schemas/review/fixtures). */
const dir = join(import.meta.dirname, "fixtures");
const fixtures = readdirSync(dir).filter((n) => n.endsWith(".protokoll"));

function load(name: string) {
  const text = readFileSync(join(dir, name), "utf8");
  const r = parse(text);
  if (!r.ok)
    throw new Error(`${name}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
  return { file: r.file, stored: JSON.parse(text) as Record<string, unknown>, text };
}

describe("justerade files of the old format (frozen fixtures)", () => {
  it("are all there: a justerat protocol, one with a rättelse, one with a § justerad at the meeting", () => {
    expect(fixtures.sort()).toEqual([
      "v1-justerat.protokoll",
      "v1-omedelbar.protokoll",
      "v1-rattelse.protokoll",
    ]);
  });

  it.each(fixtures)("%s still verifies, as a seal of the old form (1)", (name) => {
    const { file, stored } = load(name);
    expect(file.meta.seal?.form).toBeUndefined();
    expect(verifySeal(file, stored)).toMatchObject({ ok: true, form: 1 });
  });

  it.each(fixtures)(
    "%s still verifies once read and written again by this program (new keys at their defaults)",
    (name) => {
      const { file } = load(name);
      const again = serialize(file);
      const back = parse(again);
      expect(back.ok && verifySeal(back.file, JSON.parse(again))).toMatchObject({
        ok: true,
        form: 1,
      });
    },
  );

  it.each(fixtures)("%s reads as changed after a one-word edit of a decision", (name) => {
    const { text } = load(name);
    const edited = text.replace("Dagordningen godkänns.", "Dagordningen godkänns inte.");
    expect(edited).not.toBe(text);
    const r = parse(edited);
    expect(r.ok && verifySeal(r.file, JSON.parse(edited))).toMatchObject({
      ok: false,
      reason: "changed",
    });
  });

  it("keeps the § justerad at the meeting unchanged in the old fixture", () => {
    const { file } = load("v1-omedelbar.protokoll");
    expect(immediateUnchanged(file, "p4")).toBe(true);
  });
});
