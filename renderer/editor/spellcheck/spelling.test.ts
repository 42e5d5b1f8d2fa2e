/**
 * The spell-check's words and verdicts, with the real Hunspell (hunspell-asm, WebAssembly) and the
 * real Swedish dictionary (dictionary-sv) — what the worker runs in the editor.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Meta } from "../../../schemas/meta.js";
import { createSpeller, type Speller } from "./speller.js";
import { isKnown, meetingWords, shouldCheck, spellTokens } from "./words.js";

let speller: Speller;
beforeAll(async () => {
  const dir = dirname(createRequire(import.meta.url).resolve("dictionary-sv"));
  speller = await createSpeller(
    readFileSync(join(dir, "index.aff")),
    readFileSync(join(dir, "index.dic")),
  );
}, 60_000);

describe("Swedish spelling with Hunspell", () => {
  it("flags a made-up word and a misspelled participle", () => {
    expect(speller.check("xyzqwk")).toBe(false);
    expect(speller.check("beslutadt")).toBe(false);
  });

  it("accepts the words of a protocol, compounds included", () => {
    for (const w of [
      "ersättaryttrande",
      "justeringsdatum",
      "protokollsanteckning",
      "beslutat",
      "Beslutat",
      "protokollsutdraget",
      "tjänsteutlåtande",
      "bl.a.",
      "t.ex.",
    ])
      expect(speller.check(w), w).toBe(true);
  });

  it("suggests the right word for a misspelling", () => {
    expect(speller.suggest("beslutadt")).toContain("beslutat");
  }, 30_000);

  it("accepts a word once it is added (the workspace's word list)", () => {
    expect(speller.check("Qwertyvik")).toBe(false);
    speller.add("Qwertyvik");
    expect(speller.check("Qwertyvik")).toBe(true);
  });
});

describe("the words the spell-check reads", () => {
  it("are letters joined by hyphens and abbreviation periods, without a sentence's final period", () => {
    const text = "Nämnden beslutadt, bl.a. om Ole-Jörgens förslag. Dnr KS 2020/123 och 2020-08-25.";
    const tokens = spellTokens(text);
    expect(tokens.map((t) => t.word)).toEqual([
      "Nämnden",
      "beslutadt",
      "bl.a.",
      "om",
      "Ole-Jörgens",
      "förslag",
      "Dnr",
      "KS",
      "och",
    ]);
    const forslag = tokens.find((t) => t.word === "förslag")!;
    expect(text.slice(forslag.from, forslag.to)).toBe("förslag");
    const bla = tokens.find((t) => t.word === "bl.a.")!;
    expect(text.slice(bla.from, bla.to)).toBe("bl.a.");
  });

  it("leave out single letters and acronyms", () => {
    expect(shouldCheck("a")).toBe(false);
    expect(shouldCheck("OSL")).toBe(false);
    expect(shouldCheck("beslutadt")).toBe(true);
    expect(shouldCheck("Qwertyson")).toBe(true);
  });

  it("never flag the meeting's persons, its body and place, nor their genitives", () => {
    const meta = Meta.parse({
      body: { name: "Qwertyviksnämnden" },
      meeting: { place: "Xylofonsalen" },
      persons: [{ id: "a", name: "Zbigniew Qwertyson-Åberg", party: "S", role: "member" }],
    });
    const words = meetingWords(meta);
    for (const w of [
      "Zbigniew",
      "Qwertyson",
      "Qwertysons",
      "Qwertyson-Åberg",
      "Qwertyviksnämnden",
      "Xylofonsalen",
    ])
      expect(isKnown(w, words), w).toBe(true);
    expect(isKnown("beslutadt", words)).toBe(false);
    expect(speller.check("Qwertyson")).toBe(false);
  });
});
