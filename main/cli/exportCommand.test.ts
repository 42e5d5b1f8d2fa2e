import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { createFile, MAX_FILE_BYTES, serialize } from "../../schemas/file.js";
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
    expect(broken.err).toContain(
      `Not a readable protocol file / Inte en läsbar protokollfil: ${bad}`,
    );
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

describe("export and validate read a file the same way", () => {
  const bad = join(dir, "bad-inputs");
  mkdirSync(bad);
  const newer = JSON.parse(serialize(seed002())) as { version: number };
  newer.version += 1;
  const inputs: Record<string, string> = {
    missing: join(bad, "finns-inte.protokoll"),
    folder: join(bad, "mapp.protokoll"),
    "too large": join(bad, "stor.protokoll"),
    binary: join(bad, "binar.protokoll"),
    "not UTF-8": join(bad, "latin1.protokoll"),
    "a PDF": join(bad, "fel.protokoll"),
    "not JSON": join(bad, "trasig.protokoll"),
    "another format": join(bad, "annat.protokoll"),
    "a newer file version": join(bad, "nyare.protokoll"),
  };
  /** The first line each kind of bad input must get (readProtocolFile's heading). */
  const heading: Record<string, string> = {
    missing: "File not found / Filen finns inte",
    folder: "Is a folder, not a file / Är en mapp, inte en fil",
    "too large": "File too large / Filen är för stor",
    binary: "Not a text file (binary content) / Inte en textfil (binärt innehåll)",
    "not UTF-8": "Cannot read (not UTF-8 text?) / Kan inte läsas (inte UTF-8-text?)",
    "a PDF":
      "Not a protocol file, import it instead / Inte en protokollfil, importera den i stället",
    "not JSON": "Not a readable protocol file / Inte en läsbar protokollfil",
    "another format": "Not a readable protocol file / Inte en läsbar protokollfil",
    "a newer file version": "Not a readable protocol file / Inte en läsbar protokollfil",
  };
  mkdirSync(inputs.folder!);
  // Sparse: one byte over the limit without writing 50 MB.
  writeFileSync(inputs["too large"]!, "");
  truncateSync(inputs["too large"]!, MAX_FILE_BYTES + 1);
  writeFileSync(inputs.binary!, Buffer.from([0x7b, 0x00, 0x7d]));
  writeFileSync(inputs["not UTF-8"]!, Buffer.from('{"format": "Sammantr\xe4de"}', "latin1"));
  writeFileSync(inputs["a PDF"]!, "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n");
  writeFileSync(inputs["not JSON"]!, "{ not json");
  writeFileSync(inputs["another format"]!, JSON.stringify({ format: "något-annat", version: 1 }));
  writeFileSync(inputs["a newer file version"]!, JSON.stringify(newer));

  it.each(Object.keys(inputs))(
    "says the same as validate, with exit code 2 and nothing written, for %s",
    async (kind) => {
      const path = inputs[kind]!;
      const out = join(dir, "same.pdf");
      const exported = await cli(path, "--draft", "--pdf", out);
      const validated = await runCapturing(["validate", path]);
      expect(validated.code).toBe(2);
      expect(validated.err.split("\n")[0]).toBe(`${heading[kind]}: ${path}`);
      expect(exported).toEqual(validated);
      expect(existsSync(out)).toBe(false);
    },
  );

  it("names the newer file version rather than a generic failure", async () => {
    const r = await cli(inputs["a newer file version"]!, "--draft");
    expect(r.err).toContain("nyare version av Protokoll");
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
