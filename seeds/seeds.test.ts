/**
 * The checked-in seeds are what the importer makes of their source text today (so they never go
 * stale), and each opens and saves to the same bytes. Regenerate with
 *   node --import tsx main/import/generateSeeds.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, serialize } from "../schemas/file.js";
import { importDocument } from "../main/import/importDocument.js";
import { slugOf } from "../main/import/generateSeeds.js";

const dir = import.meta.dirname;
const seeds = readdirSync(dir)
  .filter((n) => n.endsWith(".protokoll"))
  .sort();

describe("seeds/", () => {
  it("holds the five documents, each with its source text beside it", () => {
    expect(seeds).toHaveLength(5);
    for (const s of seeds) expect(readdirSync(dir)).toContain(s.replace(/\.protokoll$/, ".txt"));
  });

  for (const name of seeds) {
    it(`${name} equals a fresh import of its .txt and is named after its content`, async () => {
      const source = new Uint8Array(readFileSync(join(dir, name.replace(/\.protokoll$/, ".txt"))));
      const fresh = await importDocument(source, name);
      if (!fresh.ok) throw new Error(fresh.error);
      const checkedIn = readFileSync(join(dir, name), "utf8");
      expect(serialize(fresh.file)).toBe(checkedIn);
      expect(name).toBe(`${name.slice(0, 3)}-${slugOf(fresh.file)}.protokoll`);
    });

    it(`${name} round-trips: parse → serialize gives the same bytes`, () => {
      const text = readFileSync(join(dir, name), "utf8");
      const parsed = parse(text);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(serialize(parsed.file)).toBe(text);
    });
  }
});
