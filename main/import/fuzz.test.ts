import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, serialize } from "../../schemas/file.js";
import { importDocument, importText, type ImportResult } from "./importDocument.js";

const seedsDir = join(import.meta.dirname, "../../seeds");
const seeds = readdirSync(seedsDir)
  .filter((n) => n.endsWith(".txt"))
  .map((n) => readFileSync(join(seedsDir, n), "utf8"));

/** A valid document that opens again, or a clear error: nothing else may come out. */
function checkResult(r: ImportResult): void {
  if (r.ok) {
    const again = parse(serialize(r.file));
    expect(again.ok).toBe(true);
    expect(r.report.items).toBeGreaterThanOrEqual(0);
  } else {
    expect(typeof r.error).toBe("string");
    expect(r.error.length).toBeGreaterThan(10);
    // an internal failure (an invalid document built, an exception caught) is a bug, not a clear error
    expect(r.error).not.toMatch(/blev ogiltigt|Importen misslyckades/);
  }
}

/** Pieces of protocols, so random input exercises the grammar and not only the "no text" path. */
const fragment = fc.constantFrom(
  "§ 5",
  "§5",
  "KF § 50",
  "§ 114 2026.288 KS",
  "§ 1-16",
  "Dnr 1.7.1-213/2020",
  "Dnr",
  "Socialnämndens beslut",
  "Beslut:",
  "Beslut",
  "Ärendet",
  "Beslutsordning",
  "Beslutsgång",
  "Yrkanden",
  "Omröstning",
  "Reservation",
  "Särskilt uttalande",
  "Protokollsanteckning",
  "Ersättaryttrande",
  "Jäv",
  "Expedieras till",
  "Ledamöter        Tjänstgörande ersättare",
  "Justerare",
  "Sekreterare: Ida Falk",
  "Anna Ek (S) yrkar bifall till förvaltningens förslag.",
  "Per Berg (M) yrkar avslag.",
  "Ledamoten Linda Vall (SD) yrkade bifall till eget förslag till",
  "Anna Ek (S) reserverar sig mot beslutet till förmån för det egna förslaget.",
  "Ja: Anna Ek (S), Per Berg (M)",
  "Nej:",
  "Ledamot   Ja   Nej   Avstår",
  "Anna Ek (S)   X",
  "Summa 3 2 1",
  "Med 7 ja-röster mot 6 nej-röster",
  "1. Att",
  "2.",
  "A. Protokoll",
  "B.",
  "- punkt",
  "att godkänna,",
  "Socialnämnden",
  "Protokoll",
  "2020-08-25",
  "Sida 2 (9)",
  "\tHIER",
  "hälso-",
  "och sjukvård",
  "Svar på interpellation (2019:11) av Cecilia Lundgren (V)",
  "1. Varför?",
  "Stockholm den 5 januari 2022",
  "Jon Järvholm",
  "(",
  ")",
  "m.fl.",
  "alla (S)",
  "Eva Lind (S) för Lars Berg (S) §§ 114-115",
  " ",
  "",
  "Ordföranden Jon Järvholm och vice ordföranden Agnes Malmberg Åström utsågs att justera",
  "justering sker måndag 31 augusti 2020",
);

describe("importing any text never throws", () => {
  it("random Unicode text gives a valid document or a clear error", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) =>
        checkResult(importText(text)),
      ),
      { numRuns: 300 },
    );
  });

  it("random sequences of protocol fragments give a valid document or a clear error", () => {
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 60 }),
        fc.constantFrom("\n", "\n\n", "\r\n", " "),
        (parts, sep) => checkResult(importText(parts.join(sep))),
      ),
      { numRuns: 400 },
    );
  });

  it("every seed cut off at a random place, or with a random slice removed, gives a valid document or a clear error", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (k, a, b) => {
          const text = seeds[k]!;
          const [from, to] = [
            Math.floor(Math.min(a, b) * text.length),
            Math.floor(Math.max(a, b) * text.length),
          ];
          checkResult(importText(text.slice(0, to)));
          checkResult(importText(text.slice(0, from) + text.slice(to)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("random bytes, also behind a PDF or ZIP signature, give a result and never an exception", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom("", "%PDF-1.7\n", "PK\u0003\u0004"),
        fc.constantFrom("a.txt", "a.pdf", "a.docx", "a"),
        async (bytes, prefix, name) => {
          const all = Uint8Array.from([...new TextEncoder().encode(prefix), ...bytes]);
          const r = await importDocument(all, name);
          checkResult(r);
        },
      ),
      { numRuns: 80 },
    );
  });
});
