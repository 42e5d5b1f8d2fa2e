/**
 * The corrections and additions of RULES.md give no new errors on real protocols: the twelve
 * corpus protocols of other municipalities (../shared/corpus, imported as .txt) and the seeds.
 * Errors from the rules that existed before (a justering date the importer could not find) are not
 * this test's concern; the new and corrected rules may only warn.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importText } from "../../main/import/importDocument.js";
import { parse } from "../file.js";
import { validateFile } from "./index.js";

const root = join(import.meta.dirname, "../..");
const corpus = [join(root, "../shared/corpus"), join(root, "../../shared/corpus")].find((d) =>
  existsSync(d),
);
const added = new Set([
  "placeholders",
  "adjustment-stated",
  "authority-decision",
  "fullmaktige-questions",
  "substitute-order",
  "interpellation-parties",
  "interpellation-timing",
]);
const corrected = new Set(["vote-result", "recusal-absent", "notice-dates"]);
const newErrors = (problems: { rule: string; severity: string; message: string }[]) =>
  problems
    .filter((p) => p.severity === "error" && (added.has(p.rule) || corrected.has(p.rule)))
    .map((p) => `${p.rule}: ${p.message}`);

describe("the new and corrected rules on real documents", () => {
  it.skipIf(!corpus)("give no error on the corpus protocols", () => {
    const files = readdirSync(corpus!).filter((n) => n.endsWith(".txt"));
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const name of files) {
      const r = importText(readFileSync(join(corpus!, name), "utf8"), name);
      if (!r.ok) continue;
      expect([name, newErrors(validateFile(r.file))]).toEqual([name, []]);
    }
  });
  it("give no error on the seeds", () => {
    const dir = join(root, "seeds");
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".protokoll"))) {
      const r = parse(readFileSync(join(dir, name), "utf8"));
      if (!r.ok) throw new Error(name);
      expect([name, newErrors(validateFile(r.file))]).toEqual([name, []]);
    }
  });
});
