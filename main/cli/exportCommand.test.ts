import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { createFile, serialize } from "../../schemas/file.js";
import { readPdf } from "../export/readBack.testkit.js";
import { seed002 } from "../export/testFixtures.testkit.js";
import { parseSectionList } from "./exportCommand.js";
import { runCapturing } from "./runCapturing.js";

const dir = mkdtempSync(join(tmpdir(), "protokoll-cli-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCapturing(["export", ...args]);

const seedPath = join(dir, "seed002.protokoll");
writeFileSync(seedPath, serialize(seed002()));

describe("protokoll export", () => {
  it("writes DOCX and PDF of a draft and says where, in English and Swedish", async () => {
    const r = await cli(
      seedPath,
      "--draft",
      "--docx",
      join(dir, "a.docx"),
      "--pdf",
      join(dir, "a.pdf"),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("Wrote / Skrev");
    expect(readFileSync(join(dir, "a.docx")).subarray(0, 2).toString()).toBe("PK");
    expect(readFileSync(join(dir, "a.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("makes an extract of §§ given by number (5,7-9) and bookmarks exactly those", async () => {
    const out = join(dir, "utdrag.pdf");
    const r = await cli(seedPath, "--draft", "--extract", "5,7-9", "--pdf", out);
    expect(r.code).toBe(0);
    const pdf = await readPdf(new Uint8Array(readFileSync(out)));
    expect(pdf.outline.map((t) => t.split(" ").slice(0, 2).join(" "))).toEqual([
      "§ 5",
      "§ 7",
      "§ 8",
      "§ 9",
    ]);
  });

  it("writes the PDF next to the document under its stable name when no output is given", async () => {
    const r = await cli(seedPath, "--draft", "--notice");
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "socialnamnden_2020-08-25_anslag_UTKAST.pdf"))).toBe(true);
  });

  it("refuses to overwrite the document it exports, and leaves it as it was", async () => {
    const before = readFileSync(seedPath, "utf8");
    const r = await cli(seedPath, "--draft", "--pdf", seedPath);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Cannot write \/ Kan inte skriva/);
    expect(readFileSync(seedPath, "utf8")).toBe(before);
  });

  it("exits 2 with a bilingual message for a missing or unreadable file", async () => {
    const missing = await cli(join(dir, "nope.protokoll"), "--pdf", join(dir, "x.pdf"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("File not found / Filen finns inte");
    const bad = join(dir, "bad.protokoll");
    writeFileSync(bad, "{ not json");
    const broken = await cli(bad, "--pdf", join(dir, "x.pdf"));
    expect(broken.code).toBe(2);
    expect(broken.err).toContain("Cannot read the file / Filen kan inte läsas");
    expect(existsSync(join(dir, "x.pdf"))).toBe(false);
  });

  it("exits 2 for an unknown § number or conflicting options", async () => {
    const r = await cli(seedPath, "--draft", "--extract", "99", "--pdf", join(dir, "y.pdf"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("§ 99");
    expect((await cli(seedPath, "--notice", "--public")).code).toBe(2);
    expect((await cli(seedPath, "--extract", "x-y")).code).toBe(2);
  });

  it("refuses an official export of a document with errors: exit 1, problems listed by §", async () => {
    const path = join(dir, "broken.protokoll");
    writeFileSync(
      path,
      serialize(
        createFile(
          "protokoll",
          { body: { name: "Socialnämnden" }, meeting: { date: "2020-08-25" } },
          b.protocol(b.item({ id: "a", title: "" }, b.background("Text."))),
        ),
      ),
    );
    const out = join(dir, "broken.pdf");
    const r = await cli(path, "--pdf", out);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Export refused: the document has errors / Exporten stoppades");
    expect(r.err).toMatch(/ {2}§ 1\n {4}error \/ fel \[item-title\]/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("parseSectionList", () => {
  it("reads single numbers and ranges, and refuses anything else", () => {
    expect(parseSectionList("5,7-9")).toEqual([5, 7, 8, 9]);
    expect(parseSectionList("§ 3, 3–4")).toEqual([3, 4]);
    expect(parseSectionList("9-7")).toBeNull();
    expect(parseSectionList("a")).toBeNull();
  });
});
