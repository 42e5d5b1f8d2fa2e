/** The interpellationssvar seeds (000, 001, 003, 004): what the rules report is what the texts lack. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../file.js";
import { validateFile } from "./index.js";

const seeds = join(import.meta.dirname, "../../seeds");
const load = (name: string) => {
  const r = parse(readFileSync(join(seeds, `${name}.protokoll`), "utf8"));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  return r.file;
};
const text = (name: string) => readFileSync(join(seeds, `${name}.txt`), "utf8");
const found = (name: string) =>
  validateFile(load(name)).map((p) => `${p.severity} ${p.rule}: ${p.message}`);

describe("interpellationssvar seeds", () => {
  it("000 and 001 quote their questions, answer each, are signed and have a Dnr: no problems", () => {
    expect(found("000-interpellationssvar-ks-2021-1069")).toEqual([]);
    expect(found("001-interpellationssvar-ks-2022-65")).toEqual([]);
  });

  it("003 gives no Dnr, which the text indeed lacks", () => {
    expect(found("003-interpellationssvar-2008-50")).toEqual([
      "warning dnr-present: Diarienummer (Dnr) för interpellationen saknas.",
    ]);
    expect(text("003-interpellationssvar-2008-50")).not.toMatch(/Dnr/i);
  });

  it("004 does not take up its fifth question (the former majority's development areas)", () => {
    expect(found("004-interpellationssvar-ks-2019-358")).toEqual([
      "warning questions-answered: Fråga 5 verkar inte besvaras: svaret nämner den inte och tar inte upp det den handlar om.",
    ]);
    const t = text("004-interpellationssvar-ks-2019-358");
    const answer = t.slice(t.indexOf("Jag vill börja med"));
    expect(answer).not.toMatch(/utvecklingsområd|fördjupning|femte fråga/i);
  });
});
